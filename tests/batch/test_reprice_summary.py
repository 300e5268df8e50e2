"""Re-pricing finished envelopes without re-running the engineering; the summary roll-up totals."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

import apex_nb
from apex_nb.batch.records import RunRecord
from apex_nb.batch.reprice import find_part, reprice
from apex_nb.batch.summary import COLUMNS, envelope_row, rollup_html
from apex_nb.envelope import Check, Envelope, SolverId
from apex_nb.errors import InputError, PackError
from apex_nb.files import atomic_write

from .batchutil import REPO

BOM = {
    "steel": [{"family": "pipe", "weight_lb": 820.0, "description": "12 in pipe post"}],
    "concrete_yd3": 1.6,
    "auger_holes": [{"count": 1, "diameter_in": 30, "depth_ft": 6.5}],
    "overall_height_ft": 30,
    "galvanized": True,
    "cabinet_area_ft2": 96,
}


def fake_design(site_id: str, steel_lb: float, review: bool, ratio: float) -> Envelope:
    """A design-shaped envelope whose cost part is a real ``cost.estimate`` at prices 2026.1.0."""
    bom = {**BOM, "steel": [{**BOM["steel"][0], "weight_lb": steel_lb}]}
    cost = apex_nb.solve("cost.estimate", {"bom": bom, "price_pack_version": "2026.1.0"})
    check = Check(id="post.flexure", description="post flexure", clause="AISC 360-16 F8", demand=ratio,
                  capacity=1.0, ratio=ratio, unit="-", passed=ratio <= 1)  # fmt: skip
    result = {
        "post_label": "PIPE12STD",
        "foundation_summary": "30 in auger x 6.5 ft",
        "steel_lb": steel_lb,
        "concrete_yd3": BOM["concrete_yd3"],
        "price_total_usd": cost.result["total_usd"],
        "governing_check": "post.flexure",
        "needs_engineer_review": review,
        "review_reasons": ["soil class assumed"] if review else [],
    }
    return Envelope.seal(solver=SolverId(name="design.test", version="0.0.0"), inputs={"site_id": site_id},
                         result=result, checks=[check], confidence=1.0, packs=cost.packs, parts=[cost],
                         apex_nb_version=apex_nb.__version__)  # fmt: skip


def _finished(out: Path, envelope: Envelope, site_id: str) -> None:
    folder = out / "runs" / site_id
    atomic_write(folder / "envelope.json", envelope.to_json())
    record = RunRecord(site_id=site_id, status="ok", solver=envelope.solver.name, engine="inprocess", input_key="k")
    atomic_write(folder / "run.json", record.to_json())


@pytest.fixture
def batch_dir(tmp_path: Path) -> Path:
    out = tmp_path / "batch"
    _finished(out, fake_design("A-1", 820.0, False, 0.8), "A-1")
    _finished(out, fake_design("B-2", 1240.0, True, 0.95), "B-2")
    atomic_write(
        out / "runs" / "C-3" / "run.json", RunRecord("C-3", "failed", "design.test", "inprocess", "k").to_json()
    )
    return out


def test_reprice_changes_only_the_money(batch_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p: p.read_bytes() for p in batch_dir.rglob("envelope.json")}
    report = reprice(batch_dir, "2026.2.0", quiet=True)
    assert {p: p.read_bytes() for p in batch_dir.rglob("envelope.json")} == before  # engineering untouched
    done = {s.site_id: s for s in report.sites if not s.error}
    assert sorted(done) == ["A-1", "B-2"]
    assert [s.site_id for s in report.failed] == ["C-3"]
    for site in done.values():
        assert site.old_prices == "2026.1.0"
        assert site.delta_usd is not None and site.delta_usd > 0  # 2026.2.0 raises steel, concrete and fee
        new_cost = Envelope.from_json((report.folder / site.cost_envelope).read_bytes())
        old_envelope = Envelope.from_json((batch_dir / "runs" / site.site_id / "envelope.json").read_bytes())
        old_cost = find_part(old_envelope, "cost.estimate")
        assert old_cost is not None
        assert new_cost.inputs["bom"] == old_cost.inputs["bom"]
        assert {p.name: p.version for p in new_cost.packs} == {"prices": "2026.2.0"}
        assert site.new_total_usd == new_cost.result["total_usd"]
    rows = list(csv.DictReader((batch_dir / "reprice" / "2026.2.0" / "repriced.csv").open()))
    assert [r["site_id"] for r in rows] == ["A-1", "B-2", "C-3"]
    assert "change +" in report.text()


def test_reprice_by_locked_file_path_and_refusals(batch_dir: Path, tmp_path: Path) -> None:
    by_path = reprice(batch_dir, str(REPO / "packs" / "prices" / "2026.2.0.yaml"), quiet=True)
    by_version = reprice(batch_dir, "2026.2.0", quiet=True)
    assert [s.new_total_usd for s in by_path.sites] == [s.new_total_usd for s in by_version.sites]
    with pytest.raises(InputError, match=r"2026\.1\.0"):
        reprice(batch_dir, "2031.1.0", quiet=True)  # unknown version: the available ones are listed
    loose = tmp_path / "loose" / "prices" / "2026.3.0.yaml"
    loose.parent.mkdir(parents=True)
    shutil.copy(REPO / "packs" / "prices" / "2026.2.0.yaml", loose)
    with pytest.raises(PackError, match=r"packs\.lock"):
        reprice(batch_dir, str(loose), quiet=True)  # an unlocked price file is refused
    with pytest.raises(InputError, match="runs/"):
        reprice(tmp_path / "nowhere", "2026.2.0", quiet=True)


def test_rollup_totals_governing_checks_and_review(batch_dir: Path) -> None:
    rows = []
    for number, site in enumerate(("A-1", "B-2"), start=2):
        envelope = Envelope.from_json((batch_dir / "runs" / site / "envelope.json").read_bytes())
        rows.append({"row": number, "site_id": site, "city": "X", "state": "Y", "sign_type": "pole", "status": "ok",
                     "envelope": f"runs/{site}/envelope.json",
                     **envelope_row(envelope.model_dump(mode="json"))})  # fmt: skip
    rows.append({"row": 4, "site_id": "C-3", "status": "failed", "error": "PackError: boom"})
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    assert frame.loc[1, "review_reasons"] == "soil class assumed"
    page = rollup_html(frame, "test roll-up")
    assert "2,060" in page  # steel 820 + 1240 lb
    assert "3.20" in page  # concrete 2 x 1.6 yd³
    total = sum(frame["price_total_usd"].dropna())
    assert f"${total:,.0f}" in page and f"{total:,.2f}" not in page  # whole dollars
    assert "Priced 2 of 3 sites (1 failed)" in page
    assert "Sites needing engineer review (1)" in page and "soil class assumed" in page
    assert "post.flexure" in page and "0.950" in page
    assert "PackError: boom" in page
    assert "<script" not in page and "http" not in page
    assert 'href="runs/A-1/envelope.json"' in page
    for table in re.findall(r"<table[^>]*>(.*?)</table>", page, flags=re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)
        width = len(re.findall(r"<th[ >]", rows[0]))
        assert all(len(re.findall(r"<t[dh][ >]", row)) == width for row in rows[1:]), "header and cells disagree"


def test_batch_then_reprice_end_to_end(tmp_path: Path) -> None:
    from apex_nb.batch.runner import run_batch

    from .batchutil import options, portfolio_rows, write_csv

    sites = write_csv(tmp_path / "s.csv", *portfolio_rows(("QF-CHI-002", "QF-MIA-011")))
    out = tmp_path / "out"
    assert not run_batch(options(sites, out)).failed
    totals = {row["site_id"]: float(row["price_total_usd"]) for row in csv.DictReader((out / "summary.csv").open())}
    before = {p: p.read_bytes() for p in (out / "runs").rglob("envelope.json")}
    report = reprice(out, "2026.1.0", quiet=True)  # the batch priced with the newest pack, 2026.2.0
    assert not report.failed
    for site in report.sites:
        assert site.old_total_usd == totals[site.site_id]
        assert site.old_prices == "2026.2.0"
        assert site.new_total_usd is not None and site.new_total_usd < site.old_total_usd
    assert {p: p.read_bytes() for p in (out / "runs").rglob("envelope.json")} == before
