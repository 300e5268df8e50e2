"""Steel sections: AISC v16 rows from the section packs, or custom tubes from dimensions.

``find_section(pack_reader, "Pipe 6 STD")`` accepts the AISC label or the EDI name in any case
and spacing ("pipe6std", "HSS8x8x1/4", "HSS8X8X.250", "HSS 6.625 x 0.280", "W14x22").
Every ``Section`` built from a pack row carries the pack name, version and sha256 and the row
label, so a check can cite exactly where each property came from (``Section.source_clause``).

Families: ``pipe``, ``hss-round``, ``hss-rect`` (rectangular and square HSS share one pack) and
``w``. The selection family ``hss-square`` is the subset of ``hss-rect`` rows with Ht = B.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property, lru_cache
from typing import Any, Literal

from apex_nb.equations.mechanics.tube_properties import rect_tube, round_tube, weight_lb_per_ft
from apex_nb.pack_schemas.sections import PipeRow, RectHssRow, RoundHssRow, WRow
from apex_nb.packs import Pack
from apex_nb.types import SectionFamily

Family = SectionFamily
Shape = Literal["round", "rect", "w"]

FAMILY_PACK: dict[Family, str] = {
    "pipe": "aisc-v16-pipe",
    "hss-round": "aisc-v16-hss-round",
    "hss-rect": "aisc-v16-hss-rect",
    "w": "aisc-v16-w",
}
FAMILY_SHAPE: dict[Family, Shape] = {"pipe": "round", "hss-round": "round", "hss-rect": "rect", "w": "w"}
DATABASE = "AISC Shapes Database v16.0"
_NUMBER_TOLERANCE = 0.0051  # in; nominal sizes in a family differ by 1/16 in or more


@dataclass(frozen=True)
class Section:
    """One cross-section with its properties (in, in², in³, in⁴, in⁶, lb/ft) and where they come from.

    ``depth_in`` is the dimension in the plane of major-axis bending (OD, Ht or d);
    ``width_in`` the other one (OD, B or bf). Properties a shape does not have are None.
    """

    label: str
    family: Family
    shape: Shape
    weight_lb_per_ft: float
    area_in2: float
    depth_in: float
    width_in: float
    ix_in4: float
    sx_in3: float
    zx_in3: float
    rx_in: float
    iy_in4: float
    sy_in3: float
    zy_in3: float
    ry_in: float
    j_in4: float
    t_nom_in: float | None = None
    t_des_in: float | None = None
    c_in3: float | None = None
    d_t: float | None = None
    flat_b_in: float | None = None
    flat_h_in: float | None = None
    b_t: float | None = None
    h_t: float | None = None
    tw_in: float | None = None
    tf_in: float | None = None
    bf_2tf: float | None = None
    h_tw: float | None = None
    cw_in6: float | None = None
    rts_in: float | None = None
    ho_in: float | None = None
    pack_name: str | None = None
    pack_version: str | None = None
    pack_sha256: str | None = None
    derived: tuple[str, ...] = field(default=())

    @property
    def is_custom(self) -> bool:
        """True for a tube built from dimensions (no pack row)."""
        return self.pack_name is None

    @property
    def is_square(self) -> bool:
        """True for a square HSS (Ht = B)."""
        return self.shape == "rect" and abs(self.depth_in - self.width_in) < 1e-9

    @property
    def selection_family(self) -> str:
        """'hss-square' for square HSS rows, else the family."""
        return "hss-square" if self.is_square else self.family

    @cached_property  # read for every property a check records; a Section never changes
    def source_clause(self) -> str:
        """Where the properties come from, for the trace of every value read from this section."""
        if self.is_custom:
            return f"custom {self.label}: computed from dimensions (apex_nb.equations.mechanics.tube_properties)"
        return f"{DATABASE} row {self.label} (pack {self.pack_name} {self.pack_version}, sha256 {self.pack_sha256})"

    def inertia_in4(self, axis: str) -> float:
        """Moment of inertia about the bending axis: Ix for "major", Iy for "minor"."""
        return self.ix_in4 if axis == "major" else self.iy_in4

    def plastic_modulus_in3(self, axis: str) -> float:
        """Plastic section modulus about the bending axis: Zx for "major", Zy for "minor"."""
        return self.zx_in3 if axis == "major" else self.zy_in3

    def source(self) -> dict[str, str | None]:
        """JSON form of the provenance, for results."""
        return {
            "label": self.label,
            "database": None if self.is_custom else DATABASE,
            "pack": self.pack_name,
            "pack_version": self.pack_version,
            "pack_sha256": self.pack_sha256,
        }

    def dimensions(self) -> dict[str, float | None]:
        """Outside dimensions for drawings and downstream solvers (base plates, foundations)."""
        if self.shape == "round":
            return {"od_in": self.depth_in, "t_des_in": self.t_des_in, "t_nom_in": self.t_nom_in}
        if self.shape == "rect":
            return {
                "depth_in": self.depth_in,
                "width_in": self.width_in,
                "t_des_in": self.t_des_in,
                "t_nom_in": self.t_nom_in,
            }
        return {"depth_in": self.depth_in, "width_in": self.width_in, "tw_in": self.tw_in, "tf_in": self.tf_in}


# --- label matching -----------------------------------------------------------------------
_TOKEN = re.compile(r"\d+-\d+/\d+|\d+/\d+|\d*\.\d+|\d+|[A-Z]+")


def _number(token: str) -> float:
    if "-" in token:
        whole, frac = token.split("-", 1)
        return float(int(whole) + Fraction(frac))
    if "/" in token:
        return float(Fraction(token))
    return float(token)


def label_key(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """(words, numbers) of a label, ignoring case, spaces, 'x' separators and how numbers are written.

    "Pipe 3 1/2 STD" -> (("PIPE", "STD"), (3.5,)); "HSS8X8X.250" and "hss8x8x1/4" -> (("HSS",), (8, 8, 0.25)).
    """
    cleaned = text.upper().replace("×", "X").replace("*", "X").strip().rstrip(".")
    cleaned = re.sub(r"(\d)\s+(\d+/\d+)", r"\1-\2", cleaned)  # "3 1/2" -> "3-1/2"
    cleaned = re.sub(r"\s+", "", cleaned)
    words: list[str] = []
    numbers: list[float] = []
    for token in _TOKEN.findall(cleaned):
        if token[0].isalpha():
            if token != "X":  # a lone "X" separates dimensions; XS and XXS are words
                words.append(token)
        else:
            numbers.append(_number(token))
    return tuple(words), tuple(numbers)


@lru_cache(maxsize=1024)
def _wanted_key(label: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """``label_key`` of a label asked for (a pure function of the text; designs ask for the same few)."""
    return label_key(label)


def _same(
    a: tuple[tuple[str, ...], tuple[float, ...]], b: tuple[tuple[str, ...], tuple[float, ...]], tol: float
) -> bool:
    """Same words and the same numbers within ``tol``."""
    if a[0] != b[0] or len(a[1]) != len(b[1]):
        return False
    return all(abs(x - y) <= tol for x, y in zip(a[1], b[1], strict=True))


# --- rows -> sections ---------------------------------------------------------------------
PackRow = PipeRow | RoundHssRow | RectHssRow | WRow


@dataclass(frozen=True)
class _TubeProps:
    """The properties a tube Section takes from a pack row or from ``round_tube`` / ``rect_tube``."""

    ix: float
    sx: float
    zx: float
    rx: float
    iy: float
    sy: float
    zy: float
    ry: float
    j: float
    t_nom: float
    t_des: float
    c: float


def _tube(
    label: str, family: Family, shape: Shape, weight: float, area: float, depth: float, width: float,
    p: _TubeProps, extra: dict[str, Any],
) -> Section:  # fmt: skip
    """A tube Section (pipe, round HSS, rect HSS, custom); ``extra`` holds the shape's own fields and provenance."""
    return Section(
        label=label, family=family, shape=shape, weight_lb_per_ft=weight, area_in2=area, depth_in=depth,
        width_in=width, ix_in4=p.ix, sx_in3=p.sx, zx_in3=p.zx, rx_in=p.rx, iy_in4=p.iy, sy_in3=p.sy, zy_in3=p.zy,
        ry_in=p.ry, j_in4=p.j, t_nom_in=p.t_nom, t_des_in=p.t_des, c_in3=p.c, **extra,
    )  # fmt: skip


def _from_row(family: Family, row: PackRow, pack: Pack) -> Section:
    """Build a Section from one validated pack row (the typed rows of apex_nb.pack_schemas.sections)."""
    ref: dict[str, Any] = {
        "pack_name": pack.header.name,
        "pack_version": pack.header.version,
        "pack_sha256": pack.sha256,
    }
    if isinstance(row, PipeRow | RoundHssRow):
        derived: tuple[str, ...] = ()
        if isinstance(row, RoundHssRow):
            c_value = row.C
        else:
            c_value = 2.0 * row.J / row.OD
            derived = ("c_in3",)
        round_props = _TubeProps(
            row.Ix, row.Sx, row.Zx, row.rx, row.Ix, row.Sx, row.Zx, row.rx, row.J, row.tnom, row.tdes, c_value
        )
        extra = {"d_t": row.D_t, "derived": derived, **ref}
        return _tube(row.label, family, "round", row.W, row.A, row.OD, row.OD, round_props, extra)
    if isinstance(row, RectHssRow):
        rect_props = _TubeProps(
            row.Ix, row.Sx, row.Zx, row.rx, row.Iy, row.Sy, row.Zy, row.ry, row.J, row.tnom, row.tdes, row.C
        )
        flats = {"flat_b_in": row.b, "flat_h_in": row.h, "b_t": row.b_t, "h_t": row.h_t, **ref}
        return _tube(row.label, "hss-rect", "rect", row.W, row.A, row.Ht, row.B, rect_props, flats)
    return Section(
        label=row.label,
        family="w",
        shape="w",
        weight_lb_per_ft=row.W,
        area_in2=row.A,
        depth_in=row.d,
        width_in=row.bf,
        ix_in4=row.Ix,
        sx_in3=row.Sx,
        zx_in3=row.Zx,
        rx_in=row.rx,
        iy_in4=row.Iy,
        sy_in3=row.Sy,
        zy_in3=row.Zy,
        ry_in=row.ry,
        j_in4=row.J,
        tw_in=row.tw,
        tf_in=row.tf,
        bf_2tf=row.bf_2tf,
        h_tw=row.h_tw,
        cw_in6=row.Cw,
        rts_in=row.rts,
        ho_in=row.ho,
        **ref,
    )


_SECTIONS_CACHE: dict[tuple[str, str], tuple[Section, ...]] = {}


def sections_of(family: Family, pack: Pack) -> tuple[Section, ...]:
    """Every section of a family pack, in pack order (cached by pack sha256)."""
    key = (family, pack.sha256)
    cached = _SECTIONS_CACHE.get(key)
    if cached is None:
        cached = tuple(_from_row(family, row, pack) for row in pack.data.rows)
        _SECTIONS_CACHE[key] = cached
    return cached


class SectionNotFound(LookupError):
    """No (or more than one) row matches a label; carries close labels as suggestions."""

    def __init__(self, label: str, suggestions: list[str], ambiguous: bool = False) -> None:
        self.label = label
        self.suggestions = suggestions
        kind = "matches several sections" if ambiguous else "is not in the AISC v16 packs"
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"section {label!r} {kind}{hint}")


_Key = tuple[tuple[str, ...], tuple[float, ...]]
_INDEX_CACHE: dict[tuple[str, str], tuple[tuple[Section, tuple[_Key, _Key]], ...]] = {}


def _index(family: Family, pack: Pack) -> tuple[tuple[Section, tuple[_Key, _Key]], ...]:
    """(section, (label key, EDI key)) for every row of a family pack, cached by pack sha256."""
    key = (family, pack.sha256)
    cached = _INDEX_CACHE.get(key)
    if cached is None:
        cached = tuple(
            (section, (label_key(row.label), label_key(row.edi)))
            for section, row in zip(sections_of(family, pack), pack.data.rows, strict=True)
        )
        _INDEX_CACHE[key] = cached
    return cached


_EXACT_CACHE: dict[tuple[str, str], dict[_Key, list[Section]]] = {}


def _exact(family: Family, pack: Pack) -> dict[_Key, list[Section]]:
    """Label and EDI keys -> sections, for the exact-match fast path (cached by pack sha256)."""
    key = (family, pack.sha256)
    table = _EXACT_CACHE.get(key)
    if table is None:
        table = {}
        for section, keys in _index(family, pack):
            for item in set(keys):
                table.setdefault(item, []).append(section)
        _EXACT_CACHE[key] = table
    return table


def find_section(get_pack: Callable[[str], Pack], label: str, families: Iterable[Family] | None = None) -> Section:
    """The section whose AISC label or EDI name matches ``label`` (forgiving of case and spacing).

    ``get_pack`` loads a pack by name (pass ``calc.pack`` so the pack read is recorded).
    An exact (words, numbers) match wins; otherwise numbers may differ by 0.005 in (".313" for
    5/16) when exactly one row matches. Raises SectionNotFound with suggestions.
    """
    wanted = _wanted_key(label)
    chosen = list(families) if families is not None else list(FAMILY_PACK)
    prefix = wanted[0][0] if wanted[0] else ""
    likely = [f for f in chosen if _prefix_fits(prefix, f)] or chosen
    exact = {s.label: s for f in likely for s in _exact(f, get_pack(FAMILY_PACK[f])).get(wanted, [])}
    if len(exact) == 1:
        return next(iter(exact.values()))
    names: list[str] = []
    for tol in (1e-9, _NUMBER_TOLERANCE):
        hits: list[Section] = []
        for family in likely:
            for section, keys in _index(family, get_pack(FAMILY_PACK[family])):
                if any(_same(key, wanted, tol) for key in keys):
                    hits.append(section)
                if tol > 1e-6:
                    names.append(section.label)
        unique = {s.label: s for s in hits}
        if len(unique) == 1:
            return next(iter(unique.values()))
        if len(unique) > 1:
            raise SectionNotFound(label, sorted(unique), ambiguous=True)
    compact = re.sub(r"\s+", "", label.upper())
    raise SectionNotFound(label, difflib.get_close_matches(compact, names, n=3, cutoff=0.6))


def _prefix_fits(prefix: str, family: Family) -> bool:
    if prefix == "PIPE":
        return family == "pipe"
    if prefix == "HSS":
        return family in ("hss-round", "hss-rect")
    if prefix == "W":
        return family == "w"
    return True


# --- custom tubes -------------------------------------------------------------------------
def custom_round(od_in: float, t_nom_in: float, design_thickness_factor: float, density_lb_per_ft3: float) -> Section:
    """A round tube from its OD and nominal wall; properties with t_des = factor × t_nom (AISC 360 §B4.2)."""
    t_des = design_thickness_factor * t_nom_in
    p = round_tube(od_in, t_des)
    nominal_area = round_tube(od_in, t_nom_in)["A"]
    props = _TubeProps(
        p["Ix"], p["Sx"], p["Zx"], p["rx"], p["Ix"], p["Sx"], p["Zx"], p["rx"], p["J"], t_nom_in, t_des, p["C"]
    )
    weight = weight_lb_per_ft(nominal_area, density_lb_per_ft3)
    label = f"custom round {od_in:g} x {t_nom_in:g}"
    extra = {"d_t": p["D_t"], "derived": ("all",)}
    return _tube(label, "hss-round", "round", weight, p["A"], od_in, od_in, props, extra)


def custom_rect(
    depth_in: float, width_in: float, t_nom_in: float, design_thickness_factor: float, density_lb_per_ft3: float
) -> Section:
    """A rectangular tube from Ht × B × t_nom; corner radius 2 t_des (AISC HSS convention)."""
    t_des = design_thickness_factor * t_nom_in
    p = rect_tube(depth_in, width_in, t_des)
    nominal_area = rect_tube(depth_in, width_in, t_nom_in)["A"]
    props = _TubeProps(
        p["Ix"], p["Sx"], p["Zx"], p["rx"], p["Iy"], p["Sy"], p["Zy"], p["ry"], p["J"], t_nom_in, t_des, p["C"]
    )
    weight = weight_lb_per_ft(nominal_area, density_lb_per_ft3)
    label = f"custom rect {depth_in:g} x {width_in:g} x {t_nom_in:g}"
    flats = {"flat_b_in": p["b"], "flat_h_in": p["h"], "b_t": p["b_t"], "h_t": p["h_t"], "derived": ("all",)}
    return _tube(label, "hss-rect", "rect", weight, p["A"], depth_in, width_in, props, flats)
