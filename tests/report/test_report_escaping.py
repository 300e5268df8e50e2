"""Text from an envelope is shown, never run: report, HTML repr and viewer blocks escape it once."""

from __future__ import annotations

import pandas as pd

import apex_nb
from apex_nb.compare import styled
from apex_nb.envelope import Assumption, Check, Envelope, SolverId, TraceItem
from apex_nb.report import render_html
from apex_nb.report.blocks import checks_table, result_table

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"


def hostile_envelope() -> Envelope:
    check = Check(id=HOSTILE, description=HOSTILE, clause=HOSTILE, demand=1.0, capacity=2.0, ratio=0.5,
                  unit=HOSTILE, passed=True)  # fmt: skip
    draft = Envelope(
        solver=SolverId(name="design.pole_sign", version="1.0.0"),
        inputs={"wind": {"wind_speed_source": HOSTILE}, HOSTILE: HOSTILE},
        result={
            HOSTILE: HOSTILE,
            "nested": {"a": HOSTILE},
            "rows": [{HOSTILE: HOSTILE}],
            "needs_engineer_review": True,
            "review_reasons": [HOSTILE],
        },
        checks=[check],
        assumptions=[Assumption(text=HOSTILE, clause=HOSTILE)],
        trace=[TraceItem(symbol=HOSTILE, description=HOSTILE, formula=HOSTILE, value=HOSTILE, unit=HOSTILE)],
        warnings=[HOSTILE],
        confidence=0.5,
        apex_nb_version=apex_nb.__version__,
        content_sha256="sha256-jcs-v1:" + "0" * 64,
    )
    return draft.model_copy(update={"content_sha256": draft.compute_hash()})


def test_hostile_text_is_escaped_everywhere() -> None:
    env = hostile_envelope()
    pages = {
        "report": render_html(env, print_date="2026-12-04", drawings=False),
        "repr": env._repr_html_(),
        "checks": str(checks_table(env)),
        "result": str(result_table(env)),
    }
    for name, page in pages.items():
        assert "<script" not in page and "<img" not in page, name
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, name  # shown as text, escaped once
        assert "&amp;lt;" not in page, f"{name}: escaped twice"


def test_edition_table_styler_escapes_text() -> None:
    frame = pd.DataFrame({"post label": [HOSTILE]}, index=pd.Index(["7-16"], name="edition"))
    frame.attrs["changed"] = []
    page = styled(frame).to_html()
    assert "<script" not in page and "&lt;script&gt;" in page
