"""The envelope diff explains a changed price: in ``apex-nb reprice`` and in the project history."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import apex_nb
from apex_nb.batch.reprice import explain_repricing, find_part, pricing_library
from apex_nb.cli.main import main
from apex_nb.project import ProjectStore

SIGN = {
    "wind": {"edition": "7-16", "wind_speed_mph": 120, "exposure": "C"},
    "faces": [{"width_ft": 8, "height_ft": 4, "top_height_ft": 20}],
    "soil": {"soil_class": 4},
}


def test_repricing_is_explained_by_the_prices_pack() -> None:
    design = apex_nb.solve("design.pole_sign", SIGN, pack_versions={"prices": "2026.1.0"})
    cost = find_part(design, "cost.estimate")
    assert cost is not None
    library, version = pricing_library("2026.2.0")
    from apex_nb.batch.reprice import price

    new = price(cost, library, version)
    why = explain_repricing(cost, new)
    assert "prices 2026.1.0 -> 2026.2.0" in why
    old_total, new_total = cost.result["total_usd"], new.result["total_usd"]
    if old_total != new_total:
        assert "total_usd" in why and "USD" in why


def test_reprice_csv_has_the_reason(tmp_path: Path) -> None:
    from apex_nb.batch.records import ENVELOPE_NAME, RunRecord
    from apex_nb.batch.reprice import reprice

    run = tmp_path / "runs" / "S1"
    run.mkdir(parents=True)
    env = apex_nb.solve("design.pole_sign", SIGN, pack_versions={"prices": "2026.1.0"})
    (run / ENVELOPE_NAME).write_text(env.to_json())
    record = RunRecord(site_id="S1", status="ok", solver="design.pole_sign", engine="inprocess", input_key="k")
    (run / "run.json").write_text(record.to_json())
    reprice(tmp_path, "2026.2.0", quiet=True)
    rows = list(csv.DictReader((tmp_path / "reprice" / "2026.2.0" / "repriced.csv").open(encoding="utf-8")))
    assert rows[0]["site_id"] == "S1" and "prices 2026.1.0 -> 2026.2.0" in rows[0]["why"]


def test_project_history_and_diff_explain_a_changed_design(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = ProjectStore(tmp_path)
    old = apex_nb.solve("design.pole_sign", SIGN)
    store.create("p", {"name": "x", "designs": [{"id": "d1", "envelope": old.model_dump(mode="json")}]})
    _, etag = store.load("p")
    doc = store.load("p")[0].to_json()
    faster = {**SIGN, "wind": {**SIGN["wind"], "wind_speed_mph": 150}}
    new = apex_nb.solve("design.pole_sign", faster)
    doc["designs"][0]["envelope"] = new.model_dump(mode="json")
    store.save("p", doc, if_match=etag, who="test")
    expected = apex_nb.diff(old, new).explain()
    assert expected
    assert main(["project", "history", "p", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"why: design d1: {expected[0]}" in out
    assert main(["project", "diff", "p", "--root", str(tmp_path)]) == 0
    assert f"why: design d1: {expected[0]}" in capsys.readouterr().out
