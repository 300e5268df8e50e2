"""``apex-nb batch --calc-packages``: each priced site's calc package zipped beside the workbook.

The zips are opened as a project manager would (``zipfile``): every member is inside its site's
folder, the calc package names the site, the envelope is the run's exact bytes. Site ids come
from a spreadsheet, so hostile ids are made safe before they name a file or an archive member.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from apex_nb.batch.packages import ALL_ZIP, PACKAGES_DIR, safe_name, write_calc_packages
from apex_nb.cli.main import main

from .batchutil import envelopes, portfolio_rows, write_csv

SITES = ("QF-CHI-002", "QF-SEA-008")


@pytest.mark.parametrize(
    ("site_id", "expected"),
    [
        ("QF-CHI-002", "QF-CHI-002"),
        ("../../etc/passwd", "etc_passwd"),
        ("..", "site"),
        (".hidden", "hidden"),
        ("-rf", "rf"),
        ("a b/c\\d", "a_b_c_d"),
        ("a\x00b\nc", "a_b_c"),
        ("日本の看板", "site"),
        ("CON", "site-CON"),
        ("x" * 300, "x" * 64),
    ],
)
def test_safe_name(site_id: str, expected: str) -> None:
    assert safe_name(site_id) == expected


def test_safe_names_never_collide() -> None:
    taken: set[str] = set()
    names = [safe_name(s, taken) for s in ("A/1", "A_1", "a_1", "A 1")]
    assert names == ["A_1", "A_1-2", "a_1-3", "A_1-4"]
    assert len({n.lower() for n in names}) == 4


def _batch(tmp_path: Path, *flags: str) -> tuple[int, Path]:
    header, rows = portfolio_rows(SITES)
    sites = write_csv(tmp_path / "sites.csv", header, rows)
    out = tmp_path / "out"
    code = main(["batch", str(sites), "--out", str(out), "--engine", "inprocess", "--workers", "1", "--quiet", *flags])
    return code, out


def _check_site(archive: zipfile.ZipFile, site: str, envelope: bytes) -> None:
    html = archive.read(f"{site}/calc-package.html").decode("utf-8")
    assert html.startswith("<!") and f"site {site}" in html  # the batch site is named in the title block
    assert archive.read(f"{site}/envelope.json") == envelope


def test_one_zip_per_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _batch(tmp_path, "--calc-packages")
    assert code == 0
    assert f"calc packages: 2 site(s) in 2 zip(s): {out / PACKAGES_DIR}" in capsys.readouterr().out
    runs = envelopes(out)
    assert sorted(p.name for p in (out / PACKAGES_DIR).iterdir()) == [f"{s}.zip" for s in sorted(SITES)]
    for site in SITES:
        with zipfile.ZipFile(out / PACKAGES_DIR / f"{site}.zip") as archive:
            assert archive.testzip() is None
            assert sorted(archive.namelist()) == [f"{site}/calc-package.html", f"{site}/envelope.json"]
            _check_site(archive, site, runs[site])
    first = (out / PACKAGES_DIR / f"{SITES[0]}.zip").read_bytes()
    write_calc_packages(out)  # the same runs give the same bytes (fixed member dates)
    assert (out / PACKAGES_DIR / f"{SITES[0]}.zip").read_bytes() == first


def test_one_zip_of_all_sites_with_pdf(tmp_path: Path) -> None:
    code, out = _batch(tmp_path, "--calc-packages", "one", "--calc-package-pdf")
    assert code == 0 and not (out / PACKAGES_DIR).exists()
    runs = envelopes(out)
    with zipfile.ZipFile(out / ALL_ZIP) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert all(n.split("/")[0] in SITES and ".." not in n and not n.startswith("/") for n in names)
        for site in SITES:
            _check_site(archive, site, runs[site])
            assert archive.read(f"{site}/calc-package.pdf").startswith(b"%PDF-")


def test_a_broken_run_is_listed_and_the_others_are_packaged(tmp_path: Path) -> None:
    code, out = _batch(tmp_path)
    assert code == 0
    (out / "runs" / SITES[0] / "envelope.json").write_text("{not json", encoding="utf-8")
    result = write_calc_packages(out)
    assert result.sites == [SITES[1]] and list(result.failed) == [SITES[0]]
    assert "not an envelope" in result.failed[SITES[0]]
    assert [p.name for p in result.zips] == [f"{SITES[1]}.zip"]
    code = main(["batch", str(tmp_path / "sites.csv"), "--out", str(out), "--engine", "inprocess", "--quiet",
                 "--calc-packages"])  # fmt: skip
    assert code == 0  # the batch re-ran the broken site (its envelope no longer matched), so both are packaged
    assert sorted(p.name for p in (out / PACKAGES_DIR).iterdir()) == [f"{s}.zip" for s in sorted(SITES)]


def test_sites_dropped_from_the_sheet_lose_their_packages(tmp_path: Path) -> None:
    code, out = _batch(tmp_path, "--calc-packages")
    assert code == 0 and len(list((out / PACKAGES_DIR).iterdir())) == 2
    header, rows = portfolio_rows(SITES[1:])
    sheet = write_csv(tmp_path / "fewer.csv", header, rows)
    code = main(["batch", str(sheet), "--out", str(out), "--engine", "inprocess", "--quiet", "--calc-packages"])
    assert code == 0
    assert (out / "runs" / SITES[0] / "envelope.json").is_file()  # the run stays cached
    assert [p.name for p in (out / PACKAGES_DIR).iterdir()] == [f"{SITES[1]}.zip"]  # its package does not
