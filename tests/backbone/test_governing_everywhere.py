"""One governing rule (``Envelope.governing``) behind every display of the README's pole sign.

str(env), the JupyterLab HTML repr, ``apex-nb solve --format table``, the calc report, the
batch summary row and ``apex-nb run`` all name the check the design result names, with its ratio.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import apex_nb
from apex_nb.batch.summary import envelope_row
from apex_nb.cli.run_cmd import summary_row
from apex_nb.envelope import Check, Envelope, SolverId, governing_of
from apex_nb.report import render_html

README_POLE = {
    "wind": {"edition": "7-16", "wind_speed_mph": 115, "exposure": "C"},
    "faces": [{"width_ft": 10, "height_ft": 6, "top_height_ft": 25}],
}


@pytest.fixture(scope="module")
def pole() -> Envelope:
    return apex_nb.solve("design.pole_sign", README_POLE)


def test_every_display_names_the_same_governing_check(pole: Envelope, tmp_path: Path) -> None:
    found = pole.governing()
    assert found is not None
    label, ratio = found.label, f"{found.ratio:.3f}"
    assert (label, found.ratio) == (pole.result["governing_check"], pole.result["governing_ratio"])
    assert label.startswith("foundation.embedment: ")  # the checks live in the parts
    assert f"governing {label} ratio {ratio}" in str(pole)
    page = pole._repr_html_()
    headline = re.search(r'class="apx-governing">(.*?)</div>', page, flags=re.S)
    assert headline and label in headline.group(1) and ratio in headline.group(1)
    assert page.index("apx-governing") < page.index("apx-checks")  # at the top
    source = tmp_path / "pole.json"
    source.write_text(json.dumps(README_POLE))
    table = subprocess.run(
        [sys.executable, "-m", "apex_nb.cli.main", "solve", "design.pole_sign", "-i", str(source), "--format", "table"],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout  # fmt: skip
    assert f"governing: {label} ratio {ratio}" in table and "1.402e+04" not in table and "$14," in table
    report = render_html(pole, print_date="2026-12-04")
    assert f"{label} ratio {ratio}" in report
    assert envelope_row(pole.model_dump(mode="json"))["governing_check"] == label
    assert f"{label} ({found.ratio:.2f})" in summary_row("README pole", pole)


def _env(name: str, checks: list[Check], parts: list[Envelope] | None = None) -> Envelope:
    return Envelope(solver=SolverId(name=name, version="1.0.0"), inputs={}, result={}, checks=checks,
                    confidence=1.0, parts=parts or [], apex_nb_version="0",
                    content_sha256="sha256-jcs-v1:" + "0" * 64)  # fmt: skip


def _check(check_id: str, ratio: float) -> Check:
    return Check(id=check_id, description="", clause="", demand=ratio, capacity=1.0, ratio=ratio, unit="-",
                 passed=ratio <= 1)  # fmt: skip


def test_tie_break_rule() -> None:
    """Highest ratio; equal ratios go to the label that sorts first; depth first through parts."""
    deep = _env("b.solver", [_check("x", 0.9)])
    top = _env("design.x", [], [_env("c.solver", [_check("a", 0.9)]), _env("a.solver", [_check("z", 0.5)], [deep])])
    paths = ["design.x > c.solver", "design.x > a.solver", "design.x > a.solver > b.solver"]
    assert [f.path for f in top.all_checks()] == paths
    assert top.governing().label == "b.solver: x"  # tie at 0.9: 'b.solver: x' sorts before 'c.solver: a'
    assert governing_of(top.parts).label == "b.solver: x"
    top_higher = _env("design.x", [_check("own", 0.95)], top.parts)
    assert top_higher.governing().label == "design.x: own"
    assert _env("empty", []).governing() is None and "no checks" in str(_env("empty", []))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a.s", "b.s", "a.s: x", "é.s"]), st.sampled_from(["x", "y", "x2"]),
                  st.sampled_from([0.0, -0.0, 0.5, 0.9, 1.0, 1.2])),
        max_size=8,
    )
)  # fmt: skip
def test_the_governing_check_is_the_documented_maximum(drawn: list[tuple[str, str, float]]) -> None:
    """``governing_of`` builds tie keys only among the checks at the top ratio: the same check as the
    plain maximum of (ratio, tie key) over every check, the first met on equal keys."""
    from apex_nb.envelope import _tie_key, checks_of

    envelopes = [_env(solver, [_check(check_id, ratio)]) for solver, check_id, ratio in drawn]
    found = checks_of(envelopes)
    expected = max(found, key=_tie_key) if found else None
    assert governing_of(envelopes) is expected or governing_of(envelopes) == expected
    if expected is not None:
        assert found.index(governing_of(envelopes)) == found.index(expected)
