"""Targets that are not one plain number: ranges, and the choices for a target of 0.

- :class:`TargetRange` is a target set as a range ("80-90 %", "7-8 bulan").
  :func:`sakip.capaian.achievement` and :func:`sakip.capaian.target_status`
  take one wherever they take a target: a realisation inside the range meets
  the target (capaian exactly 100, a convention of this library), outside it
  the capaian is taken against the nearer bound (PermenPANRB 8/2021).
- :class:`ZeroTarget` names what a lower-is-better indicator with target 0
  and a realisation above 0 gets ("Persentase tahanan yang melarikan diri",
  target 0, realisation 8,33): an error (the default), "not computable", or
  capaian 0. No regulation text covers this case.

Both are listed, with their sources, on the "Conventions" page of the
documentation (``docs/conventions.md``).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TypeAlias

import attrs

from sakip.coerce import to_bounded
from sakip.errors import InvalidValueError
from sakip.numbers import NumberLike, to_decimal

__all__ = ["TargetLike", "TargetRange", "ZeroTarget", "to_target"]


def _low(value: NumberLike) -> Decimal:
    return to_bounded(value, field="low", low=0)


def _high(value: NumberLike) -> Decimal:
    return to_bounded(value, field="high", low=0)


@attrs.frozen
class TargetRange:
    """A target set as a closed range ``[low, high]`` (target rentang).

    Parameters
    ----------
    low, high : int, str, Decimal or float
        The bounds, ``0 <= low <= high``, in the indicator's unit. A range
        with ``low == high`` is the plain target ``low``.

    Raises
    ------
    InvalidValueError
        A bound that is not a number, is negative, or ``low > high``.

    Notes
    -----
    The capaian against a range (:func:`sakip.capaian.achievement`):

    - realisation inside the range (``low <= R <= high``): exactly 100. This
      is a convention of this library, an inference: PermenPANRB 8/2021 does
      not say what an inside realisation gets, and 100 is the only value
      that keeps the capaian continuous at both bounds (``low / low`` and
      ``high / high`` are both 100);
    - realisation above the range: the indicator's formula against ``high``;
      below the range: against ``low`` (PermenPANRB 8/2021, Lampiran BAB
      VI.A.1.b, printed pages 91 and 100: "realisasi lebih besar dari
      target, maka yang digunakan ... adalah batas atas", "lebih kecil ...
      batas bawah"). PermenPANRB 8/2021 was revoked by PermenPANRB 6/2022,
      which has no capaian formula of its own.

    Examples
    --------
    PermenPANRB 8/2021, printed page 100: target 80-90 %, realisation 92 %
    gives 92 / 90 (the regulation misprints the result as 113 %):

    >>> from sakip.capaian import Polarity, achievement
    >>> achievement(target=TargetRange(80, 90), realization=92)
    Decimal('102.222222222222222222222222222222222222222222222222222222222')
    >>> achievement(target=TargetRange(80, 90), realization=85)
    Decimal('100')
    >>> achievement(target=TargetRange(7, 8), realization=9, polarity=Polarity.LOWER_IS_BETTER)
    Decimal('87.5')
    >>> TargetRange(90, 80)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'high' must be >= low (80 < 90): 80
    """

    low: Decimal = attrs.field(converter=_low)
    high: Decimal = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.high < self.low:
            raise InvalidValueError(
                "high", f"must be >= low ({self.high} < {self.low})", self.high
            )

    def __str__(self) -> str:
        return f"{self.low}-{self.high}"

    def contains(self, value: NumberLike) -> bool:
        """Whether ``low <= value <= high``.

        Examples
        --------
        >>> TargetRange(7, 8).contains("7.5"), TargetRange(7, 8).contains(9)
        (True, False)
        """
        number = to_decimal(value, field="value")
        return self.low <= number <= self.high

    def nearer_bound(self, value: NumberLike) -> Decimal | None:
        """The bound a realisation outside the range is measured against; ``None`` inside.

        Examples
        --------
        >>> TargetRange(80, 90).nearer_bound(92), TargetRange(80, 90).nearer_bound(70)
        (Decimal('90'), Decimal('80'))
        >>> TargetRange(80, 90).nearer_bound(85) is None
        True
        """
        number = to_decimal(value, field="value")
        if number > self.high:
            return self.high
        if number < self.low:
            return self.low
        return None


#: A target: one number, or a :class:`TargetRange`.
TargetLike: TypeAlias = "NumberLike | TargetRange"


def to_target(value: TargetLike | None, *, field: str = "target") -> Decimal | TargetRange:
    """A target as a ``Decimal >= 0`` or a :class:`TargetRange` (a range of one point stays a range).

    Parameters
    ----------
    value : number or TargetRange
        A plain target (through :func:`sakip.to_decimal`) or a range.
    field : str, default "target"
        Name used in error messages.

    Raises
    ------
    InvalidValueError
        ``None``, a negative number, or not a number.

    Examples
    --------
    >>> to_target("3.60"), to_target(TargetRange(80, 90))
    (Decimal('3.60'), TargetRange(low=Decimal('80'), high=Decimal('90')))
    >>> to_target(-1)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must be >= 0: -1
    """
    if isinstance(value, TargetRange):
        return value
    if value is None:
        raise InvalidValueError(field, "is missing", None)
    return to_bounded(value, field=field, low=0)


class ZeroTarget(enum.Enum):
    """What a lower-is-better indicator with target 0 and a realisation above 0 gets.

    Neither lower-is-better formula, ``(2T - R) / T`` nor ``T / R``, has a
    useful value at ``T = 0``, and no regulation text covers the case (the
    PermenPANRB 8/2021 formulas both divide by the target). A realisation of
    0 against a target of 0 is on target (capaian 100) under every choice.

    Attributes
    ----------
    RAISE
        The default, unchanged from 0.1.0: ``(2T - R) / T`` raises
        :class:`~sakip.errors.InvalidValueError`; ``T / R`` gives 0 (``0 / R``
        is a real value).
    NOT_COMPUTABLE
        No capaian: :func:`sakip.capaian.achievement` returns ``None``, and
        :func:`sakip.indicators.evaluate_with_exclusions` keeps the
        indicator out of the results, so :func:`sakip.summary.summarize`
        leaves it out of the mean and the counts and names it in
        ``Summary.excluded``. The row shows the realisation only.
    ZERO
        Capaian 0 (the target was missed entirely), for both formulas.

    Examples
    --------
    "Persentase tahanan yang melarikan diri", target 0, realisation 8,33:

    >>> from sakip.capaian import Polarity, achievement
    >>> achievement(target=0, realization="8.33", polarity=Polarity.LOWER_IS_BETTER,
    ...             zero_target=ZeroTarget.ZERO)
    Decimal('0')
    >>> achievement(target=0, realization="8.33", polarity=Polarity.LOWER_IS_BETTER,
    ...             zero_target="not_computable") is None
    True
    """

    RAISE = "raise"
    NOT_COMPUTABLE = "not_computable"
    ZERO = "zero"
