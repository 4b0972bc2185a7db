"""Findings: a printed figure that does not follow from the rules.

A :class:`Finding` is what the audit of a report lists: where the figure is,
what was printed, what the rule gives, and which rule. Findings are data,
not errors: a report with findings is still a report.
"""

from __future__ import annotations

import math
from decimal import Decimal

import attrs

from sakip.errors import InvalidValueError, show_value
from sakip.numbers import UNBOUNDED, NumberLike, RoundingPolicy, to_decimal

__all__ = ["Finding", "check_printed"]


def _is_finite(value: Decimal | float) -> bool:
    return value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)


@attrs.frozen
class Finding:
    """One printed figure that disagrees with the rule.

    Parameters
    ----------
    location : str
        Where the figure is printed (``"BAB IV A, row 17, Kategori"``).
    printed : object
        The figure as printed (a ``Decimal``, an ``int`` or a label).
    computed : object
        What the rule gives.
    rule : str
        The rule, in words.

    Examples
    --------
    >>> str(Finding("BAB IV A row 17", "Sangat Baik", "Kurang", "capaian 50 < 55 is Kurang"))
    "BAB IV A row 17: printed 'Sangat Baik', computed 'Kurang' (capaian 50 < 55 is Kurang)"
    """

    location: str
    printed: Decimal | int | str | None
    computed: Decimal | int | str | None
    rule: str

    def __attrs_post_init__(self) -> None:
        for name in ("printed", "computed"):
            value = getattr(self, name)
            if isinstance(value, Decimal | float) and not _is_finite(value):
                raise InvalidValueError(name, "must be a finite number or a label", value)

    @property
    def difference(self) -> Decimal | None:
        """``printed - computed`` when both are numbers, else ``None``.

        Examples
        --------
        >>> Finding("staff", 119, 121, "text total = table total").difference
        Decimal('-2')
        >>> Finding("staff", Decimal("NaN"), 121, "text total = table total")
        Traceback (most recent call last):
        ...
        sakip.errors.InvalidValueError: 'printed' must be a finite number or a label: NaN
        """
        numbers = (int, Decimal)
        if isinstance(self.printed, bool) or isinstance(self.computed, bool):
            return None
        if not (isinstance(self.printed, numbers) and isinstance(self.computed, numbers)):
            return None
        printed = to_decimal(self.printed, field="printed")  # never NaN (refused)
        computed = to_decimal(self.computed, field="computed")
        return UNBOUNDED.subtract(printed, computed)

    def __str__(self) -> str:
        return (
            f"{self.location}: printed {show_value(self.printed)}, "
            f"computed {show_value(self.computed)} ({self.rule})"
        )


def check_printed(
    location: str,
    *,
    printed: NumberLike,
    computed: NumberLike,
    policy: RoundingPolicy,
    rule: str,
) -> Finding | None:
    """Compare a printed figure with the exact one under the document's rounding policy.

    A figure printed with fewer places than the policy (``115,6``, ``100``)
    is compared at its own places, so that a difference that is only the
    document's rounding is never reported.

    Parameters
    ----------
    location : str
        Where the figure is printed.
    printed : number
        The printed figure.
    computed : number
        The exact value the rule gives.
    policy : RoundingPolicy
        How the document rounds this kind of figure.
    rule : str
        The rule, for the finding.

    Returns
    -------
    Finding or None
        ``None`` when the printed figure is the computed one, displayed.
        Otherwise the finding, with ``computed`` shown under the policy.

    Examples
    --------
    NKA Kotawaringin Barat, LKIP 2024 BAB III A sasaran 11 (99,95 / 86):

    >>> from decimal import Decimal
    >>> from sakip import Rounding, percent
    >>> lkip = RoundingPolicy(2, Rounding.TRUNCATE)
    >>> exact = percent("99.95", 86)
    >>> print(check_printed("NKA BNNK Kotawaringin Barat", printed=Decimal("115.69"),
    ...                     computed=exact, policy=lkip, rule="realisasi / target x 100"))
    NKA BNNK Kotawaringin Barat: printed 115.69, computed 116.22 (realisasi / target x 100)
    >>> check_printed("row 5", printed=Decimal("115.6"), computed=Decimal("115.6"),
    ...               policy=lkip, rule="R / T x 100") is None
    True
    """
    shown = to_decimal(printed, field="printed")
    if policy.agrees(computed, printed=shown):
        return None
    return Finding(location, shown, policy.apply(computed), rule)
