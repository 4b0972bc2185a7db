"""The versioned IKPA rule tables: indicators, weights and aspects of each regulation.

Private module: every public name here is importable from
:mod:`sakip.instruments.ikpa`, which scores a unit with these rules.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from sakip.coerce import to_bool, to_count, to_enum, to_positive_int, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import NumberLike, to_decimal

__all__ = [
    "IKPA_2022",
    "IKPA_2024",
    "IKPA_RULES",
    "NOT_APPLICABLE",
    "Aspect",
    "IkpaIndicator",
    "IkpaRules",
    "NotApplicable",
    "resolve_rules",
    "rules_for_year",
]


class Aspect(enum.Enum):
    """The three aspects of IKPA since 2022, with their official names.

    Examples
    --------
    >>> Aspect.PERENCANAAN.value
    'Kualitas Perencanaan Anggaran'
    """

    PERENCANAAN = "Kualitas Perencanaan Anggaran"
    PELAKSANAAN = "Kualitas Pelaksanaan Anggaran"
    HASIL = "Kualitas Hasil Pelaksanaan Anggaran"


class NotApplicable(enum.Enum):
    """Marker for an indicator that does not apply to a unit (no contracts, say).

    Its weight becomes 0 and the weight conversion rescales the total. Give
    the member (:data:`NOT_APPLICABLE`) or its value, ``"not applicable"``.

    Examples
    --------
    >>> NotApplicable("not applicable") is NOT_APPLICABLE
    True
    """

    NOT_APPLICABLE = "not applicable"

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Final = NotApplicable.NOT_APPLICABLE
"""Value to give an indicator that does not apply (printed as weight 0 by OMSPAN)."""


def _name(value: object) -> str:
    name = to_text(value, field="name")
    if not name:
        raise InvalidValueError("name", "must not be empty (the indicator's name)", value)
    return name


# attrs converters: mypy's attrs plugin takes only named functions, so each binds a
# sakip.coerce function to its field's name.
def _weight(value: NumberLike) -> int:
    return to_count(value, field="weight")


def _aspect(value: Aspect | str) -> Aspect:
    return to_enum(value, Aspect, field="aspect")


@attrs.frozen
class IkpaIndicator:
    """One IKPA indicator of a year's rules: its official name, weight and aspect.

    Parameters
    ----------
    name : str
        The indicator as the regulation and OMSPAN name it (``"Revisi DIPA"``).
    weight : int
        Weight in percent of the total (``10``), a whole number ``>= 0``.
    aspect : Aspect or str
        The aspect it belongs to: the member or its value (the official
        name, ``"Kualitas Hasil Pelaksanaan Anggaran"``).

    Raises
    ------
    InvalidTypeError
        A name that is not a str, a weight that is not a number.
    InvalidValueError
        An empty name, a negative or fractional weight, an aspect that is
        neither an :class:`Aspect` nor one of their values.

    Examples
    --------
    >>> IkpaIndicator("Revisi DIPA", 10, Aspect.PERENCANAAN).weight
    10
    >>> IkpaIndicator("Capaian Output", 25, "Kualitas Hasil Pelaksanaan Anggaran").aspect
    <Aspect.HASIL: 'Kualitas Hasil Pelaksanaan Anggaran'>
    """

    name: str = attrs.field(converter=_name)
    weight: int = attrs.field(converter=_weight)
    aspect: Aspect = attrs.field(converter=_aspect)


def _indicators(items: Iterable[IkpaIndicator]) -> tuple[IkpaIndicator, ...]:
    indicators = to_sequence(items, field="indicators")
    for item in indicators:
        if not isinstance(item, IkpaIndicator):
            raise InvalidTypeError("indicators", "must hold IkpaIndicator objects", item)
    return indicators


def _years(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(
        to_positive_int(year, field="years") for year in to_sequence(items, field="years")
    )


def _deducted(value: bool) -> bool:
    return to_bool(value, field="dispensasi_deducted")


def _max_value(value: NumberLike) -> Decimal:
    number = to_decimal(value, field="max_value")
    if number <= 0:
        raise InvalidValueError("max_value", "must be > 0", number)
    return number


@attrs.frozen
class IkpaRules:
    """The IKPA indicators, weights and aspects of one regulation.

    Parameters
    ----------
    name : str
        The regulation (``"PER-5/PB/2024"``).
    years : sequence of int
        Budget years the rules apply to.
    indicators : sequence of IkpaIndicator
        In the order OMSPAN prints them; weights must sum to 100.
    dispensasi_deducted : bool
        True when Dispensasi SPM is a deduction from the final value (2024),
        False when it is one of the weighted indicators (2022).
    source : str
        Where the weights were read.
    max_value : Decimal, default 120
        Largest indicator value accepted (see Notes).
    notes : str, optional
        What was read where, and what is unverified.

    Raises
    ------
    InvalidValueError
        Weights that do not sum to 100, repeated names, no indicators, a
        ``max_value`` of 0 or less.
    InvalidTypeError
        An indicator that is not an :class:`IkpaIndicator`, ``years`` or
        ``indicators`` given as a ``str`` or a scalar, a year that is not a
        number, a ``dispensasi_deducted`` that is not a bool.

    Notes
    -----
    Values above 100 exist: in the Belanja Kontraktual indicator a contract
    signed before the budget year (kontrak dini / pra-DIPA) earns 120 points
    and one signed in the first quarter 110 (DJPb, KPPN Kotabumi S-951 for
    2024). Whether OMSPAN caps an indicator's value at 100 is unverified, so
    every indicator accepts values from 0 to ``max_value``.

    Examples
    --------
    >>> IKPA_2024.weights["Capaian Output"], IKPA_2024.dispensasi_deducted
    (25, True)
    """

    name: str
    years: tuple[int, ...] = attrs.field(converter=_years)
    indicators: tuple[IkpaIndicator, ...] = attrs.field(converter=_indicators)
    dispensasi_deducted: bool = attrs.field(converter=_deducted)
    source: str
    max_value: Decimal = attrs.field(default=Decimal(120), converter=_max_value)
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.indicators:
            raise InvalidValueError(self.name, "must have at least one indicator", ())
        names = [item.name for item in self.indicators]
        if len(set(names)) != len(names):
            raise InvalidValueError(self.name, "must not repeat an indicator", names)
        total = sum(item.weight for item in self.indicators)
        if total != 100:
            raise InvalidValueError(self.name, "weights must sum to 100", total)

    @property
    def names(self) -> tuple[str, ...]:
        """Indicator names in table order (the columns of the IKPA table).

        Examples
        --------
        >>> IKPA_2022.names[-2:]
        ('Dispensasi SPM', 'Capaian Output')
        """
        return tuple(item.name for item in self.indicators)

    @property
    def weights(self) -> Mapping[str, int]:
        """Indicator name -> weight (read-only).

        Examples
        --------
        >>> IKPA_2024.weights["Revisi DIPA"]
        10
        """
        return types.MappingProxyType({item.name: item.weight for item in self.indicators})

    def indicator(self, name: str) -> IkpaIndicator:
        """The indicator called ``name``.

        Raises
        ------
        InvalidValueError
            A name these rules do not have.

        Examples
        --------
        >>> IKPA_2024.indicator("Capaian Output").aspect
        <Aspect.HASIL: 'Kualitas Hasil Pelaksanaan Anggaran'>
        """
        for item in self.indicators:
            if item.name == name:
                return item
        raise InvalidValueError(
            "indicator", f"must be one of {list(self.names)} under {self.name}", name
        )


# The IKPA indicators in the order OMSPAN prints them, with their weight in each
# year's rules (None: not a weighted indicator that year). 2024 renamed Data
# Kontrak to Belanja Kontraktual and made Dispensasi SPM a deduction.
_INDICATOR_TABLE: tuple[tuple[str, Aspect, int | None, int | None], ...] = (
    # name, aspect, weight 2022, weight 2024
    ("Revisi DIPA", Aspect.PERENCANAAN, 10, 10),
    ("Deviasi Halaman III DIPA", Aspect.PERENCANAAN, 10, 15),
    ("Penyerapan Anggaran", Aspect.PELAKSANAAN, 20, 20),
    ("Data Kontrak", Aspect.PELAKSANAAN, 10, None),
    ("Belanja Kontraktual", Aspect.PELAKSANAAN, None, 10),
    ("Penyelesaian Tagihan", Aspect.PELAKSANAAN, 10, 10),
    ("Pengelolaan UP dan TUP", Aspect.PELAKSANAAN, 10, 10),
    ("Dispensasi SPM", Aspect.PELAKSANAAN, 5, None),
    ("Capaian Output", Aspect.HASIL, 25, 25),
)
_TABLE_YEARS = (2022, 2024)


def _indicators_of(year: int) -> tuple[IkpaIndicator, ...]:
    """The weighted indicators of ``year``'s column of :data:`_INDICATOR_TABLE`."""
    column = _TABLE_YEARS.index(year)
    indicators = []
    for name, aspect, *weights in _INDICATOR_TABLE:
        weight = weights[column]
        if weight is not None:
            indicators.append(IkpaIndicator(name, weight, aspect))
    return tuple(indicators)


_DJPB_2024 = (
    "PER-5/PB/2024 (Petunjuk Teknis Penilaian IKPA Belanja K/L), weights as published by "
    "DJPb (KPPN Baubau, KPPN Kupang 2023 workshop slides, PTUN Pangkalpinang)"
)

IKPA_2024 = IkpaRules(
    "PER-5/PB/2024",
    years=(2024,),
    indicators=_indicators_of(2024),
    dispensasi_deducted=True,
    source=_DJPB_2024,
    notes=(
        "Weights and aspects read in DJPb publications citing PER-5/PB/2024, not in the "
        "regulation's own text; Dispensasi SPM is 'pengurang nilai IKPA' (no weight). "
        "The deduction ladder is not modelled. Later years are not mapped: pass the rules "
        "of the year explicitly."
    ),
)
"""IKPA rules for 2024 (PER-5/PB/2024): 7 weighted indicators, Dispensasi SPM deducted.

Examples
--------
>>> [(i.name, i.weight) for i in IKPA_2024.indicators][:2]
[('Revisi DIPA', 10), ('Deviasi Halaman III DIPA', 15)]
"""

IKPA_2022 = IkpaRules(
    "PER-5/PB/2022",
    years=(2022,),
    indicators=_indicators_of(2022),
    dispensasi_deducted=False,
    source=(
        "PER-5/PB/2022 (Reformulasi IKPA 2022), weights and aspects as published by DJPb "
        "(KPPN Pekanbaru, 'Perubahan Aspek dan Indikator Kinerja pada IKPA 2022'; "
        "DJPb Buku Saku Reformulasi IKPA 2022)"
    ),
    notes=(
        "Aspects 20 / 55 / 25 %. The contract indicator is named 'Data Kontrak' in the 2022 "
        "publications. Whether these rules also applied to 2023 is unverified, so 2023 is "
        "not mapped."
    ),
)
"""IKPA rules for 2022 (PER-5/PB/2022): 8 weighted indicators, Dispensasi SPM weighted 5.

Examples
--------
>>> IKPA_2022.weights["Dispensasi SPM"], IKPA_2022.dispensasi_deducted
(5, False)
"""

IKPA_RULES: Mapping[int, IkpaRules] = types.MappingProxyType(
    {year: rules for rules in (IKPA_2022, IKPA_2024) for year in rules.years}
)
"""Built-in IKPA rules keyed by budget year (read-only)."""


def rules_for_year(year: int) -> IkpaRules:
    """The built-in IKPA rules of a budget year.

    Parameters
    ----------
    year : int
        Budget year (tahun anggaran), a whole number (``"2024"`` is read as
        :func:`~sakip.coerce.to_positive_int` reads counts).

    Returns
    -------
    IkpaRules

    Raises
    ------
    InvalidValueError
        A year without built-in rules; build an :class:`IkpaRules` for it.
    InvalidTypeError
        A year that is not a number.

    Examples
    --------
    >>> rules_for_year(2024).name
    'PER-5/PB/2024'
    >>> rules_for_year(2023)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'year' must be one of [2022, 2024] (built-in IKPA rules): 2023
    """
    return _builtin(year, field="year")


def _builtin(year: int, *, field: str) -> IkpaRules:
    number = to_positive_int(year, field=field)
    try:
        return IKPA_RULES[number]
    except KeyError:
        raise InvalidValueError(
            field, f"must be one of {sorted(IKPA_RULES)} (built-in IKPA rules)", number
        ) from None


def resolve_rules(rules: IkpaRules | int) -> IkpaRules:
    """The rules given, or the built-in rules of a budget year (the ``rules=`` of ``score``).

    Raises
    ------
    InvalidValueError, InvalidTypeError
        As :func:`rules_for_year`, naming the field ``rules``.

    Examples
    --------
    >>> resolve_rules(2022) is IKPA_2022, resolve_rules(IKPA_2024) is IKPA_2024
    (True, True)
    """
    if isinstance(rules, IkpaRules):
        return rules
    return _builtin(rules, field="rules")
