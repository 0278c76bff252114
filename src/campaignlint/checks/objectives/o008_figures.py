"""O008's policy for figures: the percentages, numbers and multipliers of an
objective's text against its `target` and `baseline`; what O008 compares and
reports (:class:`Quantity`, :class:`Contradiction`)."""

from __future__ import annotations

from ... import i18n
from ...i18n import gettext as _
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from ...language.objective_text import ObjectiveClaims, PercentClaim


@dataclass(frozen=True)
class Quantity:
    """An attribute value to compare with the text (``target``, ``baseline``).

    ``kind`` is ``number``, ``percent`` or ``money``; ``signed`` is true for a
    value written with a sign (``+20%``: a change relative to the baseline).
    """

    kind: Literal["number", "percent", "money"]
    value: Decimal
    signed: bool = False
    currency: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """The text says one thing, an attribute another (rule O008)."""

    kind: Literal["percent", "number", "multiplier", "duration", "date"]
    attribute: Literal["target", "baseline", "within", "deadline"]
    start: int
    end: int
    text_value: str
    attribute_value: str
    message: str


_REL_TOL = Decimal("0.01")


def is_close(a: Decimal, b: Decimal, abs_tol: Decimal = Decimal(0)) -> bool:
    """``a`` agrees with ``b`` within 1 % of ``b``, or within ``abs_tol``."""
    return abs(a - b) <= max(abs(b) * _REL_TOL, abs_tol)


def fmt_num(d: Decimal) -> str:
    """``1500`` → ``"1 500"``; ``2.5`` → ``"2.5"`` (as O008's messages write figures)."""
    d = d.normalize()
    if d == d.to_integral_value():
        return f"{int(d):,}".replace(",", " ")
    return format(d, "f") if i18n.language() == "en" else format(d, "f").replace(".", ",")


def fmt_quantity(q: Quantity) -> str:
    """``+20 %``, ``42 EUR``, ``12 000``."""
    sign = "+" if q.signed and q.value >= 0 else ""
    if q.kind == "percent":
        return f"{sign}{fmt_num(q.value)} %"
    if q.kind == "money":
        return f"{sign}{fmt_num(q.value)} {q.currency or ''}".rstrip()
    return f"{sign}{fmt_num(q.value)}"


def compare_quantities(
    claims: ObjectiveClaims, target: Quantity | None, baseline: Quantity | None
) -> list[Contradiction]:
    """The text's percentages, numbers and multipliers against ``target`` and ``baseline``
    (see :func:`.o008_text_contradicts.compare_with_attributes` for what agrees)."""
    out: list[Contradiction] = []
    if target is None:
        return out
    t = target.value
    b = baseline.value if baseline is not None else None
    relative = target.kind == "percent" and target.signed
    half_point = Decimal("0.5")

    # -- percents --------------------------------------------------------
    pct_expected: list[tuple[Decimal, Decimal]] = []  # (value, absolute tolerance)
    if target.kind == "percent":
        pct_expected.append((abs(t), Decimal(0)))
        if b is not None and baseline is not None and baseline.kind == "percent":
            pct_expected.append((b, Decimal(0)))
            if relative:
                pct_expected.append((b * (1 + t / 100), Decimal("0.05")))
                pct_expected.append((b + t, Decimal(0)))
            else:
                pct_expected.append((abs(t - b), Decimal(0)))
                if b:
                    pct_expected.append((abs(t - b) / b * 100, half_point))
    elif b is not None and baseline is not None and baseline.kind != "percent" and b != 0:
        if target.signed:
            pct_expected.append((abs(t) / b * 100, half_point))
        else:
            pct_expected.append((abs(t - b) / b * 100, half_point))
    # points ("+5 pts", "10 points") may be percentage points or points of a
    # score (NPS): they also agree with the values a number target implies
    pt_expected = list(pct_expected)
    if target.kind != "percent" or (baseline is not None and baseline.kind != "percent"):
        pt_expected += [(x, Decimal(0)) for x in ([abs(t)] + ([b, abs(t - b), b + t] if b is not None else []))]

    def pct_agrees(p: PercentClaim) -> bool:
        return any(is_close(p.value, e, tol) for e, tol in (pt_expected if p.unit == "pt" else pct_expected))

    if claims.percents and pct_expected:
        if not any(pct_agrees(p) for p in claims.percents):
            p = claims.percents[0]
            out.append(
                Contradiction(
                    "percent",
                    "target",
                    p.start,
                    p.end,
                    p.text,
                    fmt_quantity(target),
                    _("the text says {said}, the target is {target}").format(
                        said=p.text.strip(), target=fmt_quantity(target))
                    + (
                        _(" (baseline {baseline})").format(baseline=fmt_quantity(baseline))
                        if baseline is not None and target.kind != "percent"
                        else ""
                    ),
                )
            )
        elif relative and target.value != 0:
            # an explicit sign that goes the other way: "-10 %" for a +10% target
            want = "+" if t > 0 else "-"
            if all(
                p.signed and p.direction not in (None, want) for p in claims.percents if is_close(p.value, abs(t))
            ) and any(is_close(p.value, abs(t)) for p in claims.percents):
                p = next(p for p in claims.percents if is_close(p.value, abs(t)))
                out.append(
                    Contradiction(
                        "percent",
                        "target",
                        p.start,
                        p.end,
                        p.text,
                        fmt_quantity(target),
                        _("the text says {said}, the target is {target} (the other way)").format(
                            said=p.text.strip(), target=fmt_quantity(target)),
                    )
                )

    # -- numbers ---------------------------------------------------------
    num_expected: list[Decimal] = []
    if target.kind in ("number", "money"):
        num_expected.append(abs(t))
        if b is not None:
            num_expected += [b, abs(t - b)]
            if target.signed:
                num_expected.append(b + t)
    elif target.kind == "percent" and b is not None and baseline is not None and baseline.kind in ("number", "money"):
        num_expected += [b]
        if relative:
            num_expected += [b * (1 + t / 100), abs(b * t / 100)]
        else:
            num_expected += [b * t / 100]
    if claims.numbers and num_expected:
        if not any(is_close(n.value, e) for n in claims.numbers for e in num_expected):
            n = claims.numbers[0]
            ref = fmt_quantity(target)
            if target.kind == "percent" and baseline is not None:
                ref += _(" from a baseline of {baseline}").format(baseline=fmt_quantity(baseline))
            out.append(
                Contradiction(
                    "number",
                    "target",
                    n.start,
                    n.end,
                    n.text,
                    fmt_quantity(target),
                    _("the text says {said}, the target is {target}").format(said=n.text.strip(), target=ref),
                )
            )

    # -- multipliers -----------------------------------------------------
    expected_m: Decimal | None = None
    if relative:
        expected_m = 1 + t / 100
    elif target.signed and b:
        expected_m = (b + t) / b
    elif b and baseline is not None and baseline.kind == target.kind:
        expected_m = t / b
    if claims.multipliers and expected_m is not None:
        if not any(is_close(m.value, expected_m, Decimal("0.02")) for m in claims.multipliers):
            m = claims.multipliers[0]
            desc = fmt_quantity(target) + (
                _(" from {baseline}").format(baseline=fmt_quantity(baseline))
                if baseline is not None and not relative else ""
            )
            out.append(
                Contradiction(
                    "multiplier",
                    "target",
                    m.start,
                    m.end,
                    m.text,
                    fmt_quantity(target),
                    _("the text says {said} (×{said_factor}), the target is {target} (×{factor})").format(
                        said=m.text.strip(), said_factor=fmt_num(m.value), target=desc,
                        factor=fmt_num(expected_m.quantize(Decimal("0.01")))),
                )
            )
    return out
