"""Exact numbers: coercion, rounding, parsing and formatting."""

from __future__ import annotations

import decimal
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import (
    InvalidTypeError,
    InvalidValueError,
    Rounding,
    RoundingPolicy,
    SakipError,
    format_number,
    parse_number,
    percent,
    round_to,
    to_decimal,
)
from sakip.errors import AmbiguousNumberError, NumberFormatError
from sakip.numbers import NumberStyle, divide, exact_sum, to_count, to_percentage

finite_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=6).filter(
    lambda d: abs(d) < Decimal("1e12")
)

# --- to_decimal --------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (7, Decimal("7")),
        ("2.89", Decimal("2.89")),
        (" -3 ", Decimal("-3")),
        (Decimal("99.975"), Decimal("99.975")),
        (0.1, Decimal("0.1")),  # through str, not the binary value
        (99.975, Decimal("99.975")),
        (np.float64(53.51), Decimal("53.51")),
        (np.int8(4), Decimal("4")),
    ],
)
def test_to_decimal_known_values(value: object, expected: Decimal) -> None:
    assert to_decimal(value) == expected
    assert to_decimal(value).as_tuple() == expected.as_tuple()


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (float("nan"), InvalidValueError),
        (float("inf"), InvalidValueError),
        (Decimal("NaN"), InvalidValueError),
        (Decimal("-Infinity"), InvalidValueError),
        ("nan", NumberFormatError),
        ("3,60", NumberFormatError),
        ("", NumberFormatError),
        ("12 Orang", NumberFormatError),
        (True, InvalidTypeError),
        (None, InvalidTypeError),
        ([1], InvalidTypeError),
    ],
)
def test_to_decimal_rejects(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        to_decimal(value, field="target")
    assert isinstance(info.value, SakipError)
    assert "'target'" in str(info.value)


# --- round_to ------------------------------------------------------------------

# formulas.md section 1 and issue 2; the LKIP prints 102,77 for 3,70/3,60.
ROUNDING_CASES = [
    ("102.7777", 2, Rounding.TRUNCATE, "102.77"),
    ("102.7777", 2, Rounding.HALF_UP, "102.78"),
    ("99.975", 2, Rounding.HALF_UP, "99.98"),  # NKA (SMART), BAB III A sasaran 11
    ("98.745", 2, Rounding.TRUNCATE, "98.74"),  # IKPA BNNK Palangka Raya
    ("-1.239", 2, Rounding.TRUNCATE, "-1.23"),
    ("-1.235", 2, Rounding.HALF_UP, "-1.24"),
    ("0.125", 2, Rounding.HALF_EVEN, "0.12"),
    ("0.135", 2, Rounding.HALF_EVEN, "0.14"),
    ("166.666", 2, Rounding.HALF_UP, "166.67"),
    ("112.7659", 0, Rounding.TRUNCATE, "112"),  # IKM 3,71/3,29 printed 112
]


@pytest.mark.parametrize(("value", "places", "rounding", "expected"), ROUNDING_CASES)
def test_round_to_known_values(value: str, places: int, rounding: Rounding, expected: str) -> None:
    assert round_to(value, places, rounding) == Decimal(expected)


def test_round_to_ignores_the_ambient_context() -> None:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        assert round_to("99.975", 2, Rounding.HALF_UP) == Decimal("99.98")
        assert round_to("11010853963.5", 0, Rounding.HALF_UP) == Decimal("11010853964")


def test_round_to_rejects_bad_arguments() -> None:
    with pytest.raises(InvalidValueError):
        round_to("1", -1, Rounding.TRUNCATE)
    # An enum parameter takes the member or its value, and nothing else.
    assert round_to("1.239", 2, "truncate") == Decimal("1.23")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        round_to("1", 2, "TRUNCATE")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError):
        round_to("1", 2, None)  # type: ignore[arg-type]


@given(finite_decimals, st.integers(0, 4), st.sampled_from(list(Rounding)))
def test_rounding_moves_less_than_one_unit(
    value: Decimal, places: int, rounding: Rounding
) -> None:
    unit = Decimal(1).scaleb(-places)
    rounded = round_to(value, places, rounding)
    assert abs(rounded - value) < unit
    if rounding is not Rounding.TRUNCATE:
        assert abs(rounded - value) <= unit / 2


@given(finite_decimals, st.integers(0, 4))
def test_truncation_never_increases_magnitude(value: Decimal, places: int) -> None:
    truncated = round_to(value, places, Rounding.TRUNCATE)
    assert abs(truncated) <= abs(value)
    assert truncated == 0 or (truncated > 0) == (value > 0)


@given(finite_decimals, st.integers(0, 4), st.sampled_from(list(Rounding)))
def test_rounding_is_idempotent(value: Decimal, places: int, rounding: Rounding) -> None:
    once = round_to(value, places, rounding)
    assert round_to(once, places, rounding) == once


# --- divide / percent -------------------------------------------------------------


def test_percent_known_values() -> None:
    # BAB III B: 11.010.853.963 / 11.347.093.000 -> 97,03 (truncated).
    assert round_to(percent(11010853963, 11347093000), 2, Rounding.TRUNCATE) == Decimal("97.03")
    # BAB III B budget table: rounds half up.
    assert round_to(percent(4001008445, 4281671000), 2, Rounding.HALF_UP) == Decimal("93.45")
    assert round_to(percent(205553420, 211832000), 2, Rounding.HALF_UP) == Decimal("97.04")


def test_divide_by_zero_names_the_field() -> None:
    with pytest.raises(InvalidValueError, match="'pagu' must not be zero"):
        percent(1, 0, whole_field="pagu")


@given(finite_decimals, finite_decimals.filter(lambda d: d != 0))
def test_divide_inverts_multiplication(a: Decimal, b: Decimal) -> None:
    product = decimal.Context(prec=80).multiply(a, b)
    assert divide(product, b) == a


# --- parse_number --------------------------------------------------------------------

# Forms printed in the LKIP (issue 2) and their exact values.
PARSE_CASES = [
    ("1.216,57", "1216.57"),  # BAB III A sasaran 9, shabu
    ("Rp.11.010.853.963,-", "11010853963"),  # Ikhtisar Eksekutif
    ("Rp 7.988.525.000", "7988525000"),
    ("Rp. 7.988.525.000,-", "7988525000"),
    ("102,77%", "102.77"),
    ("100 %", "100"),
    ("2,5", "2.5"),
    ("99.5", "99.5"),
    ("53.51", "53.51"),
    ("3,60", "3.60"),
    ("0,125", "0.125"),  # a leading zero cannot start a thousands group
    ("1,216.57", "1216.57"),
    ("1,216,570", "1216570"),
    ("-1.216,5", "-1216.5"),
    ("16", "16"),
    ("12.345,678", "12345.678"),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_number_known_forms(text: str, expected: str) -> None:
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["1.216", "1,216", "216.570", "-1.216"])
def test_parse_number_refuses_to_guess(text: str) -> None:
    with pytest.raises(AmbiguousNumberError):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "separator", "expected"),
    [("1.216", ",", "1216"), ("1.216", ".", "1.216"), ("1,216", ",", "1.216")],
)
def test_parse_number_with_stated_separator(text: str, separator: str, expected: str) -> None:
    assert parse_number(text, decimal_separator=separator) == Decimal(expected)


@pytest.mark.parametrize(
    "text",
    [
        "3,60 Indeks",
        "2 Kabupaten/Kota",
        "",
        "Rp",
        "1.21.6",
        "12.34,5.6",
        "1,2,3",
        "abc",
        ",5",
        "5,",
    ],
)
def test_parse_number_rejects_non_numbers(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text)


def test_parse_number_rejects_non_strings() -> None:
    with pytest.raises(InvalidTypeError):
        parse_number(3.6)  # type: ignore[arg-type]


# --- format_number -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "rounding", "style", "expected"),
    [
        ("102.7777", 2, Rounding.TRUNCATE, NumberStyle.INDONESIAN, "102,77"),
        (11010853963, None, None, NumberStyle.INDONESIAN, "11.010.853.963"),
        ("1216.57", None, None, NumberStyle.INDONESIAN, "1.216,57"),
        ("-1216.57", None, None, NumberStyle.INDONESIAN, "-1.216,57"),
        ("99.975", 2, Rounding.HALF_UP, NumberStyle.PLAIN, "99.98"),
        ("100", 2, Rounding.TRUNCATE, NumberStyle.INDONESIAN, "100,00"),
        ("0.5", None, None, NumberStyle.INDONESIAN, "0,5"),
    ],
)
def test_format_number_known_values(
    value: str, places: int | None, rounding: Rounding | None, style: NumberStyle, expected: str
) -> None:
    assert format_number(value, places, rounding, style=style) == expected


def test_format_number_needs_a_rounding_with_places() -> None:
    with pytest.raises(InvalidValueError, match="'rounding'"):
        format_number("1.5", 0)


@given(finite_decimals)
def test_indonesian_round_trip(value: Decimal) -> None:
    text = format_number(value)
    assert parse_number(text, decimal_separator=",") == value


@given(finite_decimals)
def test_plain_round_trip(value: Decimal) -> None:
    text = format_number(value, style=NumberStyle.PLAIN)
    assert parse_number(text, decimal_separator=".") == value
    assert to_decimal(text) == value


@given(finite_decimals.filter(lambda d: d != d.to_integral_value()))
def test_unambiguous_forms_parse_without_a_separator(value: Decimal) -> None:
    # A fraction of other than three digits, or with grouping and a fraction,
    # is never ambiguous.
    text = format_number(value)
    fraction = text.rpartition(",")[2]
    if len(fraction) != 3 or "." in text:
        assert parse_number(text) == value


# --- numbers longer than any context -------------------------------------------------------

# Integers of up to 90 digits with up to 6 decimals: beyond the ambient 28 digits and
# beyond the 60 digits of EXACT, where a context-bound quantize or divide would round.
long_decimals = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**90), 10**90),
    st.integers(0, 6),
)


@given(long_decimals, st.integers(0, 4), st.sampled_from(list(Rounding)))
def test_rounding_long_numbers_is_exact(value: Decimal, places: int, rounding: Rounding) -> None:
    rounded = round_to(value, places, rounding)
    unit = Decimal(1).scaleb(-places)
    wide = decimal.Context(prec=200)
    assert wide.subtract(rounded, value).copy_abs() < unit
    if rounding is Rounding.TRUNCATE:
        assert rounded.copy_abs() <= value.copy_abs()


@given(long_decimals, st.integers(0, 40), st.integers(0, 40))
def test_divide_is_exact_when_the_quotient_terminates(
    value: Decimal, twos: int, fives: int
) -> None:
    # value / (2**a x 5**b) terminates: it must come back exactly, whatever its length.
    denominator = 2**twos * 5**fives
    quotient = divide(value, denominator)
    assert decimal.Context(prec=300).multiply(quotient, Decimal(denominator)) == value


def test_long_report_figures_round_exactly() -> None:
    # A 70-digit realisation (far beyond any report, but no reason to round it silently).
    value = Decimal("1" * 70 + ".5678")
    assert round_to(value, 2, Rounding.TRUNCATE) == Decimal("1" * 70 + ".56")
    assert round_to(value, 2, Rounding.HALF_UP) == Decimal("1" * 70 + ".57")
    assert format_number(value, 1, Rounding.TRUNCATE, style=NumberStyle.PLAIN) == "1" * 70 + ".5"


@pytest.mark.parametrize(
    "value",
    ["1e10000", "-1E+99999999", "1e-10000", 10**10001],
    ids=["1e10000", "-1e99999999", "1e-10000", "int 10**10001"],
)
def test_magnitudes_beyond_the_exact_range_are_refused(value: object) -> None:
    # Such a figure would make a rounding to two places allocate millions of digits,
    # or overflow a quotient: a clear error instead.
    with pytest.raises(InvalidValueError, match="'target' must lie between 1e-9999 and 1e10000"):
        to_decimal(value, field="target")
    assert to_decimal("1e9999") == Decimal("1e9999")
    assert to_decimal(0) == 0 and to_decimal("0E-100000") == 0


def test_places_beyond_the_exact_range_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="'places' must be <= 9999"):
        round_to("1.5", 10**6, Rounding.TRUNCATE)


# ---------------------------------------------------------------------------
# Issue 12 (failing-first tests).


def test_enum_parameters_take_member_or_value_only() -> None:
    from sakip import RoundingPolicy

    with pytest.raises(InvalidValueError, match="style"):
        format_number("1234.5", style="displayed")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="style"):
        format_number("1234.5", style="PLAIN")  # type: ignore[arg-type]
    # "plain" is NumberStyle.PLAIN's value: it gives the plain style, not Indonesian.
    assert format_number("1234.5", style="plain") == "1234.5"  # type: ignore[arg-type]
    assert RoundingPolicy(2, "truncate") == RoundingPolicy(2, Rounding.TRUNCATE)  # type: ignore[arg-type]
    with pytest.raises(SakipError):
        RoundingPolicy(2, "truncated")  # type: ignore[arg-type]
    with pytest.raises(SakipError):
        RoundingPolicy("2", Rounding.TRUNCATE)  # type: ignore[arg-type]


def test_parse_number_checks_the_magnitude_of_long_text() -> None:
    import time

    start = time.perf_counter()
    with pytest.raises(InvalidValueError, match="magnitude"):
        parse_number("1" * 20_000)
    with pytest.raises(InvalidValueError, match="magnitude"):
        parse_number("0," + "0" * 20_000 + "1")
    with pytest.raises(InvalidValueError, match="magnitude"):
        parse_number("1." + "000." * 3_400 + "000")
    assert time.perf_counter() - start < 0.5
    assert parse_number("1" * 10_000) == Decimal("1" * 10_000)


def test_zero_has_no_sign_when_formatted() -> None:
    assert format_number(Decimal("-0")) == "0"
    assert format_number(Decimal("-0.00")) == "0,00"
    assert format_number("-0.001", 2, Rounding.TRUNCATE) == "0,00"
    assert format_number("-0.004", 2, Rounding.HALF_UP, style=NumberStyle.PLAIN) == "0.00"
    assert format_number("-0.005", 2, Rounding.HALF_UP) == "-0,01"


def test_finding_difference_is_never_nan() -> None:
    from sakip.findings import Finding

    assert Finding("x", 119, 121, "rule").difference == Decimal(-2)
    for bad in (Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), float("nan")):
        with pytest.raises(SakipError):
            Finding("x", bad, 121, "rule")
        with pytest.raises(SakipError):
            Finding("x", 121, bad, "rule")


def test_count_percentage_and_sum_known_values() -> None:
    # Counts of people (tahanan, pegawai): 0 is a count, 3.0 is 3.
    assert to_count(0, field="escapes") == 0
    assert to_count(Decimal("3.0"), field="escapes") == 3
    assert type(to_count("22")) is int
    # An index given by the caller lies in [0, 100], both ends included.
    assert to_percentage(0) == Decimal(0)
    assert to_percentage("100") == Decimal(100)
    assert to_percentage("0.01") == Decimal("0.01")
    assert exact_sum([]) == Decimal(0)
    assert exact_sum(["0.1", "0.2", 3]) == Decimal("3.3")


def test_rounding_policy_apply_and_agrees() -> None:
    # LKIP 2024 BAB III A: 3,70 / 3,60 = 102,777...% printed 102,77 (truncated).
    policy = RoundingPolicy(2, Rounding.TRUNCATE)
    value = Decimal("370") / Decimal("3.60")
    assert policy.apply(value) == Decimal("102.77")
    assert policy.agrees(value, printed="102.77")
    assert not policy.agrees(value, printed="102.78")
    # Fewer places printed: truncated to the printed places.
    assert policy.agrees(value, printed="102.7")
    assert policy.agrees(value, printed="102")
    assert not policy.agrees(value, printed="103")
    # More places printed than the policy: only an exact match agrees.
    assert policy.agrees("1.234", printed="1.234")
    assert not policy.agrees("1.2345", printed="1.234")
    assert RoundingPolicy(2, Rounding.HALF_UP).agrees("102.775", printed="102.78")


def test_divide_is_exact_for_long_operands() -> None:
    # 1 / 2**200 terminates with 200 decimals (5**200 has 140 digits), beyond 60 digits.
    quotient = divide(1, 2**200)
    assert quotient == Decimal(f"{5**200}E-200")  # built from a str: no context involved
    assert divide(7 * 2**200, 2**200) == 7
