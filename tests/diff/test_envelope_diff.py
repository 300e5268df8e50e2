"""Envelope diffs: two designs that differ only in the ASCE 7 edition, every change named.

The oracle here is independent of ``apex_nb.diff``: it flattens both envelopes' inputs, results
and checks (parts matched by solver name and order) with its own small walker and expects each
differing leaf to appear in the diff with the right old and new values. No design number is
written down: the lead's solvers change numbers, the diff must follow whatever they compute.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import apex_nb
from apex_nb.cli.main import main
from apex_nb.errors import EnvelopeError

SIGN = {
    "wind": {"edition": "7-16", "wind_speed_mph": 130, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
    "soil": {"soil_class": 4},
}


def _edition(edition: str) -> dict[str, Any]:
    data = json.loads(json.dumps(SIGN))
    data["wind"]["edition"] = edition
    return data


@pytest.fixture(scope="module")
def pair() -> tuple[Any, Any]:
    return apex_nb.solve("design.pole_sign", _edition("7-16")), apex_nb.solve("design.pole_sign", _edition("7-22"))


def _leaves(value: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(_leaves(item, f"{prefix}.{key}" if prefix else key))
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for i, item in enumerate(value):
            out.update(_leaves(item, f"{prefix}[{i}]"))
    else:
        out[prefix] = value
    return out


def _tree(env: dict[str, Any], where: str = "") -> dict[str, dict[str, Any]]:
    """{part path: envelope dict}, parts named solver#n among siblings like the diff does."""
    found = {where: env}
    seen: dict[str, int] = {}
    for part in env["parts"]:
        name = part["solver"]["name"]
        seen[name] = seen.get(name, 0) + 1
        key = name if seen[name] == 1 else f"{name}#{seen[name]}"
        found.update(_tree(part, f"{where}/{key}" if where else key))
    return found


def _expected(a: Any, b: Any) -> set[tuple[str, str, str]]:
    ta, tb = _tree(a.model_dump(mode="json")), _tree(b.model_dump(mode="json"))
    expected = set()
    for where in set(ta) & set(tb):
        for group, field in (("inputs", "inputs"), ("results", "result")):
            la, lb = _leaves(ta[where][field]), _leaves(tb[where][field])
            for path in set(la) | set(lb):
                if la.get(path, "absent") != lb.get(path, "absent"):
                    expected.add((group, where, path))
        ca = {c["id"]: c for c in ta[where]["checks"]}
        cb = {c["id"]: c for c in tb[where]["checks"]}
        for cid in set(ca) | set(cb):
            for name in ("demand", "capacity", "ratio", "passed"):
                if ca.get(cid, {}).get(name) != cb.get(cid, {}).get(name):
                    expected.add(("checks", where, f"{cid}.{name}"))
    return expected


def test_edition_change_names_every_changed_input_pack_result_and_check(pair: tuple[Any, Any]) -> None:
    a, b = pair
    result = apex_nb.diff(a, b)
    named = {(c.group, c.part, c.path) for c in result.changes if c.group != "packs"}
    expected = _expected(a, b)
    assert expected, "the editions should change something"
    assert expected <= named, sorted(expected - named)[:10]
    assert named <= expected | {("results", c.part, "(part)") for c in result.changes}, sorted(named - expected)[:10]
    edition = result.find("wind.edition", "inputs", "")
    assert edition is not None and (edition.old, edition.new) == ("7-16", "7-22")
    # packs: exactly the wind packs of the two editions (and anything else whose version or bytes differ)
    packs_a = {p.name: (p.version, p.sha256) for p in a.packs}
    packs_b = {p.name: (p.version, p.sha256) for p in b.packs}
    expected_packs = {n for n in set(packs_a) | set(packs_b) if packs_a.get(n) != packs_b.get(n)}
    assert {c.path for c in result.packs} == expected_packs
    assert {"asce7-16-wind", "asce7-22-wind"} <= expected_packs
    for group in ("inputs", "packs", "results", "checks"):
        assert result.group(group), f"no {group} change listed"


def test_changes_carry_old_new_unit_and_delta(pair: tuple[Any, Any]) -> None:
    a, b = pair
    result = apex_nb.diff(a, b)
    numeric = [c for c in result.changes if c.delta is not None]
    assert numeric
    for change in numeric:
        assert change.delta == pytest.approx(change.new - change.old)
    units = {c.path.rsplit(".", 1)[-1]: c.unit for c in result.results if not c.part}
    for name, unit in units.items():
        if name.endswith("_lb_ft"):
            assert unit == "lb-ft"
        elif name.endswith("_usd"):
            assert unit == "USD"
    for change in result.checks:
        if change.path.endswith((".demand", ".capacity")):
            check = change.path.rsplit(".", 1)[0]
            assert change.unit == next(
                (c.unit for p in [a, *_all_parts(a)] for c in p.checks if c.id == check and c.unit not in ("-", "1")),
                "",
            )


def _all_parts(env: Any) -> list[Any]:
    found = []
    for part in env.parts:
        found += [part, *_all_parts(part)]
    return found


def test_identical_and_tampered() -> None:
    env = apex_nb.solve("design.pole_sign", SIGN)
    assert apex_nb.diff(env, env).identical
    data = env.model_dump(mode="json")
    data["result"]["price_total_usd"] = 1.0
    with pytest.raises(EnvelopeError):
        apex_nb.diff(env, data)


def test_html_repr_escapes_every_value() -> None:
    evil = "<script>alert(1)</script>"
    a = apex_nb.solve("design.pole_sign", SIGN)
    data = json.loads(json.dumps(SIGN))
    data["faces"][0]["name"] = evil
    b = apex_nb.solve("design.pole_sign", data)
    result = apex_nb.diff(a, b)
    html = result._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "faces[0].name" in html


def test_cli_diff(tmp_path: Path, pair: tuple[Any, Any], capsys: pytest.CaptureFixture[str]) -> None:
    a, b = pair
    fa, fb = tmp_path / "a.json", tmp_path / "b.json"
    fa.write_text(a.to_json())
    fb.write_text(b.to_json())
    assert main(["diff", str(fa), str(fb)]) == 1
    text = capsys.readouterr().out
    for group in ("inputs (", "packs (", "results (", "checks ("):
        assert group in text
    assert "wind.edition: 7-16 -> 7-22" in text
    assert main(["diff", str(fa), str(fb), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {c["path"] for c in data["packs"]} >= {"asce7-16-wind", "asce7-22-wind"}
    assert main(["diff", str(fa), str(fa)]) == 0
    bad = tmp_path / "bad.json"
    bad.write_text(a.to_json().replace(a.content_sha256, "sha256-jcs-v1:" + "0" * 64))
    assert main(["diff", str(fa), str(bad)]) == 2
    assert "B.json" in capsys.readouterr().err


def test_cli_names_every_change_the_oracle_finds(
    tmp_path: Path, pair: tuple[Any, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    """``apex-nb diff`` itself (text and JSON), not only the API, names every changed input, pack,
    result and check of two designs that differ only in the ASCE 7 edition."""
    a, b = pair
    fa, fb = tmp_path / "a.json", tmp_path / "b.json"
    fa.write_text(a.to_json())
    fb.write_text(b.to_json())
    assert main(["diff", str(fa), str(fb), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    named = {(group, c["part"], c["path"]) for group in ("inputs", "results", "checks") for c in data[group]}
    expected = _expected(a, b)
    assert expected <= named, sorted(expected - named)[:10]
    packs_a = {p.name: (p.version, p.sha256) for p in a.packs}
    packs_b = {p.name: (p.version, p.sha256) for p in b.packs}
    assert {c["path"] for c in data["packs"]} == {n for n in {*packs_a, *packs_b} if packs_a.get(n) != packs_b.get(n)}
    assert main(["diff", str(fa), str(fb)]) == 1
    text = capsys.readouterr().out
    lines = {line.strip() for line in text.splitlines()}
    for change in apex_nb.diff(a, b).changes:  # one line per change, none left out
        assert change.describe() in lines, change.describe()
    assert "more" not in text.replace("more than", "")
