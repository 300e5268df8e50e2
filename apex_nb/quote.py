"""The customer's side of a quick quote: plain words for the design, and the quote document.

``describe(envelope)`` turns a ``design.quick_quote`` envelope into sentences a customer reads
(what is quoted, the post, the foundation, why an engineer must look at it); the app and the
PDF both use it, so they never disagree. ``QuoteDocument`` adds the customer, site, quote number,
date, validity, lead time, options, exclusions and terms (from the ``quote-terms`` pack) and the
design's content hash, so the quote can be re-priced or re-checked later. ``quote_html`` escapes
every text it prints; ``write_quote_pdf`` prints it with headless Chromium.

No UI imports here (the app in ``apex_nb.widgets.app`` calls these).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apex_nb.units import feet_text

if TYPE_CHECKING:
    from apex_nb.envelope import Envelope

TERMS_PACK = "quote-terms"
SIGN_WORDS = {
    "pole": "pole sign",
    "monument": "monument sign",
    "cantilever": "cantilever sign",
}
EXPOSURE_WORDS = {  # ASCE 7 §26.7.2/26.7.3 surface roughness, in customers' words
    "B": "B: towns, suburbs or woods (buildings or trees close together all around)",
    "C": "C: open ground (fields, parking lots, scattered buildings or trees)",
    "D": "D: flat and open to water upwind (shorelines, lakes, mud flats)",
}
FAMILY_WORDS = {
    "pipe": "round steel pipe",
    "hss-round": "round steel tube",
    "hss-square": "square steel tube",
    "hss-rect": "rectangular steel tube",
    "w": "steel I-beam",
}
NUMBER_WORDS = {1: "One", 2: "Two"}
#: design part -> what it is in customers' words (for review reasons).
PART_WORDS = (
    ("foundation.embedment", "the foundation depth in this soil"),
    ("foundation.spread_footing", "the concrete pad under the monument"),
    ("member.deflection", "how far the sign sways in a storm"),
    ("member.", "the strength of the steel post"),
    ("post.", "the strength of the steel post"),
    ("connection.", "the base plate and anchor bolts"),
    ("wind.", "the wind load"),
)


def _yd3(value: Any) -> str:
    return f"{value:.1f} cubic yards" if isinstance(value, (int, float)) else "concrete"


def _size(label: str) -> str:
    """``HSS9X9X1/8`` -> ``9 in x 9 in``; ``HSS7.000X0.125`` -> ``7 in across``; else ''."""
    rect = re.match(r"HSS(\d+(?:\.\d+)?)X(\d+(?:\.\d+)?)X\d", label, re.IGNORECASE)
    if rect:
        return f"{float(rect.group(1)):g} in × {float(rect.group(2)):g} in"
    round_ = re.match(r"(?:HSS|Pipe)\s*(\d+(?:\.\d+)?)", label, re.IGNORECASE)
    return f"{float(round_.group(1)):g} in across" if round_ else ""


def _a(text: str) -> str:
    """``a 6 ft`` / ``an 8 ft`` / ``an 11 ft`` (the article as the number is spoken)."""
    return ("an " if re.match(r"(8|11|18|80|8\d)\b", text) else "a ") + text


def what_is_quoted(inputs: dict[str, Any]) -> str:
    """One sentence: the sign as the customer would describe it."""
    kind = str(inputs.get("sign_type", "pole"))
    width, height, top = (
        feet_text(float(inputs.get(k, 0))) for k in ("sign_width_ft", "sign_height_ft", "top_height_ft")
    )
    faces = "double-sided" if inputs.get("double_face") else "single-sided"
    lit = ", lit from inside" if inputs.get("illumination") else ""
    if kind == "monument":
        return f"A {faces} monument sign {width} wide and {top} tall, solid from the ground up{lit}."
    if kind == "cantilever":
        return (
            f"A {faces} cantilever sign: {_a(width)} wide × {height} tall face hung from an arm on one post, "
            f"its top {top} above the ground{lit}."
        )
    posts = "two posts" if inputs.get("post_count") == 2 else "one post"
    face = f"{_a(width)} wide × {height} tall face"
    return f"A {faces} pole sign on {posts}: {face}, its top {top} above the ground{lit}."


def post_words(result: dict[str, Any]) -> str:
    """The post (and arm) in words, the steel size in brackets for the shop."""
    if result.get("sign_type") == "monument":
        return "No post: the monument stands on its own solid base."
    label = str(result.get("post_label") or "")
    if not label or result.get("design_status") == "no_standard_post":
        return "No standard steel post is strong enough: an engineer will design the structure."
    count = int(result.get("post_count") or 1)
    family = FAMILY_WORDS.get(str(result.get("post_family") or ""), "")
    if not family:
        if re.match(r"HSS[\d.]+X[\d.]+X", label, re.I):
            family = "square steel tube"
        elif re.match(r"HSS", label, re.I):
            family = "round steel tube"
        else:
            family = "steel pipe" if label.lower().startswith("pipe") else "steel"
    size = _size(label)
    noun = "posts" if count > 1 else "post"
    text = f"{NUMBER_WORDS.get(count, str(count))} galvanized {family} {noun}{f', {size}' if size else ''} ({label})"
    arm = result.get("arm_label")
    if arm:
        text += f", with a galvanized steel arm{f' {_size(str(arm))}' if _size(str(arm)) else ''} ({arm})"
    return text + "."


def foundation_words(result: dict[str, Any]) -> str:
    """The foundation in words: a drilled, concrete-filled hole per post, or the monument's pad."""
    concrete = _yd3(result.get("concrete_yd3"))
    if result.get("foundation_type") == "spread_footing":
        dims = [result.get(k) for k in ("footing_width_ft", "footing_length_ft", "footing_thickness_ft")]
        if all(isinstance(v, (int, float)) for v in dims):
            w, length, t = (feet_text(float(v)) for v in dims)  # type: ignore[arg-type]
            return f"A concrete pad under the monument, {w} × {length} and {t} thick ({concrete} in all)."
        return f"A concrete pad under the monument ({concrete})."
    diameter, depth = result.get("footing_diameter_ft"), result.get("footing_depth_ft")
    count = int(result.get("post_count") or 1)
    if isinstance(diameter, (int, float)) and isinstance(depth, (int, float)):
        each = "each " if count > 1 else ""
        holes = "holes" if count > 1 else "hole"
        return (
            f"{NUMBER_WORDS.get(count, str(count))} drilled {holes} {each}{diameter * 12:.0f} in wide and "
            f"{feet_text(depth)} deep, filled with concrete around the post ({concrete} in all)."
        )
    if not isinstance(result.get("concrete_yd3"), (int, float)):
        return "Concrete foundation, sized by the engineer with the post."
    return f"Concrete foundation ({concrete})."


def review_reason_words(reason: str) -> str:
    """One design review reason in plain words."""
    text = reason.lower()
    if "no standard post" in text or "passing post exists" in text or "post.select" in text:
        return "No standard steel post is strong enough for this sign and wind; an engineer must design it."
    if "confidence" in text and "below" in text:
        return (
            "The design rests on default assumptions (soil not tested, typical sign weights); "
            "an engineer should confirm it before we build."
        )
    if "price pack" in text or "price book" in text:
        return "This size is outside our price book; the estimator prices it by hand."
    if "beyond the posts" in text:
        return "The sign face reaches far past its post(s); an engineer should check the twisting of the post."
    if "preferred embedment" in text:
        return (
            "The foundation would be deeper than we normally drill; "
            "an engineer should pick a wider hole or test the soil."
        )
    what = next((words for key, words in PART_WORDS if key in text), "one engineering check")
    if "fails" in text:
        return f"At this size and wind speed, {what} does not meet the building code yet; an engineer must resize it."
    return f"{what[:1].upper()}{what[1:]} is outside what this quick tool covers; an engineer should check it."


@dataclass(frozen=True)
class Described:
    """A quick quote in plain words."""

    what: str
    post: str
    foundation: str
    needs_review: bool
    review: list[str]
    price_usd: float | None
    options: list[dict[str, Any]]
    total_usd: float | None


def describe(envelope: Envelope) -> Described:
    """Plain words for a ``design.quick_quote`` envelope."""
    r = envelope.result
    reasons = [str(x) for x in r.get("review_reasons") or []]
    needs = bool(r.get("needs_engineer_review", True))
    words = list(dict.fromkeys(review_reason_words(x) for x in reasons))
    if needs and not words:
        words = ["A structural check does not pass; an engineer must look at this sign before we quote it firm."]
    return Described(
        what=what_is_quoted(dict(envelope.inputs)),
        post=post_words(r),
        foundation=foundation_words(r),
        needs_review=needs,
        review=words,
        price_usd=r.get("price_total_usd"),
        options=list(r.get("option_lines") or []),
        total_usd=r.get("quote_total_usd", r.get("price_total_usd")),
    )


# -- the quote document --------------------------------------------------------------------------
@dataclass
class Customer:
    """Who the quote is for and where the sign goes (typed by the salesperson)."""

    name: str = ""
    contact: str = ""
    site_address: str = ""
    reference: str = ""


@dataclass
class QuoteDocument:
    """Everything printed on a quote."""

    number: str
    date: dt.date
    valid_until: dt.date
    lead_time: str
    customer: Customer
    described: Described
    exclusions: list[str]
    terms: list[str]
    design_content_sha256: str
    quote_content_sha256: str
    packs: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, Any] = field(default_factory=dict)


def quote_number(envelope: Envelope, on: dt.date) -> str:
    """``Q-YYYYMMDD-xxxxxxxx``: the date and the first 8 hex digits of the quote's content hash."""
    return f"Q-{on:%Y%m%d}-{envelope.content_sha256.split(':')[-1][:8].upper()}"


def build_quote(envelope: Envelope, customer: Customer, on: dt.date | None = None) -> QuoteDocument:
    """The quote document of a ``design.quick_quote`` envelope (terms from the ``quote-terms`` pack)."""
    from apex_nb.packs import PackLibrary, default_packs_root

    terms_pack = PackLibrary(default_packs_root()).get(TERMS_PACK)
    terms = terms_pack.data
    day = on or dt.date.today()
    packs = {p.name: p.version for p in envelope.packs}
    used = {p.name: p.version for part in _walk(envelope) for p in part.packs}
    packs = {**used, **packs, TERMS_PACK: terms_pack.header.version}
    return QuoteDocument(
        number=quote_number(envelope, day),
        date=day,
        valid_until=day + dt.timedelta(days=terms.validity_days),
        lead_time=terms.lead_time,
        customer=customer,
        described=describe(envelope),
        exclusions=list(terms.exclusions),
        terms=list(terms.terms),
        design_content_sha256=str(envelope.result.get("design_content_sha256", "")),
        quote_content_sha256=envelope.content_sha256,
        packs={k: packs[k] for k in sorted(packs) if k in ("prices", TERMS_PACK, "sign-design-defaults")},
        inputs=dict(envelope.inputs),
    )


def _walk(envelope: Envelope) -> list[Envelope]:
    found = [envelope]
    for part in envelope.parts:
        found += _walk(part)
    return found


def money(value: Any) -> str:
    """Whole dollars, ``$11,306``."""
    return f"${value:,.0f}" if isinstance(value, (int, float)) and not isinstance(value, bool) else "–"


QUOTE_CSS = """
@page { size: Letter; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
.meta td:first-child, .who td:first-child { color: #555; width: 32%; }
.lines td:last-child, .lines th:last-child { text-align: right; white-space: nowrap; }
.lines tr.total td { border-top: 2px solid #1b1b1b; font-weight: 700; font-size: 12pt; }
.lines tr td { border-bottom: 1px solid #ddd; }
.review { border-left: 4px solid #bc4c00; background: #fff1e5; padding: 2mm 3mm; margin: 3mm 0; }
.small { font-size: 8.5pt; color: #555; word-break: break-all; }
.head { display: flex; justify-content: space-between; align-items: flex-start; }
"""


def quote_html(doc: QuoteDocument) -> str:
    """The quote as one self-contained, escaped HTML page (no script, no external request)."""
    e = html.escape
    d = doc.described
    c = doc.customer
    who = [
        ("Customer", c.name),
        ("Contact", c.contact),
        ("Sign site", c.site_address),
        ("Your reference", c.reference),
    ]
    meta = [
        ("Quote number", doc.number),
        ("Date", doc.date.isoformat()),
        ("Valid until", f"{doc.valid_until.isoformat()} ({(doc.valid_until - doc.date).days} days)"),
        ("Lead time", doc.lead_time),
    ]
    lines = [("Sign structure: engineered design, steel post and foundation, supply and installation", d.price_usd)]
    lines += [(str(o.get("item", "")), o.get("amount_usd")) for o in d.options]
    rows = "".join(f"<tr><td>{e(item)}</td><td>{money(amount)}</td></tr>" for item, amount in lines)
    rows += f"<tr class='total'><td>Total (before tax)</td><td>{money(d.total_usd)}</td></tr>"
    review = (
        "<div class='review'><b>Subject to an engineer's review.</b> "
        + " ".join(e(x) for x in d.review)
        + " The price may change after the review.</div>"
        if d.needs_review
        else ""
    )
    site = doc.inputs
    design = [
        ("What we quote", d.what),
        ("Post", d.post),
        ("Foundation", d.foundation),
        (
            "Design wind",
            f"{site.get('wind_speed_mph', 0):g} mph, ASCE 7-{str(site.get('edition', ''))[2:]}, exposure "
            + EXPOSURE_WORDS.get(str(site.get("exposure", "")), str(site.get("exposure", ""))),
        ),
    ]
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>Quote {e(doc.number)}</title><style>{QUOTE_CSS}</style></head><body>"
        f"<div class='head'><div><h1>Sign quote</h1><div class='quote-number'>{e(doc.number)}</div></div></div>"
        "<table class='meta'>"
        + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in meta)
        + "</table><h2>For</h2><table class='who'>"
        + "".join(f"<tr><td>{e(k)}</td><td>{e(v) or '–'}</td></tr>" for k, v in who)
        + "</table><h2>The sign</h2><table class='who'>"
        + "".join(f"<tr><td>{e(k)}</td><td>{e(v)}</td></tr>" for k, v in design)
        + f"</table>{review}<h2>Price</h2><table class='lines'><tr><th>Item</th><th>Amount</th></tr>{rows}</table>"
        "<h2>Not included</h2><ul>"
        + "".join(f"<li>{e(x)}</li>" for x in doc.exclusions)
        + "</ul><h2>Terms</h2><ol>"
        + "".join(f"<li>{e(x)}</li>" for x in doc.terms)
        + "</ol><h2>Design record</h2><p class='small'>Design content hash: "
        f"<span class='design-hash'>{e(doc.design_content_sha256)}</span><br>Quote content hash: "
        f"{e(doc.quote_content_sha256)}<br>Packs: "
        + e(", ".join(f"{k} {v}" for k, v in doc.packs.items()))
        + "</p></body></html>\n"
    )


def write_quote_pdf(doc: QuoteDocument, target: Path) -> Path:
    """Print the quote to ``target`` (PDF) with headless Chromium; the HTML is kept beside it."""
    from apex_nb.report import render_pdf

    target.parent.mkdir(parents=True, exist_ok=True)
    page = target.with_suffix(".html")
    page.write_text(quote_html(doc), encoding="utf-8")
    return render_pdf(page, target)
