"""The pure three-way merge: examples for each rule and hypothesis properties."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apex_nb.project.merge import MISSING, diff, json_equal, three_way_merge
from apex_nb.project.paths import ById, format_path, parse_path

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=6),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=4), inner, max_size=4),
        # keyed lists, as signs and notes are: objects with unique string ids
        st.dictionaries(st.sampled_from("abcdef"), inner, max_size=4).map(
            lambda items: [{"id": k, "v": v} for k, v in items.items()]
        ),
    ),
    max_leaves=20,
)
documents = st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e", "f"]), json_values, max_size=6)

PROPS = settings(max_examples=100, deadline=None)


#: (ours, theirs) from (base, change): one side changed, or both made the same change.
SIDES = {
    "only ours changed": lambda base, x: (x, base),
    "only theirs changed": lambda base, x: (base, x),
    "same change on both sides": lambda base, x: (x, x),
}


@pytest.mark.parametrize("case", sorted(SIDES))
@PROPS
@given(documents, documents)
def test_a_change_on_one_side_or_the_same_on_both_is_kept(case: str, base: Any, x: Any) -> None:
    ours, theirs = SIDES[case](base, x)
    result = three_way_merge(base, ours, theirs)
    assert result.clean and json_equal(result.merged, x)


@PROPS
@given(documents, st.data())
def test_edits_of_disjoint_keys_merge_cleanly_and_keep_both(base: dict[str, Any], data: st.DataObject) -> None:
    keys = sorted(base)
    mine = set(data.draw(st.lists(st.sampled_from(keys), unique=True))) if keys else set()
    ours, theirs = dict(base), dict(base)
    for key in keys:
        if key in mine:
            ours[key] = data.draw(json_values)
        elif data.draw(st.booleans()):
            theirs[key] = data.draw(json_values)
    ours["added-by-ours"] = 1
    theirs["added-by-theirs"] = 2
    result = three_way_merge(base, ours, theirs)
    assert result.clean
    for key in keys:
        expected = ours[key] if key in mine else theirs[key]
        assert json_equal(result.merged[key], expected)
    assert result.merged["added-by-ours"] == 1 and result.merged["added-by-theirs"] == 2


@PROPS
@given(documents, documents, documents)
def test_conflicts_do_not_depend_on_which_side_is_ours(base: Any, x: Any, y: Any) -> None:
    forward, backward = three_way_merge(base, x, y), three_way_merge(base, y, x)
    assert {c.path for c in forward.conflicts} == {c.path for c in backward.conflicts}
    if forward.clean:  # a clean merge holds the same content either way (list order aside)
        assert {c.path for c in diff(forward.merged, backward.merged) if c.op != "reorder"} == set()


@PROPS
@given(documents, documents, documents)
def test_a_clean_merge_only_changes_what_one_side_changed(base: Any, x: Any, y: Any) -> None:
    result = three_way_merge(base, x, y)
    if result.clean:
        for change in diff(base, result.merged):
            if change.op == "reorder":
                continue
            # every change of the merge is exactly the change one of the sides made at that path
            assert any(c.path == change.path and json_equal(c.new, change.new) for c in diff(base, x) + diff(base, y))


def test_nested_objects_merge_key_by_key() -> None:
    base = {"site": {"address": "1 Main", "jurisdiction": "", "lat": 1.0}}
    ours = {"site": {"address": "2 Main", "jurisdiction": "", "lat": 1.0}}
    theirs = {"site": {"address": "1 Main", "jurisdiction": "Duluth", "lat": 1.0}}
    result = three_way_merge(base, ours, theirs)
    assert result.clean
    assert result.merged == {"site": {"address": "2 Main", "jurisdiction": "Duluth", "lat": 1.0}}


def test_same_leaf_changed_differently_is_a_conflict_by_path_holding_ours() -> None:
    base = {"site": {"address": "1 Main"}, "name": "A"}
    result = three_way_merge(
        base, {"site": {"address": "2 Main"}, "name": "B"}, {"site": {"address": "3 Main"}, "name": "A"}
    )
    assert [c.path for c in result.conflicts] == ["$.site.address"]
    conflict = result.conflicts[0]
    assert (conflict.base, conflict.ours, conflict.theirs) == ("1 Main", "2 Main", "3 Main")
    assert result.merged == {"site": {"address": "2 Main"}, "name": "B"}
    assert "$.site.address" in result.report() and '"3 Main"' in result.report()


def test_keyed_lists_merge_by_id() -> None:
    base = {"signs": [{"id": "s1", "h": 10}, {"id": "s2", "h": 20}]}
    ours = {"signs": [{"id": "s1", "h": 11}, {"id": "s2", "h": 20}, {"id": "s3", "h": 30}]}
    theirs = {"signs": [{"id": "s1", "h": 10}, {"id": "s2", "h": 22}, {"id": "s4", "h": 40}]}
    result = three_way_merge(base, ours, theirs)
    assert result.clean
    assert result.merged == {
        "signs": [{"id": "s1", "h": 11}, {"id": "s2", "h": 22}, {"id": "s3", "h": 30}, {"id": "s4", "h": 40}]
    }


def test_keyed_item_removed_on_one_side_and_edited_on_the_other_conflicts() -> None:
    base = {"signs": [{"id": "s1", "h": 10}, {"id": "s2", "h": 20}]}
    ours = {"signs": [{"id": "s2", "h": 20}]}
    theirs = {"signs": [{"id": "s1", "h": 12}, {"id": "s2", "h": 20}]}
    result = three_way_merge(base, ours, theirs)
    assert [c.path for c in result.conflicts] == ['$.signs[id="s1"]']
    assert result.conflicts[0].ours is MISSING


def test_keyed_list_removal_on_one_side_and_addition_on_the_other() -> None:
    base = {"notes": [{"id": "n1"}, {"id": "n2"}]}
    result = three_way_merge(base, {"notes": [{"id": "n2"}]}, {"notes": [{"id": "n1"}, {"id": "n2"}, {"id": "n3"}]})
    assert result.clean and result.merged == {"notes": [{"id": "n2"}, {"id": "n3"}]}


def test_reordering_on_one_side_is_kept_and_on_both_sides_differently_conflicts() -> None:
    base = {"s": [{"id": "a"}, {"id": "b"}, {"id": "c"}]}
    moved = {"s": [{"id": "c"}, {"id": "a"}, {"id": "b"}]}
    added = {"s": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]}
    result = three_way_merge(base, added, moved)
    assert result.clean and [i["id"] for i in result.merged["s"]] == ["c", "a", "b", "d"]
    other = {"s": [{"id": "b"}, {"id": "c"}, {"id": "a"}]}
    clash = three_way_merge(base, moved, other)
    assert [(c.path, c.reason) for c in clash.conflicts] == [("$.s", "list reordered on both sides")]


def test_plain_lists_are_merged_as_whole_values() -> None:
    base = {"tags": [1, 2]}
    result = three_way_merge(base, {"tags": [1, 2, 3]}, {"tags": [0, 1, 2]})
    assert [c.path for c in result.conflicts] == ["$.tags"]


def test_key_added_on_both_sides_with_different_values_conflicts() -> None:
    result = three_way_merge({}, {"estimate": {"currency": "USD"}}, {"estimate": {"currency": "CAD"}})
    assert [c.path for c in result.conflicts] == ["$.estimate"]
    assert result.conflicts[0].base is MISSING


def test_json_equality_is_not_python_equality() -> None:
    assert json_equal(1, 1.0)
    assert not json_equal(True, 1)
    assert not json_equal(0, False)
    assert not json_equal(None, MISSING)
    result = three_way_merge({"x": 1}, {"x": True}, {"x": 1})
    assert result.merged["x"] is True


def test_diff_names_changes_by_path() -> None:
    old = {"name": "A", "signs": [{"id": "s1", "h": 1}], "site": {"code_editions": {"ASCE 7": "7-16"}}}
    new = {"name": "B", "signs": [{"id": "s1", "h": 2}, {"id": "s2"}], "site": {"code_editions": {}}}
    lines = [c.describe() for c in diff(old, new)]
    assert lines == [
        '~ $.name: "A" -> "B"',
        '~ $.signs[id="s1"].h: 1 -> 2',
        '+ $.signs[id="s2"]: {"id": "s2"}',
        '- $.site.code_editions["ASCE 7"]: "7-16"',
    ]


def test_paths_round_trip() -> None:
    path = ("signs", ById('odd "id"'), "inputs", "weird key", 3)
    assert parse_path(format_path(path)) == path
    assert parse_path("signs[id=s1].inputs.height") == ("signs", ById("s1"), "inputs", "height")
