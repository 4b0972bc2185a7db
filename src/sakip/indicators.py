"""Indicators and performance agreements (Perjanjian Kinerja), and their evaluation.

The domain model of a unit's year: a :class:`WorkUnit` (satuan kerja) signs
a :class:`PerformanceAgreement` with :class:`Objective` s (sasaran
kegiatan), each grouping :class:`Indicator` s with targets. Realisations,
optionally per quarter (triwulan), are evaluated into
:class:`IndicatorResult` s: capaian, status against target, and category.
An :class:`IndicatorHistory` holds an indicator's years, with the years
whose definition changed marked not comparable, and national targets.

All classes are frozen and validated when built.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from sakip.bands import Band, BandScheme
from sakip.capaian import (
    ClassifyOn,
    Polarity,
    TargetStatus,
    achievement,
    classify_achievement,
    target_status,
)
from sakip.coerce import NumberLike, to_bool, to_bounded, to_count, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.findings import Finding, check_printed
from sakip.numbers import UNBOUNDED, RoundingPolicy, divide, exact_sum, to_decimal
from sakip.schemes import CAPAIAN_LKIP
from sakip.targets import TargetLike, TargetRange, ZeroTarget, to_target

_T = TypeVar("_T")

__all__ = [
    "Evaluation",
    "ExcludedIndicator",
    "Indicator",
    "IndicatorHistory",
    "IndicatorResult",
    "Objective",
    "PerformanceAgreement",
    "QuarterAggregation",
    "Realization",
    "UnitLevel",
    "WorkUnit",
    "YearRecord",
    "aggregate_quarters",
    "evaluate",
    "evaluate_with_exclusions",
]


_Validator = Callable[[Any, Any, Any], None]


def _text(field: str) -> _Validator:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidValueError(field, "must be a non-empty string", value)

    return check


def _number(value: NumberLike) -> Decimal:
    return to_decimal(value, field="value")


def _optional_number(value: NumberLike | None) -> Decimal | None:
    return None if value is None else to_decimal(value)


def _non_negative(field: str) -> _Validator:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if isinstance(value, Decimal) and value < 0:
            raise InvalidValueError(field, "must be >= 0", value)

    return check


def _instance(kind: type, field: str) -> _Validator:
    def check(_instance: object, _attribute: object, value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidTypeError(field, f"must be a {kind.__name__}", value)

    return check


def _year(value: NumberLike) -> int:
    return to_count(value, field="year")


def _polarity(value: Polarity | str) -> Polarity:
    return to_enum(value, Polarity, field="polarity")


def _level(value: UnitLevel | str) -> UnitLevel:
    return to_enum(value, UnitLevel, field="level")


def _indicator_cap(value: NumberLike | None) -> Decimal | None:
    return None if value is None else to_bounded(value, field="cap", low=0)


def _zero_target(value: ZeroTarget | str) -> ZeroTarget:
    return to_enum(value, ZeroTarget, field="zero_target")


class UnitLevel(enum.Enum):
    """Level of a BNN work unit (satuan kerja).

    Attributes
    ----------
    BNN_RI
        The national agency.
    BNNP
        A provincial unit (BNN Provinsi).
    BNNK
        A district or city unit (BNN Kabupaten/Kota).
    """

    BNN_RI = "BNN RI"
    BNNP = "BNNP"
    BNNK = "BNNK"


@attrs.frozen
class WorkUnit:
    """A BNN work unit (satuan kerja).

    Parameters
    ----------
    code : str
        A stable identifier (the satker code, or a short name).
    name : str
        The unit's name as documents print it.
    level : UnitLevel
        BNN RI, BNNP or BNNK.
    parent : str, optional
        Code of the unit above it (a BNNK's BNNP).

    Examples
    --------
    >>> WorkUnit("bnnk-kobar", "BNNK Kotawaringin Barat", UnitLevel.BNNK, parent="bnnp-kalteng")
    WorkUnit(code='bnnk-kobar', name='BNNK Kotawaringin Barat', level=<UnitLevel.BNNK: 'BNNK'>, parent='bnnp-kalteng')
    """

    code: str = attrs.field(validator=_text("code"))
    name: str = attrs.field(validator=_text("name"))
    level: UnitLevel = attrs.field(converter=_level)
    parent: str | None = None


@attrs.frozen
class Indicator:
    """A performance indicator (indikator kinerja).

    Parameters
    ----------
    code : str
        Identifier within an agreement (``"IKK-10"``, or the row number).
    name : str
        The indicator as printed.
    unit_of_measure : str
        Satuan: ``"Kab/Kota"``, ``"Orang"``, ``"Indeks"``, ``"%"``,
        ``"Berkas Perkara"``...
    polarity : Polarity or its value, default HIGHER_IS_BETTER
        Which direction is good, and the capaian formula when lower is better.
    cap : number, optional, keyword-only
        Upper limit of this indicator's capaian (batas atas capaian; the
        Finance Ministry caps at 120). :func:`evaluate` uses it instead of its
        own ``cap``. Default none (BNN does not cap).
    zero_target : ZeroTarget or its value, default RAISE, keyword-only
        What the capaian is when lower is better, the target is 0 and the
        realisation is above 0 (:class:`~sakip.targets.ZeroTarget`).

    Raises
    ------
    InvalidValueError
        An empty code, name or unit, a negative cap, or a polarity or
        zero_target that is neither a member nor a value of its enum.

    Examples
    --------
    >>> Indicator("10", "Indeks kepuasan layanan rehabilitasi", "Indeks").polarity
    <Polarity.HIGHER_IS_BETTER: 'higher_is_better'>
    >>> Indicator("16", "Nilai IKPA", "Indeks", cap=120).cap
    Decimal('120')
    """

    code: str = attrs.field(validator=_text("code"))
    name: str = attrs.field(validator=_text("name"))
    unit_of_measure: str = attrs.field(validator=_text("unit_of_measure"))
    polarity: Polarity = attrs.field(
        default=Polarity.HIGHER_IS_BETTER,
        converter=_polarity,
    )
    cap: Decimal | None = attrs.field(default=None, converter=_indicator_cap, kw_only=True)
    zero_target: ZeroTarget = attrs.field(
        default=ZeroTarget.RAISE, converter=_zero_target, kw_only=True
    )

    @property
    def achievement_rule(self) -> str:
        """The capaian formula of this indicator, in words (for findings).

        Examples
        --------
        >>> Indicator("P", "Prevalensi", "%", Polarity.LOWER_IS_BETTER).achievement_rule
        'capaian = (2 x target - realisasi) / target x 100'
        """
        if self.polarity is Polarity.HIGHER_IS_BETTER:
            rule = "capaian = realisasi / target x 100"
        elif self.polarity is Polarity.LOWER_IS_BETTER:
            rule = "capaian = (2 x target - realisasi) / target x 100"
        else:
            rule = "capaian = target / realisasi x 100"
        return rule if self.cap is None else f"{rule}, at most {self.cap}"


def _indicator_tuple(indicators: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(indicators)


@attrs.frozen
class Objective:
    """An objective (sasaran kegiatan) and the indicators that measure it.

    Raises
    ------
    InvalidValueError
        No indicators, or an indicator code used twice.

    Examples
    --------
    >>> objective = Objective("S8", "Meningkatnya kualitas layanan rehabilitasi",
    ...                       [Indicator("10", "Indeks kepuasan", "Indeks")])
    >>> [i.code for i in objective.indicators]
    ['10']
    """

    code: str = attrs.field(validator=_text("code"))
    name: str = attrs.field(validator=_text("name"))
    indicators: tuple[Indicator, ...] = attrs.field(converter=_indicator_tuple)

    def __attrs_post_init__(self) -> None:
        if not self.indicators:
            raise InvalidValueError(f"objective {self.code!r}", "must have an indicator", ())
        for indicator in self.indicators:
            if not isinstance(indicator, Indicator):
                raise InvalidTypeError(f"objective {self.code!r}", "holds Indicators", indicator)
        codes = [indicator.code for indicator in self.indicators]
        _check_unique(codes, f"objective {self.code!r} indicator codes")


def _check_unique(codes: Sequence[str], field: str) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise InvalidValueError(field, "must be unique", code)
        seen.add(code)


def _freeze_targets(values: Mapping[str, TargetLike]) -> Mapping[str, Decimal | TargetRange]:
    if not isinstance(values, Mapping):
        raise InvalidTypeError("targets", "must be a mapping of indicator code to target", values)
    return MappingProxyType(
        {code: to_target(value, field=f"targets[{code}]") for code, value in values.items()}
    )


def _objective_tuple(objectives: Iterable[Objective]) -> tuple[Objective, ...]:
    return tuple(objectives)


@attrs.frozen
class PerformanceAgreement:
    """A performance agreement (Perjanjian Kinerja) of one unit for one year.

    Parameters
    ----------
    unit : WorkUnit
        The unit that signs it.
    year : int
        The budget year (tahun anggaran).
    objectives : sequence of Objective
        The sasaran kegiatan with their indicators.
    targets : mapping of str to number or TargetRange
        Target of every indicator, by indicator code; a range target
        ("80-90 %") as a :class:`~sakip.targets.TargetRange`.

    Raises
    ------
    InvalidValueError
        An indicator code used twice across objectives, an indicator without
        a target, a target for an unknown indicator, or a negative target.

    Examples
    --------
    >>> unit = WorkUnit("bnnp-kalteng", "BNNP Kalimantan Tengah", UnitLevel.BNNP)
    >>> ikm = Indicator("10", "Indeks kepuasan layanan rehabilitasi", "Indeks")
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S8", "Kualitas layanan", [ikm])],
    ...                           {"10": "3.60"})
    >>> pk.target("10")
    Decimal('3.60')
    >>> PerformanceAgreement(unit, 2024, pk.objectives, {"10": "3.60", "99": 1})
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'targets' must name only indicators of the agreement: '99'
    """

    unit: WorkUnit = attrs.field(validator=_instance(WorkUnit, "unit"))
    year: int = attrs.field(converter=_year)
    objectives: tuple[Objective, ...] = attrs.field(converter=_objective_tuple)
    targets: Mapping[str, Decimal | TargetRange] = attrs.field(
        converter=_freeze_targets, hash=False
    )

    def __attrs_post_init__(self) -> None:
        codes = [indicator.code for indicator in self.indicators]
        _check_unique(codes, "indicator codes")
        for code in codes:
            if code not in self.targets:
                raise InvalidValueError(f"targets[{code}]", "is missing", None)
        for code in self.targets:
            if code not in codes:
                raise InvalidValueError(
                    "targets", "must name only indicators of the agreement", code
                )

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in the order of the objectives."""
        return tuple(i for objective in self.objectives for i in objective.indicators)

    def indicator(self, code: str) -> Indicator:
        """The indicator with this code.

        Raises
        ------
        InvalidValueError
            No such indicator.
        """
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise InvalidValueError("indicator", "is not in the agreement", code)

    def target(self, code: str) -> Decimal | TargetRange:
        """The target of an indicator: a number, or a range."""
        self.indicator(code)
        return self.targets[code]


class QuarterAggregation(enum.Enum):
    """How quarterly (triwulan) realisations make the year's.

    Attributes
    ----------
    SUM
        Flows counted per quarter (berkas perkara, orang dilatih).
    LAST
        Cumulative or year-to-date figures: the last reported quarter.
    MEAN
        Levels measured each quarter (an index), averaged.
    """

    SUM = "sum"
    LAST = "last"
    MEAN = "mean"


def aggregate_quarters(
    quarters: Sequence[NumberLike | None],
    aggregation: QuarterAggregation | str,
    *,
    require_all: bool = True,
) -> Decimal:
    """The year's realisation from quarterly ones; 0 is a value, ``None`` is missing.

    Parameters
    ----------
    quarters : sequence of number or None
        Realisations of TW I, II, III, IV in order (up to four); a ``str`` is
        refused, not walked character by character.
    aggregation : QuarterAggregation or its value
        Sum, last reported, or mean.
    require_all : bool, default True
        Raise when a quarter is missing. With ``False`` the reported
        quarters are aggregated (a mean over them, a sum of them, the last of
        them); a missing quarter is never counted as 0.

    Returns
    -------
    Decimal

    Raises
    ------
    InvalidValueError
        No quarter reported, more than four, a missing one while
        ``require_all``, or an unknown aggregation.
    InvalidTypeError
        ``quarters`` not a sequence (a ``str`` included), ``require_all``
        not a bool.

    Examples
    --------
    >>> aggregate_quarters([4, 3, 0, 9], QuarterAggregation.SUM)
    Decimal('16')
    >>> aggregate_quarters(["3.5", None, "3.9"], QuarterAggregation.MEAN, require_all=False)
    Decimal('3.7')
    >>> aggregate_quarters([1, None], QuarterAggregation.SUM)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'quarters[1]' is missing (pass require_all=False to aggregate the reported quarters): None
    """
    quarters = to_sequence(quarters, field="quarters")
    method = to_enum(aggregation, QuarterAggregation, field="aggregation")
    require_all = to_bool(require_all, field="require_all")
    if len(quarters) > 4:
        raise InvalidValueError("quarters", "must have at most 4 values", len(quarters))
    reported = []
    for position, value in enumerate(quarters):
        if value is None:
            if require_all:
                raise InvalidValueError(
                    f"quarters[{position}]",
                    "is missing (pass require_all=False to aggregate the reported quarters)",
                    None,
                )
            continue
        reported.append(to_decimal(value, field=f"quarters[{position}]"))
    if not reported:
        raise InvalidValueError("quarters", "must have at least one reported quarter", quarters)
    if method is QuarterAggregation.LAST:
        return reported[-1]
    total = exact_sum(reported)
    if method is QuarterAggregation.SUM:
        return total
    return divide(total, len(reported), numerator_field="quarters")


@attrs.frozen
class Realization:
    """The realisation of one indicator, with its quarters when they are known.

    Build it from a yearly value, or with :meth:`from_quarters`.

    Examples
    --------
    >>> Realization.from_quarters([2, 5, 4, 5], QuarterAggregation.SUM).value
    Decimal('16')
    """

    value: Decimal = attrs.field(converter=_number)
    quarters: tuple[Decimal | None, ...] = ()
    aggregation: QuarterAggregation | None = None

    @classmethod
    def from_quarters(
        cls,
        quarters: Sequence[NumberLike | None],
        aggregation: QuarterAggregation | str,
        *,
        require_all: bool = True,
    ) -> Realization:
        """The realisation aggregated from quarterly values (see :func:`aggregate_quarters`)."""
        value = aggregate_quarters(quarters, aggregation, require_all=require_all)
        kept = tuple(
            None if q is None else to_decimal(q, field=f"quarters[{i}]")
            for i, q in enumerate(quarters)
        )
        return cls(value, kept, to_enum(aggregation, QuarterAggregation, field="aggregation"))


@attrs.frozen
class IndicatorResult:
    """One evaluated indicator: the row of the Pengukuran Kinerja table.

    Attributes
    ----------
    indicator : Indicator
    target : Decimal or TargetRange
    realization : Decimal
    achievement : Decimal
        The capaian: exact, unrounded (capped when the indicator or :func:`evaluate` has
        a cap).
    status : TargetStatus
        Above, at or below target.
    category : Band
        The band of the capaian in the scheme used.
    """

    indicator: Indicator
    target: Decimal | TargetRange
    realization: Decimal
    achievement: Decimal
    status: TargetStatus
    category: Band


@attrs.frozen
class ExcludedIndicator:
    """An indicator without a capaian: shown with its realisation only.

    Today the one case is a lower-is-better indicator with target 0, a
    realisation above 0 and ``zero_target=ZeroTarget.NOT_COMPUTABLE``.

    Attributes
    ----------
    indicator : Indicator
    target : Decimal or TargetRange
    realization : Decimal
    status : TargetStatus
        Where the realisation stands against the target (defined even
        without a capaian).
    reason : str
        Why there is no capaian, for the report's note.

    Examples
    --------
    >>> from sakip.capaian import Polarity
    >>> from sakip.targets import ZeroTarget
    >>> unit = WorkUnit("rutan", "Rutan BNNP", UnitLevel.BNNP)
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S", "Keamanan", [
    ...     Indicator("T1", "Persentase tahanan yang melarikan diri", "%", "lower_is_better",
    ...               zero_target="not_computable")])], {"T1": 0})
    >>> row = evaluate_with_exclusions(pk, {"T1": "8.33"}).excluded[0]
    >>> row.realization, row.status
    (Decimal('8.33'), <TargetStatus.BELOW: 'below'>)
    """

    indicator: Indicator
    target: Decimal | TargetRange
    realization: Decimal
    status: TargetStatus
    reason: str


@attrs.frozen
class Evaluation:
    """The indicators of an agreement with a capaian, and those without one.

    Attributes
    ----------
    results : tuple of IndicatorResult
        The indicators with a capaian, in the agreement's order.
    excluded : tuple of ExcludedIndicator
        The indicators without one (left out of every mean and count by
        :func:`~sakip.summary.summarize`, which names them).

    Examples
    --------
    >>> unit = WorkUnit("bnnp", "BNNP", UnitLevel.BNNP)
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S", "Sasaran", [
    ...     Indicator("10", "IKM", "Indeks")])], {"10": "3.60"})
    >>> evaluation = evaluate_with_exclusions(pk, {"10": "3.70"})
    >>> len(evaluation.results), evaluation.excluded
    (1, ())
    """

    results: tuple[IndicatorResult, ...]
    excluded: tuple[ExcludedIndicator, ...] = ()


def evaluate(
    agreement: PerformanceAgreement,
    realizations: Mapping[str, NumberLike | Realization],
    *,
    scheme: BandScheme = CAPAIAN_LKIP,
    classify_on: ClassifyOn | str = ClassifyOn.EXACT,
    policy: RoundingPolicy | None = None,
    cap: NumberLike | None = None,
) -> tuple[IndicatorResult, ...]:
    """Evaluate every indicator of an agreement against its realisation.

    Parameters
    ----------
    agreement : PerformanceAgreement
        Targets (numbers or ranges) and indicators.
    realizations : mapping of str to number or Realization
        By indicator code; every indicator needs one, and no other code.
    scheme : BandScheme, default CAPAIAN_LKIP
        The category table.
    classify_on : ClassifyOn or its value, default EXACT
        Decide categories on the exact or the displayed capaian.
    policy : RoundingPolicy, optional
        The document's display policy; required with ``ClassifyOn.DISPLAYED``.
    cap : number, optional
        Passed to :func:`~sakip.capaian.achievement` (none by default) for
        every indicator without a cap of its own (``Indicator.cap`` wins).

    Returns
    -------
    tuple of IndicatorResult
        In the agreement's order.

    Raises
    ------
    InvalidValueError
        A realisation missing or for an unknown indicator, the degenerate
        cases of :func:`~sakip.capaian.achievement`, or an indicator without
        a capaian (``zero_target=ZeroTarget.NOT_COMPUTABLE``): use
        :func:`evaluate_with_exclusions` for those.

    Examples
    --------
    >>> unit = WorkUnit("bnnp-kalteng", "BNNP Kalimantan Tengah", UnitLevel.BNNP)
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S12", "Tata kelola keuangan", [
    ...     Indicator("16", "Nilai IKPA", "Indeks"),
    ...     Indicator("17", "BNNK dengan nilai IKPA mencapai target", "BNNK")])],
    ...     {"16": "97.96", "17": 2})
    >>> [(r.indicator.code, str(r.achievement)[:6], r.category.label)
    ...  for r in evaluate(pk, {"16": "99.95", "17": 1})]
    [('16', '102.03', 'Memuaskan'), ('17', '50', 'Kurang')]
    """
    evaluation = evaluate_with_exclusions(
        agreement, realizations, scheme=scheme, classify_on=classify_on, policy=policy, cap=cap
    )
    if evaluation.excluded:
        first = evaluation.excluded[0]
        raise InvalidValueError(
            f"realizations[{first.indicator.code}]",
            f"has no capaian ({first.reason}); evaluate_with_exclusions keeps such "
            "indicators out of the results",
            first.realization,
        )
    return evaluation.results


def evaluate_with_exclusions(
    agreement: PerformanceAgreement,
    realizations: Mapping[str, NumberLike | Realization],
    *,
    scheme: BandScheme = CAPAIAN_LKIP,
    classify_on: ClassifyOn | str = ClassifyOn.EXACT,
    policy: RoundingPolicy | None = None,
    cap: NumberLike | None = None,
) -> Evaluation:
    """Evaluate an agreement, setting aside the indicators that have no capaian.

    As :func:`evaluate`, with the same parameters, except that an indicator
    whose capaian is not computable (lower is better, target 0, realisation
    above 0, ``zero_target=ZeroTarget.NOT_COMPUTABLE``) becomes an
    :class:`ExcludedIndicator` instead of an error. Pass the result to
    :func:`~sakip.summary.summarize` to leave those indicators out of the
    mean and the counts and name them in the summary.

    Returns
    -------
    Evaluation

    Raises
    ------
    InvalidValueError
        As :func:`evaluate`, except for the indicators set aside.

    Examples
    --------
    "Persentase tahanan yang melarikan diri", target 0, realisation 8,33:

    >>> from sakip.capaian import Polarity
    >>> from sakip.targets import ZeroTarget
    >>> unit = WorkUnit("bnnp-kalteng", "BNNP Kalimantan Tengah", UnitLevel.BNNP)
    >>> escapes = Indicator("T1", "Persentase tahanan yang melarikan diri", "%",
    ...                     Polarity.LOWER_IS_BETTER, zero_target=ZeroTarget.NOT_COMPUTABLE)
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S", "Keamanan tahanan", [
    ...     escapes, Indicator("10", "Indeks kepuasan", "Indeks")])], {"T1": 0, "10": "3.60"})
    >>> evaluation = evaluate_with_exclusions(pk, {"T1": "8.33", "10": "3.70"})
    >>> [r.indicator.code for r in evaluation.results], evaluation.excluded[0].reason
    (['10'], 'target 0, lower is better, zero_target=not_computable')
    """
    if not isinstance(agreement, PerformanceAgreement):
        raise InvalidTypeError("agreement", "must be a PerformanceAgreement", agreement)
    if not isinstance(realizations, Mapping):
        raise InvalidTypeError("realizations", "must be a mapping of code to value", realizations)
    on = to_enum(classify_on, ClassifyOn, field="classify_on")
    known = {indicator.code for indicator in agreement.indicators}
    for code in realizations:
        if code not in known:
            raise InvalidValueError(
                "realizations", "must name only indicators of the agreement", code
            )
    results = []
    excluded = []
    for indicator in agreement.indicators:
        if indicator.code not in realizations:
            raise InvalidValueError(f"realizations[{indicator.code}]", "is missing", None)
        raw = realizations[indicator.code]
        actual = (
            raw.value if isinstance(raw, Realization) else _required_number(raw, indicator.code)
        )
        goal = agreement.targets[indicator.code]
        capaian = achievement(
            target=goal,
            realization=actual,
            polarity=indicator.polarity,
            cap=cap if indicator.cap is None else indicator.cap,
            zero_target=indicator.zero_target,
        )
        status = target_status(target=goal, realization=actual, polarity=indicator.polarity)
        if capaian is None:
            reason = f"target 0, lower is better, zero_target={ZeroTarget.NOT_COMPUTABLE.value}"
            excluded.append(ExcludedIndicator(indicator, goal, actual, status, reason))
            continue
        category = classify_achievement(capaian, scheme, on=on, policy=policy)
        results.append(IndicatorResult(indicator, goal, actual, capaian, status, category))
    return Evaluation(tuple(results), tuple(excluded))


def _required_number(value: NumberLike | None, code: str) -> Decimal:
    if value is None:
        raise InvalidValueError(f"realizations[{code}]", "is missing", None)
    return to_decimal(value, field=f"realizations[{code}]")


@attrs.frozen
class YearRecord:
    """One year of an indicator's history.

    Parameters
    ----------
    year : int
    target, realization : number, optional
        ``None`` where the document prints "-".
    comparable : bool, default True
        ``False`` for years whose indicator definition differed.
    national_target : number, optional
        BNN RI's target for the year, for the national comparison.
    printed_capaian : number, optional
        The capaian the document printed, for the audit.
    """

    year: int = attrs.field(converter=_year)
    target: Decimal | None = attrs.field(
        default=None, converter=_optional_number, validator=_non_negative("target")
    )
    realization: Decimal | None = attrs.field(
        default=None, converter=_optional_number, validator=_non_negative("realization")
    )
    comparable: bool = True
    national_target: Decimal | None = attrs.field(default=None, converter=_optional_number)
    printed_capaian: Decimal | None = attrs.field(default=None, converter=_optional_number)


def _record_tuple(records: Iterable[YearRecord]) -> tuple[YearRecord, ...]:
    return tuple(sorted(records, key=lambda record: record.year))


@attrs.frozen
class IndicatorHistory:
    """An indicator's targets and realisations over the years.

    Raises
    ------
    InvalidValueError
        A year given twice.

    Examples
    --------
    NKA of BNNP Kalimantan Tengah, LKIP 2024 BAB III A sasaran 11:

    >>> from sakip import Rounding
    >>> nka = IndicatorHistory(Indicator("14", "Nilai Kinerja Anggaran", "Indeks"), [
    ...     YearRecord(2022, "88", "87.63"), YearRecord(2023, "88", "85.41"),
    ...     YearRecord(2024, "86", "99.98")])
    >>> [(year, str(c)) for year, c in nka.achievement_by_year(RoundingPolicy(2, Rounding.TRUNCATE))]
    [(2022, '99.57'), (2023, '97.05'), (2024, '116.25')]
    """

    indicator: Indicator
    records: tuple[YearRecord, ...] = attrs.field(converter=_record_tuple)

    def __attrs_post_init__(self) -> None:
        years = [record.year for record in self.records]
        if len(set(years)) != len(years):
            raise InvalidValueError(
                f"history of {self.indicator.code!r}", "must list each year once", years
            )

    def record(self, year: int) -> YearRecord:
        """The record of one year."""
        for record in self.records:
            if record.year == year:
                return record
        raise InvalidValueError(f"history of {self.indicator.code!r}", "has no year", year)

    def achievement(self, year: int) -> Decimal | None:
        """Exact capaian of a year, or ``None`` when its target or realisation is missing.

        The indicator's ``cap`` and ``zero_target`` apply; a capaian that is
        not computable (``ZeroTarget.NOT_COMPUTABLE``) is ``None`` too.
        """
        record = self.record(year)
        if record.target is None or record.realization is None:
            return None
        return achievement(
            target=record.target,
            realization=record.realization,
            polarity=self.indicator.polarity,
            cap=self.indicator.cap,
            zero_target=self.indicator.zero_target,
        )

    def achievement_by_year(
        self, policy: RoundingPolicy, *, comparable_only: bool = True
    ) -> list[tuple[int, Decimal]]:
        """Displayed capaian of every year that has one (and is comparable, by default)."""
        out = []
        for record in self.records:
            if comparable_only and not record.comparable:
                continue
            value = self.achievement(record.year)
            if value is not None:
                out.append((record.year, policy.apply(value)))
        return out

    def change(self, year: int, *, since: int) -> Decimal | None:
        """Change of exact capaian in percentage points between two comparable years.

        ``None`` when either year lacks a capaian; raises when either is not
        comparable.
        """
        for each in (year, since):
            if not self.record(each).comparable:
                raise InvalidValueError("year", "is not comparable with the others", each)
        now, before = self.achievement(year), self.achievement(since)
        if now is None or before is None:
            return None
        return UNBOUNDED.subtract(now, before)

    def national_status(self, year: int) -> TargetStatus | None:
        """How the year's realisation stands against the national target, if both are known."""
        record = self.record(year)
        return self._measured(target_status, record.national_target, record.realization)

    def _measured(
        self, measure: Callable[..., _T], target: Decimal | None, realization: Decimal | None
    ) -> _T | None:
        """``measure`` of the two figures under the indicator's polarity; None if one is missing."""
        if target is None or realization is None:
            return None
        return measure(target=target, realization=realization, polarity=self.indicator.polarity)

    def audit(self, policy: RoundingPolicy, *, location: str) -> list[Finding]:
        """Printed capaian that do not follow from their own target and realisation.

        Examples
        --------
        IKKR (keterpulihan kawasan rawan), LKIP 2024 BAB III A sasaran 4:

        >>> from sakip import Rounding
        >>> ikkr = IndicatorHistory(Indicator("5", "Nilai Keterpulihan", "Indeks"), [
        ...     YearRecord(2021, "1.8", "3.17", printed_capaian="176.11"),
        ...     YearRecord(2022, "2.85", "2.97", printed_capaian="104.3")])
        >>> [str(f) for f in ikkr.audit(RoundingPolicy(2, Rounding.TRUNCATE), location="IKKR")]
        ['IKKR 2022: printed 104.3, computed 104.21 (capaian = realisasi / target x 100)']
        """
        findings = []
        for record in self.records:
            if record.printed_capaian is None:
                continue
            value = self.achievement(record.year)
            if value is None:
                continue
            finding = check_printed(
                f"{location} {record.year}",
                printed=record.printed_capaian,
                computed=value,
                policy=policy,
                rule=self.indicator.achievement_rule,
            )
            if finding is not None:
                findings.append(finding)
        return findings
