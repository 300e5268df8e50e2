"""Packs: lock verification, schema validation, version resolution and pinning."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from apex_nb import solve
from apex_nb.errors import PackError
from apex_nb.packs import PackLibrary, read_lock, write_lock

QZ = {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C", "height_ft": 30}


def run_cli(*args: str, packs: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = None
    if packs is not None:
        import os

        env = {**os.environ, "APEX_NB_PACKS": str(packs)}
    return subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        input=stdin,
    )


def test_every_real_pack_verifies() -> None:
    library = PackLibrary()
    assert library.verify_all() == []
    assert "asce7-16-wind" in library.names()


def test_lock_lists_every_pack_file() -> None:
    library = PackLibrary()
    locked = read_lock(library.root)
    on_disk = {
        p.relative_to(library.root).as_posix() for p in library.root.glob("*/*.*") if p.suffix in {".yaml", ".csv"}
    }
    assert on_disk <= set(locked)


def test_one_changed_byte_fails_verify_and_solve_naming_the_file(packs_copy: Path) -> None:
    target = packs_copy / "asce7-16-wind" / "1.0.0.yaml"
    data = bytearray(target.read_bytes())
    index = data.index(b"0.85")
    data[index + 3] = ord("6")  # 0.85 -> 0.86: one byte
    target.write_bytes(bytes(data))
    result = run_cli("packs", "verify", packs=packs_copy)
    assert result.returncode == 1
    assert str(target) in result.stdout
    with pytest.raises(PackError, match=r"asce7-16-wind/1\.0\.0\.yaml.*does not match packs\.lock"):
        solve("wind.asce7_qz", QZ, library=PackLibrary(root=packs_copy))
    solved = run_cli("solve", "wind.asce7_qz", "--input", "-", packs=packs_copy, stdin=json.dumps(QZ))
    assert solved.returncode == 1
    assert "asce7-16-wind/1.0.0.yaml" in solved.stderr and "Traceback" not in solved.stderr


def test_unlocked_pack_file_is_refused(packs_copy: Path) -> None:
    extra = packs_copy / "asce7-16-wind" / "1.0.1.yaml"
    extra.write_bytes((packs_copy / "asce7-16-wind" / "1.0.0.yaml").read_bytes().replace(b"1.0.0", b"1.0.1"))
    library = PackLibrary(root=packs_copy)
    problems = library.verify_all()
    assert any("1.0.1.yaml" in p and "not listed" in p for p in problems)
    with pytest.raises(PackError, match="not listed"):
        library.load_file(extra)


def _add_version(root: Path, version: str, kd: str) -> None:
    source = (root / "asce7-16-wind" / "1.0.0.yaml").read_text()
    text = source.replace("version: 1.0.0", f"version: {version}").replace(
        "solid_freestanding_signs: 0.85", f"solid_freestanding_signs: {kd}"
    )
    (root / "asce7-16-wind" / f"{version}.yaml").write_text(text)
    write_lock(root)


def test_versions_coexist_newest_is_default_and_pins_work(packs_copy: Path) -> None:
    _add_version(packs_copy, "1.1.0", "0.80")
    _add_version(packs_copy, "1.0.2", "0.90")
    library = PackLibrary(root=packs_copy)
    assert library.versions("asce7-16-wind") == ["1.0.0", "1.0.2", "1.1.0"]
    newest = solve("wind.asce7_qz", QZ, library=library)
    pinned = solve("wind.asce7_qz", QZ, library=library, pack_versions={"asce7-16-wind": "1.0.0"})
    assert newest.result["kd"] == pytest.approx(0.80)
    assert pinned.result["kd"] == pytest.approx(0.85)
    assert [p.version for p in newest.packs] == ["1.1.0"]
    assert [p.version for p in pinned.packs] == ["1.0.0"]
    assert newest.content_sha256 != pinned.content_sha256


def test_header_must_match_file_location(packs_copy: Path) -> None:
    source = packs_copy / "asce7-16-wind" / "1.0.0.yaml"
    source.write_text(source.read_text().replace("name: asce7-16-wind", "name: asce7-10-wind"))
    write_lock(packs_copy)
    with pytest.raises(PackError, match="header says asce7-10-wind"):
        PackLibrary(root=packs_copy).get("asce7-16-wind")


def test_body_schema_is_enforced(packs_copy: Path) -> None:
    source = packs_copy / "asce7-16-wind" / "1.0.0.yaml"
    source.write_text(source.read_text().replace("kd_in_qz: true", "kd_in_qz: maybe"))
    write_lock(packs_copy)
    with pytest.raises(PackError, match=r"velocity_pressure\.kd_in_qz"):
        PackLibrary(root=packs_copy).get("asce7-16-wind")


def test_missing_sources_are_refused(packs_copy: Path) -> None:
    source = packs_copy / "asce7-16-wind" / "1.0.0.yaml"
    text = source.read_text()
    start, end = text.index("  sources:"), text.index("  unverified:")
    source.write_text(text[:start] + "  sources: []\n" + text[end:])
    write_lock(packs_copy)
    with pytest.raises(PackError, match="sources"):
        PackLibrary(root=packs_copy).get("asce7-16-wind")


def test_cli_packs_list_and_show() -> None:
    listed = run_cli("packs", "list")
    assert listed.returncode == 0 and "asce7-16-wind" in listed.stdout
    shown = run_cli("packs", "show", "asce7-16-wind", "--data")
    assert shown.returncode == 0
    assert '"sha256"' in shown.stdout and '"kz_table"' in shown.stdout


def test_unknown_pack_is_a_clear_error() -> None:
    with pytest.raises(PackError, match="no-such-pack"):
        PackLibrary().get("no-such-pack")


def test_the_fast_yaml_loader_reads_every_pack_as_safe_load_does() -> None:
    """Packs are parsed with libyaml's parser and PyYAML's safe constructor: the same objects, types included."""
    import yaml

    from apex_nb.packs import _load_yaml, default_packs_root

    files = sorted(default_packs_root().rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert repr(_load_yaml(text)) == repr(yaml.safe_load(text)), path.name
    assert repr(_load_yaml("a: 1\nb: 1.0\nc: 1e3\nd: yes\ne: 2026-01-01\nf: '7-16'\n")) == repr(
        yaml.safe_load("a: 1\nb: 1.0\nc: 1e3\nd: yes\ne: 2026-01-01\nf: '7-16'\n")
    )
    with pytest.raises(yaml.YAMLError):
        _load_yaml("!!python/object:os.system ['echo hi']")
