"""IKPA: Indikator Kinerja Pelaksanaan Anggaran (budget execution performance indicator).

The Ministry of Finance (Direktorat Jenderal Perbendaharaan) scores how well a
work unit (satker) executes its budget with a set of weighted indicators,
grouped in three aspects (planning quality, execution quality, result
quality). The indicators and their weights change with the regulation of the
year, so they are versioned data here (:class:`IkpaRules`, :data:`IKPA_RULES`).

``score`` turns the per-indicator values printed by OMSPAN into the figures of
the IKPA table: the weighted values (``Nilai Akhir`` row), ``Nilai Total``,
the weight conversion (``Konversi Bobot``) when indicators do not apply to the
unit, the ``Dispensasi SPM`` deduction, the final value (``Nilai Akhir``),
aspect values and the category. ``score_batch`` does the same for a
units x indicators array with exact integer arithmetic.
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import BandScheme, as_scheme
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import (
    InexactArrayError,
    divide_round,
    scaled_from_decimals,
    scaled_from_floats,
    scaled_to_decimals,
)
from sakip.numbers import UNBOUNDED, Rounding, divide, exact_sum, percent, to_decimal
from sakip.schemes import IKPA_CATEGORY

__all__ = [
    "IKPA_2022",
    "IKPA_2024",
    "IKPA_RULES",
    "NOT_APPLICABLE",
    "Aspect",
    "AspectScore",
    "IkpaBatchResult",
    "IkpaIndicator",
    "IkpaResult",
    "IkpaRules",
    "IndicatorScore",
    "NotApplicable",
    "rules_for_year",
    "score",
    "score_batch",
]

_HUNDRED = Decimal(100)


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

    Its weight becomes 0 and the weight conversion rescales the total.
    """

    NOT_APPLICABLE = "not applicable"

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE: Final = NotApplicable.NOT_APPLICABLE
"""Value to give an indicator that does not apply (printed as weight 0 by OMSPAN)."""


def _weight(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError("weight", "must be an int (percent of the total)", value)
    if value < 0:
        raise InvalidValueError("weight", "must be >= 0", value)
    return value


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidTypeError("name", "must be a non-empty str (the indicator's name)", value)
    return value


def _aspect(value: object) -> Aspect:
    if not isinstance(value, Aspect):
        raise InvalidTypeError("aspect", "must be an Aspect", value)
    return value


@attrs.frozen
class IkpaIndicator:
    """One IKPA indicator of a year's rules: its official name, weight and aspect.

    Parameters
    ----------
    name : str
        The indicator as the regulation and OMSPAN name it (``"Revisi DIPA"``).
    weight : int
        Weight in percent of the total (``10``).
    aspect : Aspect
        The aspect it belongs to.

    Raises
    ------
    InvalidTypeError
        An empty or non-str name, a weight that is not an int, an aspect
        that is not an :class:`Aspect`.
    InvalidValueError
        A negative weight.

    Examples
    --------
    >>> IkpaIndicator("Revisi DIPA", 10, Aspect.PERENCANAAN).weight
    10
    """

    name: str = attrs.field(converter=_name)
    weight: int = attrs.field(converter=_weight)
    aspect: Aspect = attrs.field(converter=_aspect)


def _indicators(items: Iterable[IkpaIndicator]) -> tuple[IkpaIndicator, ...]:
    indicators = tuple(items)
    for item in indicators:
        if not isinstance(item, IkpaIndicator):
            raise InvalidTypeError("indicators", "must hold IkpaIndicator objects", item)
    return indicators


def _years(items: Iterable[int]) -> tuple[int, ...]:
    years = tuple(items)
    for year in years:
        if isinstance(year, bool) or not isinstance(year, int):
            raise InvalidTypeError("years", "must hold ints", year)
    return years


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidTypeError("dispensasi_deducted", "must be a bool", value)
    return value


def _max_value(value: object) -> Decimal:
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
    years : tuple of int
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
        An indicator that is not an :class:`IkpaIndicator`, a year that is
        not an int, a ``dispensasi_deducted`` that is not a bool.

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
    dispensasi_deducted: bool = attrs.field(converter=_flag)
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
        """Indicator names in table order (the column order of :func:`score_batch`)."""
        return tuple(item.name for item in self.indicators)

    @property
    def weights(self) -> Mapping[str, int]:
        """Indicator name -> weight."""
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


_DJPB_2024 = (
    "PER-5/PB/2024 (Petunjuk Teknis Penilaian IKPA Belanja K/L), weights as published by "
    "DJPb (KPPN Baubau, KPPN Kupang 2023 workshop slides, PTUN Pangkalpinang)"
)

IKPA_2024 = IkpaRules(
    "PER-5/PB/2024",
    years=(2024,),
    indicators=[
        IkpaIndicator("Revisi DIPA", 10, Aspect.PERENCANAAN),
        IkpaIndicator("Deviasi Halaman III DIPA", 15, Aspect.PERENCANAAN),
        IkpaIndicator("Penyerapan Anggaran", 20, Aspect.PELAKSANAAN),
        IkpaIndicator("Belanja Kontraktual", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Penyelesaian Tagihan", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Pengelolaan UP dan TUP", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Capaian Output", 25, Aspect.HASIL),
    ],
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
    indicators=[
        IkpaIndicator("Revisi DIPA", 10, Aspect.PERENCANAAN),
        IkpaIndicator("Deviasi Halaman III DIPA", 10, Aspect.PERENCANAAN),
        IkpaIndicator("Penyerapan Anggaran", 20, Aspect.PELAKSANAAN),
        IkpaIndicator("Data Kontrak", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Penyelesaian Tagihan", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Pengelolaan UP dan TUP", 10, Aspect.PELAKSANAAN),
        IkpaIndicator("Dispensasi SPM", 5, Aspect.PELAKSANAAN),
        IkpaIndicator("Capaian Output", 25, Aspect.HASIL),
    ],
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
        Budget year (tahun anggaran).

    Returns
    -------
    IkpaRules

    Raises
    ------
    InvalidValueError
        A year without built-in rules; build an :class:`IkpaRules` for it.

    Examples
    --------
    >>> rules_for_year(2024).name
    'PER-5/PB/2024'
    >>> rules_for_year(2023)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'year' must be one of [2022, 2024] (built-in IKPA rules): 2023
    """
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidTypeError("year", "must be an int", year)
    try:
        return IKPA_RULES[year]
    except KeyError:
        raise InvalidValueError(
            "year", f"must be one of {sorted(IKPA_RULES)} (built-in IKPA rules)", year
        ) from None


def _resolve(rules: object) -> IkpaRules:
    if isinstance(rules, IkpaRules):
        return rules
    if isinstance(rules, int) and not isinstance(rules, bool):
        return rules_for_year(rules)
    raise InvalidTypeError("rules", "must be an IkpaRules or a year (int)", rules)


@attrs.frozen
class IndicatorScore:
    """One column of the IKPA table for one unit.

    Attributes
    ----------
    name : str
        Indicator name.
    aspect : Aspect
        Its aspect.
    value : Decimal or None
        ``Nilai`` row; None when the indicator does not apply.
    weight : int
        ``Bobot`` row as printed: the rules' weight, or 0 when not applicable.
    weighted : Decimal
        ``Nilai Akhir`` row: ``value x weight / 100`` (0 when not applicable).
    """

    name: str
    aspect: Aspect
    value: Decimal | None
    weight: int
    weighted: Decimal

    @property
    def applicable(self) -> bool:
        """Whether the indicator applies to the unit."""
        return self.value is not None


@attrs.frozen
class AspectScore:
    """An aspect's value: the weight-averaged value of its applicable indicators.

    Attributes
    ----------
    aspect : Aspect
    value : Decimal or None
        ``sum(value x weight) / sum(weight)`` over the applicable indicators of
        the aspect; None when none applies.
    weight : int
        Sum of the applicable weights of the aspect.
    """

    aspect: Aspect
    value: Decimal | None
    weight: int


@attrs.frozen
class IkpaResult:
    """The IKPA figures of one unit.

    Attributes
    ----------
    value : Decimal
        Nilai Akhir: ``Nilai Total / Konversi Bobot - Dispensasi SPM``, unrounded.
    total : Decimal
        Nilai Total: ``sum(value_i x weight_i / 100)`` over applicable indicators.
    applicable_weight : int
        Sum of the weights of the applicable indicators (100 when all apply).
    conversion : Decimal
        Konversi Bobot as a fraction: ``applicable_weight / 100`` (0.8 prints as 80%).
    dispensasi : Decimal
        The Dispensasi SPM deduction applied (always 0 under rules that weight it).
    indicators : tuple of IndicatorScore
        The columns, in the rules' order.
    aspects : tuple of AspectScore
        One per aspect, in :class:`Aspect` order.
    category : str
        Label of ``value`` in ``scheme``, decided on the exact value.
    scheme : BandScheme
        The category scheme used.
    rules : IkpaRules
        The rules used.
    target : Decimal or None
        The unit's IKPA target, when given.
    capaian : Decimal or None
        ``value / target x 100`` (percent), when a target is given.
    """

    value: Decimal
    total: Decimal
    applicable_weight: int
    conversion: Decimal
    dispensasi: Decimal
    indicators: tuple[IndicatorScore, ...]
    aspects: tuple[AspectScore, ...]
    category: str
    scheme: BandScheme = attrs.field(repr=False)
    rules: IkpaRules = attrs.field(repr=False)
    target: Decimal | None = None
    capaian: Decimal | None = None

    @property
    def meets_target(self) -> bool | None:
        """``value >= target`` (None without a target)."""
        return None if self.target is None else self.value >= self.target

    def weighted(self, name: str) -> Decimal:
        """The weighted value (``Nilai Akhir`` row) of one indicator.

        Raises
        ------
        InvalidValueError
            A name the result's rules do not have.

        Examples
        --------
        BNNP Kalimantan Tengah 2024: Penyerapan Anggaran 99,77 x 20 % (printed 19,95).

        >>> values = dict.fromkeys(IKPA_2024.names, 100)
        >>> values["Penyerapan Anggaran"] = "99.77"
        >>> score(values, rules=2024).weighted("Penyerapan Anggaran")
        Decimal('19.954')
        """
        self.rules.indicator(name)
        return next(item.weighted for item in self.indicators if item.name == name)


def _indicator_value(rules: IkpaRules, name: str, raw: object) -> Decimal | None:
    if raw is NOT_APPLICABLE:
        return None
    if raw is None:
        raise InvalidTypeError(
            f"values[{name!r}]", "must be a number or NOT_APPLICABLE, not None", raw
        )
    value = to_decimal(raw, field=f"values[{name!r}]")
    if value < 0 or value > rules.max_value:
        raise InvalidValueError(
            f"values[{name!r}]", f"must be between 0 and {rules.max_value}", value
        )
    return value


def _check_weights(
    rules: IkpaRules, weights: Mapping[str, object], values: Mapping[str, Decimal | None]
) -> None:
    for name in weights:
        rules.indicator(name)
    for item in rules.indicators:
        if item.name not in weights:
            raise InvalidValueError("weights", f"must give the weight of {item.name!r}", None)
        given = weights[item.name]
        if isinstance(given, bool):
            raise InvalidTypeError(f"weights[{item.name!r}]", "must be a number", given)
        number = to_decimal(given, field=f"weights[{item.name!r}]")
        expected = item.weight if values[item.name] is not None else 0
        if number != expected:
            rule = (
                f"must be {expected} under {rules.name}"
                if values[item.name] is not None
                else "must be 0 for a not-applicable indicator"
            )
            raise InvalidValueError(f"weights[{item.name!r}]", rule, number)


def score(
    values: Mapping[str, object],
    *,
    rules: IkpaRules | int,
    dispensasi: object = 0,
    weights: Mapping[str, object] | None = None,
    target: object = None,
    scheme: BandScheme = IKPA_CATEGORY,
) -> IkpaResult:
    """Score one unit's IKPA from its indicator values.

    Parameters
    ----------
    values : mapping of str to number or NOT_APPLICABLE
        Every indicator of ``rules`` by its official name, with its value
        (0 to ``rules.max_value``) or :data:`NOT_APPLICABLE`.
    rules : IkpaRules or int
        The rules, or a budget year with built-in rules (:data:`IKPA_RULES`).
    dispensasi : int, str, Decimal or float, default 0
        Dispensasi SPM deduction (points), ``>= 0``. Must be 0 under rules
        that weight Dispensasi SPM as an indicator (2022).
    weights : mapping of str to number, optional
        The ``Bobot`` row as printed, checked against ``rules``: the rules'
        weight for an applicable indicator, 0 for a not-applicable one.
    target : int, str, Decimal or float, optional
        The unit's IKPA target (``> 0``); gives ``capaian`` and ``meets_target``.
    scheme : BandScheme, default IKPA_CATEGORY
        Category scheme.

    Returns
    -------
    IkpaResult

    Raises
    ------
    InvalidValueError
        An unknown indicator name, a missing one, a value outside
        ``[0, max_value]``, weights that do not match the rules, no applicable
        indicator, a negative deduction or one that makes the value negative,
        a deduction under rules that weight it, a target ``<= 0``.
    InvalidTypeError
        A value that is not a number or :data:`NOT_APPLICABLE`; ``values``
        or ``weights`` that is not a mapping; a ``scheme`` that is not a
        :class:`~sakip.bands.BandScheme`.

    Notes
    -----
    With ``v_i`` the values, ``w_i`` the weights of the applicable
    indicators and ``D`` the deduction::

        Nilai Total    = sum(v_i x w_i / 100)
        Konversi Bobot = sum(w_i) / 100
        Nilai Akhir    = Nilai Total / Konversi Bobot - D

    When every indicator applies, Konversi Bobot is 1 and Nilai Akhir is
    Nilai Total minus the deduction. The aspect value is the weight average
    of the aspect's applicable indicators; OMSPAN's printed ``Nilai Aspek``
    row averages monthly data and cannot be derived from the table, so it is
    not reproduced. Nothing is rounded: OMSPAN prints two decimals.

    References
    ----------
    PER-5/PB/2024 (DJPb). LKIP BNNP Kalimantan Tengah 2024, BAB III A,
    sasaran 12 (the three IKPA tables).

    Examples
    --------
    BNNK Kotawaringin Barat 2024: no contracts, so two indicators do not apply.

    >>> result = score(
    ...     {
    ...         "Revisi DIPA": 100, "Deviasi Halaman III DIPA": 100,
    ...         "Penyerapan Anggaran": 100, "Belanja Kontraktual": NOT_APPLICABLE,
    ...         "Penyelesaian Tagihan": NOT_APPLICABLE, "Pengelolaan UP dan TUP": "99.20",
    ...         "Capaian Output": 100,
    ...     },
    ...     rules=2024,
    ... )
    >>> result.total, result.conversion, result.value, result.category
    (Decimal('79.92'), Decimal('0.8'), Decimal('99.90'), 'Sangat Baik')
    """
    ruleset = _resolve(rules)
    scheme = as_scheme(scheme)
    if not isinstance(values, Mapping):
        raise InvalidTypeError("values", "must be a mapping of indicator name to value", values)
    for name in values:
        ruleset.indicator(name)
    parsed: dict[str, Decimal | None] = {}
    for item in ruleset.indicators:
        if item.name not in values:
            raise InvalidValueError(
                "values", f"must give {item.name!r} (a number or NOT_APPLICABLE)", None
            )
        parsed[item.name] = _indicator_value(ruleset, item.name, values[item.name])
    if weights is not None:
        if not isinstance(weights, Mapping):
            raise InvalidTypeError(
                "weights", "must be a mapping of indicator name to weight", weights
            )
        _check_weights(ruleset, weights, parsed)
    deduction = to_decimal(dispensasi, field="dispensasi")
    if deduction < 0:
        raise InvalidValueError("dispensasi", "must be >= 0", deduction)
    if deduction and not ruleset.dispensasi_deducted:
        raise InvalidValueError(
            "dispensasi",
            f"must be 0 under {ruleset.name}: Dispensasi SPM is a weighted indicator there",
            deduction,
        )

    columns = []
    weighted_sum = Decimal(0)  # sum(v_i x w_i), i.e. 100 x Nilai Total
    applicable_weight = 0
    for item in ruleset.indicators:
        value = parsed[item.name]
        if value is None:
            columns.append(IndicatorScore(item.name, item.aspect, None, 0, Decimal(0)))
            continue
        product = UNBOUNDED.multiply(value, Decimal(item.weight))
        weighted_sum = UNBOUNDED.add(weighted_sum, product)
        applicable_weight += item.weight
        columns.append(
            IndicatorScore(item.name, item.aspect, value, item.weight, divide(product, _HUNDRED))
        )
    if applicable_weight == 0:
        raise InvalidValueError("values", "must have at least one applicable indicator", None)

    total = divide(weighted_sum, _HUNDRED)
    conversion = divide(applicable_weight, _HUNDRED)
    # Nilai Total / Konversi - D = (sum(v w) - D x sum(w)) / sum(w): one division.
    numerator = UNBOUNDED.subtract(
        weighted_sum, UNBOUNDED.multiply(deduction, Decimal(applicable_weight))
    )
    final = divide(numerator, applicable_weight, denominator_field="applicable_weight")
    if final < 0:
        raise InvalidValueError(
            "dispensasi",
            f"must not exceed the converted total {divide(total, conversion)}",
            deduction,
        )

    aspects = []
    for aspect in Aspect:
        members = [c for c in columns if c.aspect is aspect and c.value is not None]
        weight = sum(c.weight for c in members)
        if weight == 0:
            aspects.append(AspectScore(aspect, None, 0))
            continue
        products = exact_sum(
            UNBOUNDED.multiply(c.value, Decimal(c.weight)) for c in members if c.value is not None
        )
        aspects.append(AspectScore(aspect, divide(products, weight), weight))

    goal = None if target is None else to_decimal(target, field="target")
    if goal is not None and goal <= 0:
        raise InvalidValueError("target", "must be > 0", goal)
    return IkpaResult(
        value=final,
        total=total,
        applicable_weight=applicable_weight,
        conversion=conversion,
        dispensasi=deduction,
        indicators=tuple(columns),
        aspects=tuple(aspects),
        category=scheme.classify(final).label,
        scheme=scheme,
        rules=ruleset,
        target=goal,
        capaian=None if goal is None else percent(final, goal, whole_field="target"),
    )


Int64Array = npt.NDArray[np.int64]

_INT64_MAX = 2**63 - 1


def _unscaled(scaled: int | np.integer[Any], places: int) -> Decimal:
    """A scaled integer (numpy or Python) back as the Decimal it stands for, for messages."""
    return Decimal(int(scaled)).scaleb(-places, context=UNBOUNDED)


@attrs.frozen(eq=False)
class IkpaBatchResult:
    """IKPA figures of many units, as scaled integers.

    Attributes
    ----------
    total : numpy.ndarray of int64
        Nilai Total x ``10**total_places``, exact.
    total_places : int
        ``input_places + 2``.
    value : numpy.ndarray of int64
        Nilai Akhir rounded to ``places`` with ``rounding``, x ``10**places``.
    places : int
    rounding : Rounding
    applicable_weight : numpy.ndarray of int64
        Konversi Bobot in percent.
    category : numpy.ndarray of intp
        Band positions in ``scheme``, decided on the exact (unrounded) value.
    scheme : BandScheme
    """

    total: Int64Array
    total_places: int
    value: Int64Array
    places: int
    rounding: Rounding
    applicable_weight: Int64Array
    category: npt.NDArray[np.intp]
    scheme: BandScheme = attrs.field(repr=False)

    def totals(self) -> list[Decimal]:
        """Nilai Total of each unit as exact Decimals.

        Examples
        --------
        >>> row = [100, 93.92, 100, 100, 100, 98.32, 99.30]
        >>> score_batch([row], rules=2024, rounding=Rounding.TRUNCATE).totals()
        [Decimal('98.7450')]
        """
        return scaled_to_decimals(self.total, self.total_places)

    def values(self) -> list[Decimal]:
        """Nilai Akhir of each unit, rounded, as Decimals.

        Examples
        --------
        BNNK Palangka Raya 2024: 98,745 prints 98,74 (truncated).

        >>> row = [100, 93.92, 100, 100, 100, 98.32, 99.30]
        >>> score_batch([row], rules=2024, rounding=Rounding.TRUNCATE).values()
        [Decimal('98.74')]
        """
        return scaled_to_decimals(self.value, self.places)

    def labels(self) -> list[str]:
        """Category label of each unit.

        Examples
        --------
        >>> rows = [[100] * 7, [90] * 7]
        >>> score_batch(rows, rules=2024, rounding=Rounding.TRUNCATE).labels()
        ['Sangat Baik', 'Baik']
        """
        labels = np.asarray(self.scheme.labels, dtype=object)
        return [str(item) for item in labels[self.category]]


def _as_scaled(values: npt.ArrayLike, places: int, field: str) -> Int64Array:
    array = np.asarray(values)
    if array.dtype == object:
        flat = scaled_from_decimals(array.ravel().tolist(), places, field=field)
        return flat.reshape(array.shape)
    if array.dtype.kind == "b":
        raise InvalidTypeError(field, "must be numbers, not bools", array.dtype)
    return scaled_from_floats(array, places, field=field)


def score_batch(
    values: npt.ArrayLike,
    *,
    rules: IkpaRules | int,
    applicable: npt.ArrayLike | None = None,
    dispensasi: npt.ArrayLike | None = None,
    places: int = 2,
    rounding: Rounding,
    input_places: int = 2,
    scheme: BandScheme = IKPA_CATEGORY,
) -> IkpaBatchResult:
    """Score many units at once: a units x indicators array, exactly.

    Parameters
    ----------
    values : array_like, shape (units, indicators)
        Indicator values in ``rules.names`` order: floats, ints or Decimals
        with at most ``input_places`` decimals. A not-applicable cell must
        hold 0 (as OMSPAN prints it).
    rules : IkpaRules or int
        The rules or a budget year.
    applicable : array_like of bool, same shape, optional
        False where an indicator does not apply; all True by default.
    dispensasi : array_like, shape (units,), optional
        Deductions (``input_places`` decimals at most); zeros by default.
    places : int, default 2
        Decimal places of the returned Nilai Akhir.
    rounding : Rounding
        How Nilai Akhir reaches ``places`` (no default: sources differ).
    input_places : int, default 2
        Decimals the inputs may carry.
    scheme : BandScheme, default IKPA_CATEGORY
        Category scheme; categories are decided on the exact value.

    Returns
    -------
    IkpaBatchResult
        Element for element, ``total`` equals ``score(...).total`` and
        ``value`` equals ``round_to(score(...).value, places, rounding)``.

    Raises
    ------
    InexactArrayError
        A value with more than ``input_places`` decimals, or too large; an
        ``input_places`` so large that the scaled sums would overflow int64.
    InvalidValueError
        Wrong shape, values outside ``[0, max_value]``, a non-zero value in a
        not-applicable cell, a unit with no applicable indicator, a negative
        deduction, a deduction under rules that weight it, or one that makes
        a value negative (the message names the first such unit).
    InvalidTypeError
        A ``rounding`` that is not a :class:`~sakip.numbers.Rounding`, a
        ``scheme`` that is not a :class:`~sakip.bands.BandScheme`, bool
        values, a non-bool ``applicable``.

    Notes
    -----
    With ``V`` the values scaled by ``10**input_places``, ``W`` the integer
    weights, ``A`` the mask and ``D`` the scaled deduction:
    ``S = (V*A) @ W``, ``C = A @ W`` and
    ``Nilai Akhir = (S - D*C) / (C * 10**input_places)``, which
    :func:`~sakip.exact_array.divide_round` rounds in integers.

    Examples
    --------
    The three IKPA tables of the LKIP BNNP Kalimantan Tengah 2024:

    >>> table = [
    ...     [100, 100, 99.77, 100, 100, 100, 100],
    ...     [100, 93.92, 100, 100, 100, 98.32, 99.30],
    ...     [100, 100, 100, 0, 0, 99.20, 100],
    ... ]
    >>> mask = [[True] * 7, [True] * 7, [True, True, True, False, False, True, True]]
    >>> batch = score_batch(table, rules=2024, applicable=mask, rounding=Rounding.TRUNCATE)
    >>> batch.values()
    [Decimal('99.95'), Decimal('98.74'), Decimal('99.90')]
    >>> batch.totals()[2], batch.applicable_weight.tolist()
    (Decimal('79.9200'), [100, 100, 80])
    """
    ruleset = _resolve(rules)
    scheme = as_scheme(scheme)
    if not isinstance(rounding, Rounding):
        raise InvalidTypeError("rounding", "must be a Rounding", rounding)
    for name, number in (("places", places), ("input_places", input_places)):
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise InvalidValueError(name, "must be an int >= 0", number)
    scaled = _as_scaled(values, input_places, "values")
    count = len(ruleset.indicators)
    if scaled.ndim != 2 or scaled.shape[1] != count:
        raise InvalidValueError(
            "values",
            f"must have shape (units, {count}) in the order {list(ruleset.names)}",
            scaled.shape,
        )
    units = scaled.shape[0]
    factor = 10**input_places
    # The largest scaled value accepted (a value has at most input_places decimals, so
    # truncating max_value x 10**input_places keeps exactly the values <= max_value).
    limit = int(UNBOUNDED.multiply(ruleset.max_value, Decimal(factor)))
    if 2 * limit * 100 > _INT64_MAX:
        # S = (V*A) @ W and D*C stay below 100 x limit; their difference must fit.
        raise InexactArrayError(
            "input_places", "makes the scaled values overflow int64", input_places
        )
    if scaled.size and (int(scaled.min()) < 0 or int(scaled.max()) > limit):
        bad = scaled[(scaled < 0) | (scaled > limit)][0]
        raise InvalidValueError(
            "values", f"must be between 0 and {ruleset.max_value}", _unscaled(bad, input_places)
        )
    if applicable is None:
        mask = np.ones(scaled.shape, dtype=bool)
    else:
        mask = np.asarray(applicable)
        if mask.dtype.kind != "b":
            raise InvalidTypeError("applicable", "must be a bool array", mask.dtype)
        if mask.shape != scaled.shape:
            raise InvalidValueError("applicable", "must have the shape of values", mask.shape)
    if (scaled[~mask] != 0).any():
        raise InvalidValueError(
            "values",
            "must be 0 where an indicator is not applicable",
            _unscaled(scaled[~mask].max(), input_places),
        )
    weights = np.array([item.weight for item in ruleset.indicators], dtype=np.int64)
    weighted = scaled @ weights  # not-applicable cells hold 0
    # Column by column: no int64 copy of the whole mask.
    conversion = np.zeros(units, dtype=np.int64)
    for column, weight in enumerate(weights):
        conversion += mask[:, column] * weight
    if (conversion == 0).any():
        raise InvalidValueError(
            "applicable", "must leave at least one applicable indicator per unit", 0
        )
    if dispensasi is None:
        deduction = np.zeros(units, dtype=np.int64)
    else:
        deduction = _as_scaled(dispensasi, input_places, "dispensasi")
        if deduction.shape != (units,):
            raise InvalidValueError("dispensasi", "must have shape (units,)", deduction.shape)
        if (deduction < 0).any():
            raise InvalidValueError(
                "dispensasi", "must be >= 0", _unscaled(deduction.min(), input_places)
            )
        if deduction.any() and not ruleset.dispensasi_deducted:
            raise InvalidValueError(
                "dispensasi",
                f"must be 0 under {ruleset.name}: Dispensasi SPM is a weighted indicator there",
                _unscaled(deduction.max(), input_places),
            )
        if (deduction > limit).any():
            # Above every converted total (and D x C could overflow int64).
            first = int(np.flatnonzero(deduction > limit)[0])
            raise InvalidValueError(
                f"dispensasi[{first}]",
                f"must not exceed the converted total (at most {ruleset.max_value})",
                _unscaled(deduction[first], input_places),
            )
    numerator = weighted - deduction * conversion
    if (numerator < 0).any():
        first = int(np.flatnonzero(numerator < 0)[0])
        converted = divide(int(weighted[first]), int(conversion[first]) * factor)
        raise InvalidValueError(
            f"dispensasi[{first}]",
            f"must not exceed the converted total {converted}",
            _unscaled(deduction[first], input_places),
        )
    denominator = conversion * np.int64(factor)
    final = divide_round(numerator, denominator, places, rounding)
    category = scheme.classify_ratio_array(numerator, denominator)
    return IkpaBatchResult(
        total=weighted,
        total_places=input_places + 2,
        value=final,
        places=places,
        rounding=rounding,
        applicable_weight=conversion,
        category=category,
        scheme=scheme,
    )
