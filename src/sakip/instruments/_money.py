"""Exact arithmetic on rupiah amounts with sen, for :mod:`sakip.instruments.anggaran`.

An amount is an ``int`` when it is whole rupiah and a ``Decimal`` with exactly
two places when it has sen (1 rupiah = 100 sen). Whole-rupiah amounts are
added in integers, as before sen were accepted; amounts with sen are added in
:data:`~sakip.numbers.UNBOUNDED`, never in the ambient decimal context, and a
result that comes out whole is an ``int`` again.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sakip.errors import InvalidValueError
from sakip.numbers import UNBOUNDED, exact_sum

#: An amount of rupiah as computed by :mod:`sakip.instruments.anggaran`: ``int``
#: (whole rupiah) or a two-place ``Decimal`` (with sen).
Money = int | Decimal


def whole_or_sen(value: Decimal, *, field: str) -> Money:
    """A finite Decimal amount as an ``int`` when whole, else as a two-place Decimal.

    Built from the digits: no context, no rounding. More than two decimals
    (trailing zeros aside) raise :class:`~sakip.errors.InvalidValueError`.

    Examples
    --------
    >>> whole_or_sen(Decimal("16524000.00"), field="pagu")
    16524000
    >>> whole_or_sen(Decimal("1.5"), field="pagu"), whole_or_sen(Decimal("1.2500"), field="pagu")
    (Decimal('1.50'), Decimal('1.25'))
    """
    if value == value.to_integral_value():
        return int(value)
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    extra = -2 - exponent  # places beyond the sen
    if extra > 0:
        if any(digits[-extra:]):
            raise InvalidValueError(field, "must have at most two decimals (sen) of rupiah", value)
        digits = digits[:-extra]
    else:
        digits = digits + (0,) * -extra
    return Decimal((sign, digits, -2))


def plus(first: Money, second: Money, *, field: str) -> Money:
    """``first + second``, exactly: in integers for whole rupiah, else without rounding.

    Examples
    --------
    >>> plus(Decimal("0.45"), Decimal("0.55"), field="realization")
    1
    """
    if isinstance(first, int) and isinstance(second, int):
        return first + second
    return whole_or_sen(UNBOUNDED.add(Decimal(first), Decimal(second)), field=field)


def minus(first: Money, second: Money, *, field: str) -> Money:
    """``first - second``, exactly (see :func:`plus`).

    Examples
    --------
    >>> minus(1500000000, Decimal("1234567354.53"), field="sisa")
    Decimal('265432645.47')
    """
    if isinstance(first, int) and isinstance(second, int):
        return first - second
    return whole_or_sen(UNBOUNDED.subtract(Decimal(first), Decimal(second)), field=field)


def total(values: Iterable[Money], *, field: str) -> Money:
    """The exact sum of amounts: an ``int`` sum for whole rupiah, else an exact Decimal sum.

    Examples
    --------
    >>> total([1, 2], field="pagu"), total([Decimal("0.45"), Decimal("0.75")], field="pagu")
    (3, Decimal('1.20'))
    """
    items = list(values)
    if all(isinstance(item, int) for item in items):
        return sum(items, 0)
    return whole_or_sen(exact_sum(items, field=field), field=field)
