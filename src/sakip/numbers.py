"""Exact numbers: coercion to :class:`~decimal.Decimal`, rounding policies, parsing and formatting.

Nothing here depends on the ambient :mod:`decimal` context: every operation
that could round uses a private context with enough precision, and every
rounding to printed places goes through :func:`round_to` with an explicit
:class:`Rounding`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from decimal import (
    MAX_EMAX,
    MAX_PREC,
    MIN_EMIN,
    ROUND_DOWN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
)
from numbers import Integral
from typing import Any, TypeAlias, TypeVar

import attrs
import numpy as np

from sakip.errors import (
    AmbiguousNumberError,
    InvalidTypeError,
    InvalidValueError,
    NumberFormatError,
)

__all__ = [
    "EXACT",
    "MAX_EXPONENT",
    "UNBOUNDED",
    "NumberLike",
    "NumberStyle",
    "Rounding",
    "RoundingPolicy",
    "check_places",
    "divide",
    "exact_sum",
    "format_number",
    "parse_number",
    "percent",
    "round_to",
    "to_count",
    "to_decimal",
    "to_percentage",
]

NumberLike: TypeAlias = "int | str | Decimal | float | np.integer[Any] | np.floating[Any]"
"""What :func:`to_decimal` accepts."""

#: A context wide enough that sums, products and quotients of report figures
#: are exact where they can be, and correct to 60 significant digits where
#: they cannot (1/3); used by every formula instead of the ambient context.
EXACT = Context(prec=60, Emax=999_999, Emin=-999_999)

#: Sums, differences and products of finite Decimals are exact in this context
#: (it allocates only the digits a result needs), so they never depend on
#: the order of the terms.
UNBOUNDED = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)

#: Largest adjusted exponent (either sign) of a non-zero number that
#: :func:`to_decimal` accepts: magnitudes from 1e-9999 to below 1e10000. Far
#: beyond any report figure, and small enough that every quotient stays inside
#: :data:`EXACT` and every rounding to at most this many places is exact.
MAX_EXPONENT = 9_999

E = TypeVar("E", bound=enum.Enum)

_PLAIN_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class Rounding(enum.Enum):
    """How a value is brought to a number of decimal places.

    Attributes
    ----------
    TRUNCATE
        Drop the extra digits (toward zero): 102,7777 -> 102,77 and
        -1,239 -> -1,23. The LKIP's capaian column and its averages.
    HALF_UP
        Ties away from zero: 99,975 -> 99,98. SAKTI budget tables, the
        NKA printed by SMART, most agencies' reports.
    HALF_EVEN
        Ties to the even digit (banker's rounding): 0,125 -> 0,12.

    Examples
    --------
    >>> [round_to(Decimal("102.7777"), 2, r) for r in Rounding]
    [Decimal('102.77'), Decimal('102.78'), Decimal('102.78')]
    """

    TRUNCATE = "truncate"
    HALF_UP = "half_up"
    HALF_EVEN = "half_even"

    @property
    def decimal_mode(self) -> str:
        """The :mod:`decimal` rounding constant of this policy."""
        return _MODES[self]


_MODES = {
    Rounding.TRUNCATE: ROUND_DOWN,
    Rounding.HALF_UP: ROUND_HALF_UP,
    Rounding.HALF_EVEN: ROUND_HALF_EVEN,
}


def _enum(value: object, enum_type: type[E], field: str) -> E:
    """:func:`sakip.coerce.to_enum`, imported when first needed (coerce imports this module)."""
    if isinstance(value, enum_type):
        return value
    from sakip.coerce import to_enum

    return to_enum(value, enum_type, field=field)


def _to_rounding(value: Rounding | str) -> Rounding:
    return _enum(value, Rounding, "rounding")


def _check_finite(value: Decimal, field: str) -> Decimal:
    if not value.is_finite():
        raise InvalidValueError(field, "must be a finite number", value)
    if value:
        _check_magnitude(value.adjusted(), field, value)
    return value


def _check_magnitude(adjusted: int, field: str, shown: object) -> None:
    """Refuse a number whose adjusted exponent lies outside +-:data:`MAX_EXPONENT`."""
    if not -MAX_EXPONENT <= adjusted <= MAX_EXPONENT:
        raise InvalidValueError(
            field,
            f"must lie between 1e-{MAX_EXPONENT} and 1e{MAX_EXPONENT + 1} in magnitude",
            shown,
        )


def to_decimal(value: object, *, field: str = "value") -> Decimal:
    """Convert a number to an exact :class:`~decimal.Decimal`.

    Parameters
    ----------
    value : int, str, Decimal or float
        ``int`` and ``Decimal`` are taken as they are; ``str`` must be a plain
        decimal numeral (``"99.5"``, ``"-3"``, ``"1e3"``); a ``float`` goes
        through ``str`` so that ``0.1`` becomes ``Decimal('0.1')``, not the
        binary value. numpy integer and floating scalars are accepted the
        same way.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    Decimal
        The exact value.

    Raises
    ------
    InvalidValueError
        NaN, infinity, or a magnitude outside 1e-9999 .. 1e10000
        (:data:`MAX_EXPONENT`).
    NumberFormatError
        A string that is not a plain decimal numeral; Indonesian forms such as
        ``"1.216,57"`` must go through :func:`parse_number`, which knows the
        separators.
    InvalidTypeError
        ``bool``, ``None`` or any other type.

    Examples
    --------
    >>> to_decimal(0.1), to_decimal("2.89"), to_decimal(7)
    (Decimal('0.1'), Decimal('2.89'), Decimal('7'))
    >>> to_decimal("3,60", field="target")
    Traceback (most recent call last):
    ...
    sakip.errors.NumberFormatError: 'target' must be a plain decimal numeral (use parse_number for '1.216,57' forms): '3,60'
    """
    if isinstance(value, Decimal):
        return _check_finite(value, field)
    if isinstance(value, bool | np.bool_):
        raise InvalidTypeError(field, "must be a number, not a bool", value)
    if isinstance(value, Integral):
        return _check_finite(Decimal(int(value)), field)
    if isinstance(value, float | np.floating):
        # str() of a float is its shortest round-tripping decimal, which is
        # the number the user wrote; Decimal(float) would be the binary value.
        return _check_finite(Decimal(str(value)), field)
    if isinstance(value, str):
        text = value.strip()
        if not _PLAIN_DECIMAL.fullmatch(text):
            raise NumberFormatError(
                field,
                "must be a plain decimal numeral (use parse_number for '1.216,57' forms)",
                value,
            )
        return _check_finite(Decimal(text), field)
    raise InvalidTypeError(field, "must be an int, str, Decimal or float", value)


def to_count(value: object, *, field: str = "value") -> int:
    """A whole number ``>= 0`` (people, incidents, records), from anything :func:`to_decimal` reads.

    Examples
    --------
    >>> to_count("22", field="detainees"), to_count(Decimal("3.0"), field="escapes")
    (22, 3)
    >>> to_count("2.5", field="escapes")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'escapes' must be a whole number: 2.5
    """
    number = to_decimal(value, field=field)
    if number != number.to_integral_value():
        raise InvalidValueError(field, "must be a whole number", number)
    if number < 0:
        raise InvalidValueError(field, "must be >= 0", number)
    return int(number)


def to_percentage(value: object, *, field: str = "value") -> Decimal:
    """A number that must lie in [0, 100], such as an index value given by the caller.

    Examples
    --------
    >>> to_percentage("100", field="empty")
    Decimal('100')
    >>> to_percentage(101, field="empty")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'empty' must lie in [0, 100]: 101
    """
    number = to_decimal(value, field=field)
    if not Decimal(0) <= number <= Decimal(100):
        raise InvalidValueError(field, "must lie in [0, 100]", number)
    return number


def round_to(value: NumberLike, places: int, rounding: Rounding | str) -> Decimal:
    """Round a value to ``places`` decimal places with an explicit policy.

    Parameters
    ----------
    value : int, str, Decimal or float
        Converted with :func:`to_decimal`.
    places : int
        Decimal places to keep, ``>= 0``.
    rounding : Rounding
        The policy (the member or its value, ``"truncate"``); there is no
        default because sources differ.

    Returns
    -------
    Decimal
        The rounded value with exactly ``places`` decimals.

    Raises
    ------
    InvalidValueError
        ``places`` negative or above :data:`MAX_EXPONENT`, or ``rounding``
        that is neither a :class:`Rounding` nor the value of one.

    Notes
    -----
    Independent of the ambient :mod:`decimal` context, and exact for any
    number of digits: the rounding runs in a context as wide as the result.

    Examples
    --------
    LKIP Kalimantan Tengah 2024, BAB III A and formulas.md section 1:

    >>> round_to(Decimal("102.7777"), 2, Rounding.TRUNCATE)
    Decimal('102.77')
    >>> round_to(Decimal("102.7777"), 2, Rounding.HALF_UP)
    Decimal('102.78')
    >>> round_to("99.975", 2, Rounding.HALF_UP)
    Decimal('99.98')
    >>> round_to("98.745", 2, Rounding.TRUNCATE)
    Decimal('98.74')
    >>> round_to("-1.239", 2, Rounding.TRUNCATE)
    Decimal('-1.23')
    """
    if not isinstance(rounding, Rounding):
        rounding = _to_rounding(rounding)
    check_places(places)
    number = to_decimal(value)
    # The result has at most adjusted + 1 + places digits; a context that wide
    # never rounds it, whatever the size of the number.
    context = Context(
        prec=max(EXACT.prec, number.adjusted() + places + 2), Emax=MAX_EMAX, Emin=MIN_EMIN
    )
    return number.quantize(Decimal((0, (1,), -places)), rounding=_MODES[rounding], context=context)


def divide(
    numerator: NumberLike,
    denominator: NumberLike,
    *,
    numerator_field: str = "numerator",
    denominator_field: str = "denominator",
) -> Decimal:
    """Divide two numbers exactly, or to 60 significant digits when the quotient does not end.

    Every formula in :mod:`sakip` divides through this function, so that no
    result depends on the ambient :mod:`decimal` context and a zero
    denominator is an error that names its field instead of a
    ``ZeroDivisionError``.

    Parameters
    ----------
    numerator, denominator : int, str, Decimal or float
        Converted with :func:`to_decimal`.
    numerator_field, denominator_field : str, optional
        Names used in error messages.

    Returns
    -------
    Decimal
        The quotient; exact when it terminates (``3.70 / 3.60`` does not, and
        carries 60 significant digits, far beyond any printed place).

    Notes
    -----
    The context has 60 digits, or more for long operands: a terminating
    quotient of ``n`` by ``d`` needs at most ``digits(n) + 2.33 x digits(d)``
    significant digits (``1 / 2**k`` has ``0.7 k`` of them), so with
    ``digits(n) + 3 x digits(d) + 2`` it is always exact.

    Raises
    ------
    InvalidValueError
        ``denominator`` is zero.

    Examples
    --------
    >>> divide(16, 7)
    Decimal('2.28571428571428571428571428571428571428571428571428571428571')
    >>> divide("99.975", 1)
    Decimal('99.975')
    >>> divide(1, 0, denominator_field="target")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'target' must not be zero: 0
    """
    top = to_decimal(numerator, field=numerator_field)
    bottom = to_decimal(denominator, field=denominator_field)
    if bottom.is_zero():
        raise InvalidValueError(denominator_field, "must not be zero", bottom)
    needed = len(top.as_tuple().digits) + 3 * len(bottom.as_tuple().digits) + 2
    if needed <= EXACT.prec:
        return EXACT.divide(top, bottom)
    return Context(prec=needed, Emax=EXACT.Emax, Emin=EXACT.Emin).divide(top, bottom)


def exact_sum(values: Iterable[NumberLike], *, field: str = "values") -> Decimal:
    """The exact sum of numbers, the same in any order.

    ``sum()`` over Decimals rounds every partial sum to the ambient
    precision (28 digits), so the result can depend on the order of the
    terms; this sum is exact.

    Parameters
    ----------
    values : iterable of int, str, Decimal or float
        Converted with :func:`to_decimal`.
    field : str, optional
        Name used in error messages.

    Examples
    --------
    >>> third = divide(1, 3)
    >>> exact_sum([third, 100, third]) == exact_sum([100, third, third])
    True
    >>> exact_sum([])
    Decimal('0')
    """
    total = Decimal(0)
    for value in values:
        total = UNBOUNDED.add(total, to_decimal(value, field=field))
    return total


def percent(
    part: NumberLike,
    whole: NumberLike,
    *,
    part_field: str = "part",
    whole_field: str = "whole",
) -> Decimal:
    """``part / whole x 100``, computed as :func:`divide` computes.

    The multiplication by 100 happens before the division, in the exact
    context, so no digit is lost to the ambient :mod:`decimal` precision.

    Parameters
    ----------
    part, whole : int, str, Decimal or float
        Converted with :func:`to_decimal`.
    part_field, whole_field : str, optional
        Names used in error messages.

    Returns
    -------
    Decimal
        The percentage (100 means the whole), unrounded.

    Raises
    ------
    InvalidValueError
        ``whole`` is zero.

    Examples
    --------
    LKIP Kalimantan Tengah 2024, BAB III B (the province's budget):

    >>> round_to(percent(11010853963, 11347093000), 2, Rounding.TRUNCATE)
    Decimal('97.03')
    """
    top = UNBOUNDED.multiply(to_decimal(part, field=part_field), Decimal(100))
    return divide(top, whole, numerator_field=part_field, denominator_field=whole_field)


def check_places(places: int) -> int:
    """Check a number of decimal places: an ``int`` from 0 to :data:`MAX_EXPONENT`.

    Examples
    --------
    >>> check_places(2)
    2
    >>> check_places(-1)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'places' must be an int >= 0: -1
    """
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise InvalidValueError("places", "must be an int >= 0", places)
    if places > MAX_EXPONENT:
        raise InvalidValueError("places", f"must be <= {MAX_EXPONENT}", places)
    return places


@attrs.frozen
class RoundingPolicy:
    """A number of decimal places and the rule that reaches them.

    The way one document displays one kind of figure: the LKIP shows
    capaian truncated to 2 places, SAKTI budget tables half up to 2 places.

    Parameters
    ----------
    places : int
        Decimal places shown, ``>= 0``.
    rounding : Rounding
        How the value is brought to ``places``.

    Examples
    --------
    >>> LKIP_CAPAIAN = RoundingPolicy(2, Rounding.TRUNCATE)
    >>> LKIP_CAPAIAN.apply("102.7777")
    Decimal('102.77')
    >>> LKIP_CAPAIAN.agrees("102.7777", printed=Decimal("102.77"))
    True
    >>> LKIP_CAPAIAN.agrees("115.6", printed=Decimal("115.6"))
    True
    >>> RoundingPolicy(2, "truncate") == LKIP_CAPAIAN
    True
    >>> RoundingPolicy(2, "truncated")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'rounding' must be one of ['truncate', 'half_up', 'half_even']: 'truncated'
    """

    places: int = attrs.field(validator=lambda _i, _a, v: check_places(v))
    rounding: Rounding = attrs.field(converter=_to_rounding)

    def apply(self, value: NumberLike) -> Decimal:
        """Round ``value`` to this policy's places with its rule."""
        return round_to(value, self.places, self.rounding)

    def agrees(self, value: NumberLike, *, printed: NumberLike) -> bool:
        """Whether a printed figure is ``value`` shown under this policy.

        A printed figure may show fewer places than the policy (``115,6``,
        ``100``); it agrees when ``value`` rounded to the printed places, with
        this policy's rule, equals it. More places than the policy never agree
        unless exactly equal.
        """
        shown = to_decimal(printed, field="printed")
        exponent = shown.as_tuple().exponent
        assert isinstance(exponent, int)
        places = max(0, -exponent)
        if places > self.places:
            return to_decimal(value) == shown
        return round_to(value, places, self.rounding) == shown


class NumberStyle(enum.Enum):
    """How :func:`format_number` writes a number.

    Attributes
    ----------
    INDONESIAN
        ``11.010.853.963`` and ``102,77``: dot groups thousands, comma
        marks decimals, as in LKIP documents.
    PLAIN
        ``11010853963`` and ``102.77``: no grouping, dot for decimals; what
        :func:`to_decimal` reads back.
    """

    INDONESIAN = "id"
    PLAIN = "plain"


def format_number(
    value: NumberLike,
    places: int | None = None,
    rounding: Rounding | None = None,
    *,
    style: NumberStyle = NumberStyle.INDONESIAN,
) -> str:
    """Write a number for people, Indonesian style by default.

    Parameters
    ----------
    value : int, str, Decimal or float
        Converted with :func:`to_decimal`.
    places : int, optional
        Decimal places to show. ``None`` shows the value's own digits.
    rounding : Rounding, optional
        Required when ``places`` is given: how to reach those places (the
        member or its value).
    style : NumberStyle, optional
        :attr:`NumberStyle.INDONESIAN` (default, value ``"id"``) or
        :attr:`NumberStyle.PLAIN` (value ``"plain"``).

    Returns
    -------
    str
        A zero, or a value that rounds to zero, is written without a sign
        (``0,00``, never ``-0,00``).

    Raises
    ------
    InvalidValueError
        ``places`` given without ``rounding``, or a ``style`` or
        ``rounding`` that is neither a member nor the value of one.

    Examples
    --------
    >>> format_number(Decimal("102.7777"), 2, Rounding.TRUNCATE)
    '102,77'
    >>> format_number(11010853963)
    '11.010.853.963'
    >>> format_number("-1216.57", style=NumberStyle.PLAIN)
    '-1216.57'
    >>> format_number("-0.001", 2, Rounding.TRUNCATE), format_number("-0")
    ('0,00', '0')
    """
    style = _enum(style, NumberStyle, "style")
    number = to_decimal(value)
    if places is not None:
        if rounding is None:
            raise InvalidValueError("rounding", "must be given with places", rounding)
        number = round_to(number, places, rounding)
    if number.is_zero():
        number = number.copy_abs()  # no "-0,00": a zero has no sign in a report
    text = format(number, "f")
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, fraction = text.partition(".")
    if style is NumberStyle.PLAIN:
        return sign + whole + ("." + fraction if fraction else "")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


_CURRENCY = re.compile(r"^rp\.?\s*", re.IGNORECASE)


def _grouped(digits: str, sep: str) -> bool:
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}})+", digits) is not None


def parse_number(
    text: str,
    *,
    decimal_separator: str | None = None,
    field: str = "value",
) -> Decimal:
    """Read a number written the way LKIP documents write them.

    Reads Indonesian (``1.216,57``, ``11.010.853.963``, ``102,77``) and
    English (``99.5``, ``53.51``, ``1,216.57``) forms, an optional ``Rp``
    or ``Rp.`` prefix, a trailing ``,-`` (no cents) and a trailing ``%``
    (the number stays in percent: ``102,77%`` is ``102.77``).

    Parameters
    ----------
    text : str
        The number as printed. A trailing unit (``3,60 Indeks``,
        ``2 Kabupaten/Kota``) is the caller's to split off: it raises here,
        because units must never be dropped silently.
    decimal_separator : {",", "."}, optional
        State the decimal separator when the text cannot show it. Without
        it, a lone separator followed by exactly three digits (``1.216``,
        ``1,216``) raises :class:`AmbiguousNumberError`.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    Decimal
        The exact value, in the unit printed (a percentage stays in percent).

    Raises
    ------
    AmbiguousNumberError
        The decimal separator cannot be decided; pass ``decimal_separator``.
    NumberFormatError
        Anything that is not a number in these forms, including badly
        grouped thousands (``1.21.6``) and trailing words.
    InvalidValueError
        A magnitude outside 1e-9999 .. 1e10000 (:data:`MAX_EXPONENT`, as
        :func:`to_decimal`), found from the digits before any Decimal is
        built.

    Notes
    -----
    The rules, in order: with both ``.`` and ``,`` present the last one is
    the decimal separator and the other must group thousands by three;
    a separator that occurs twice or more groups thousands; a single
    separator is decimal unless exactly three digits follow it and one to
    three digits (not a lone ``0``) precede it, which is ambiguous.

    Examples
    --------
    >>> parse_number("1.216,57"), parse_number("Rp.11.010.853.963,-")
    (Decimal('1216.57'), Decimal('11010853963'))
    >>> parse_number("Rp 7.988.525.000"), parse_number("102,77%")
    (Decimal('7988525000'), Decimal('102.77'))
    >>> parse_number("2,5"), parse_number("99.5"), parse_number("53.51")
    (Decimal('2.5'), Decimal('99.5'), Decimal('53.51'))
    >>> parse_number("1.216")
    Traceback (most recent call last):
    ...
    sakip.errors.AmbiguousNumberError: 'value' has an ambiguous decimal separator (pass decimal_separator=',' or '.'): '1.216'
    >>> parse_number("1.216", decimal_separator=",")
    Decimal('1216')
    """
    if not isinstance(text, str):
        raise InvalidTypeError(field, "must be a str", text)
    if decimal_separator not in (None, ",", "."):
        raise InvalidValueError("decimal_separator", "must be ',', '.' or None", decimal_separator)
    body = text.strip()
    body = _CURRENCY.sub("", body)
    if body.endswith(",-"):
        body = body[:-2]
    body = body.removesuffix("%").strip()
    sign = ""
    if body[:1] in "+-" and body:
        sign, body = body[0], body[1:].strip()
    if not re.fullmatch(r"[\d.,]+", body) or not body[0].isdigit() or not body[-1].isdigit():
        raise NumberFormatError(field, "is not a number (split any unit off first)", text)

    def make(digits: str, fraction: str) -> Decimal:
        # The magnitude limit of to_decimal, checked on the digits before a
        # Decimal is built (a 20,000-digit text is refused at once).
        significant = digits.lstrip("0")
        if significant:
            adjusted = len(significant) - 1
        elif fraction.strip("0"):
            adjusted = -(len(fraction) - len(fraction.lstrip("0")) + 1)
        else:
            adjusted = 0
        shown = text if len(text) <= 40 else f"{text[:20]}...({len(text)} characters)"
        _check_magnitude(adjusted, field, shown)
        return _check_finite(Decimal(sign + digits + ("." + fraction if fraction else "")), field)

    def build(whole: str, thousands: str, fraction: str) -> Decimal:
        if thousands in whole and not _grouped(whole, thousands):
            raise NumberFormatError(field, f"has {thousands!r} not grouping thousands by 3", text)
        return make(whole.replace(thousands, ""), fraction)

    if decimal_separator is not None:
        thousands = "." if decimal_separator == "," else ","
        whole, _, fraction = body.partition(decimal_separator)
        if decimal_separator in fraction or thousands in fraction:
            raise NumberFormatError(field, "has separators after the decimal one", text)
        return build(whole, thousands, fraction)

    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "," if body.rfind(",") > body.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        whole, _, fraction = body.rpartition(decimal)
        if decimal in whole or thousands in fraction:
            raise NumberFormatError(field, "mixes its separators", text)
        return build(whole, thousands, fraction)
    if dots + commas == 0:
        return make(body, "")
    sep = "." if dots else ","
    if dots + commas > 1:
        return build(body, sep, "")
    whole, _, fraction = body.partition(sep)
    if len(fraction) == 3 and len(whole) <= 3 and whole != "0":
        raise AmbiguousNumberError(
            field, "has an ambiguous decimal separator (pass decimal_separator=',' or '.')", text
        )
    return make(whole, fraction)
