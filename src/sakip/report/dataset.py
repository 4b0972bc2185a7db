"""An LKIP data set: one unit's year, in a human-editable TOML file.

:func:`load_dataset` reads a file (or the bundled example, the LKIP 2024 of
BNN Provinsi Kalimantan Tengah), validates everything, and raises one
:class:`~sakip.errors.DataSetError` listing every problem with its location.
The schema is documented in ``docs/dataset.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar, cast

import attrs

from sakip import schemes
from sakip.bands import BandScheme
from sakip.capaian import Polarity, achievement
from sakip.errors import DataSetError
from sakip.indicators import (
    Indicator,
    IndicatorHistory,
    Objective,
    PerformanceAgreement,
    QuarterAggregation,
    Realization,
    UnitLevel,
    WorkUnit,
    YearRecord,
    evaluate_with_exclusions,
)
from sakip.numbers import Rounding, RoundingPolicy
from sakip.report._ikm_section import IkmInput
from sakip.report.locate import locate_error, name_indicators, toml_locate
from sakip.report.reader import MISSING, Reader, decimal_or_none, present
from sakip.report.safety import read_source
from sakip.report.sections import registry
from sakip.report.sections.anggaran import ANGGARAN, AnggaranInput
from sakip.report.sections.barang_bukti import BARANG_BUKTI, BarangBuktiInput
from sakip.report.sections.base import ParseContext, Parsed, Section, SectionAlias, known_unit
from sakip.report.sections.ikm import IKM
from sakip.report.sections.ikpa import IKPA, IkpaUnitInput
from sakip.report.sections.kepegawaian import KEPEGAWAIAN, KepegawaianInput
from sakip.report.sections.kpkk import KPKK, KpkkInput
from sakip.report.sections.nka import NKA, NkaUnitInput
from sakip.report.sections.tahanan import TAHANAN, TahananInput
from sakip.report.sections.whoqol import WHOQOL, WhoqolInput, WhoqolUnitInput
from sakip.report.sections.zona_integritas import ZONA_INTEGRITAS, ZonaIntegritasInput
from sakip.targets import TargetRange, ZeroTarget

__all__ = [
    "BUNDLED_EXAMPLE",
    "PERCENT_UNITS",
    "AnggaranInput",
    "BarangBuktiInput",
    "Bounds",
    "CountRule",
    "DataSet",
    "IkmInput",
    "IkpaUnitInput",
    "IndicatorEntry",
    "KepegawaianInput",
    "KpkkInput",
    "NkaUnitInput",
    "PrintedSummary",
    "TahananInput",
    "UnitFigure",
    "WhoqolInput",
    "WhoqolUnitInput",
    "ZonaIntegritasInput",
    "bundled_dataset_path",
    "load_dataset",
    "parse_dataset",
]

InputT = TypeVar("InputT")
ResultT = TypeVar("ResultT")

SCHEMA_VERSION = 1
BUNDLED_EXAMPLE = "lkip-bnnp-kalteng-2024.toml"

_ROUNDINGS = {rounding.value: rounding for rounding in Rounding}
_POLARITIES = {polarity.value: polarity for polarity in Polarity}
_LEVELS = {level.value: level for level in UnitLevel}
_SCHEMES: dict[str, BandScheme] = {
    name: getattr(schemes, name) for name in schemes.__all__ if name != "BUILTIN_SCHEMES"
}
#: The policies a data set may set, and the defaults of an LKIP when it does not.
DEFAULT_POLICIES = {
    "capaian": RoundingPolicy(2, Rounding.TRUNCATE),
    "budget": RoundingPolicy(2, Rounding.HALF_UP),
    "nka": RoundingPolicy(2, Rounding.HALF_UP),
    "ikpa": RoundingPolicy(2, Rounding.TRUNCATE),
    "survey": RoundingPolicy(2, Rounding.HALF_UP),
    "staffing": RoundingPolicy(3, Rounding.TRUNCATE),
}


@attrs.frozen
class UnitFigure:
    """A unit's figure for an indicator that the report breaks down by unit."""

    unit: str
    target: Decimal | None
    realization: Decimal
    location: str
    printed_capaian: Decimal | None = None
    printed_category: str | None = None


@attrs.frozen
class CountRule:
    """How an indicator's realisation counts units ("number of BNNK whose ...").

    ``rule`` is ``"meets_target"`` (each unit against its own target) or
    ``"in_categories"`` (each unit's value in one of ``categories`` of
    ``scheme``); ``units`` are the units counted.
    """

    rule: str
    units: tuple[str, ...]
    scheme: BandScheme | None = None
    categories: tuple[str, ...] = ()


@attrs.frozen
class IndicatorEntry:
    """An indicator of the agreement with everything the report says of it.

    ``target`` is a :class:`~sakip.targets.TargetRange` when the data set
    gives ``target = { low = ..., high = ... }``; ``quarters`` and
    ``aggregation`` are set when it gives quarterly realisations, and
    ``realization`` is then their aggregate. The indicator's ``cap`` and
    ``zero_target`` come from the fields of the same names.

    Examples
    --------
    >>> entry = load_dataset().entries[0]
    >>> entry.indicator.code, entry.quarters, entry.aggregation
    ('1', (), None)
    """

    indicator: Indicator
    objective: str
    target: Decimal | TargetRange
    realization: Decimal
    location: str
    printed_capaian: Decimal | None = None
    printed_category: str | None = None
    national_target: Decimal | None = None
    units: tuple[UnitFigure, ...] = ()
    count: CountRule | None = None
    history: IndicatorHistory | None = None
    quarters: tuple[Decimal | None, ...] = ()
    aggregation: QuarterAggregation | None = None
    bounds: Bounds | None = None


@attrs.frozen
class PrintedSummary:
    """The summary figures the document prints, and the previous year's counts."""

    location: str
    mean: Decimal | None = None
    above: int | None = None
    at: int | None = None
    below: int | None = None
    previous_year: int | None = None
    previous_above: int | None = None
    previous_at: int | None = None
    previous_below: int | None = None
    claims_more_above: bool | None = None


@attrs.frozen
class DataSet:
    """One unit's LKIP year, validated.

    Attributes
    ----------
    source : str
        The file it came from.
    title : str
    year : int
    policies : mapping of str to RoundingPolicy
        How the document displays capaian, budget, index, survey and
        staffing figures.
    unit : WorkUnit
    subunits : tuple of WorkUnit
    agreement : PerformanceAgreement
    entries : tuple of IndicatorEntry
        The agreement's indicators with realisations, breakdowns, history
        and printed figures.
    summary : PrintedSummary or None
    sections : mapping of str to Parsed
        The instrument sections present, by TOML key, each with the result
        its formula gave while it was read; use :meth:`section` and
        :meth:`result` for typed access (``dataset.section(TAHANAN)``).
    """

    source: str
    title: str
    year: int
    policies: Mapping[str, RoundingPolicy] = attrs.field(hash=False)
    unit: WorkUnit
    subunits: tuple[WorkUnit, ...]
    agreement: PerformanceAgreement
    entries: tuple[IndicatorEntry, ...]
    summary: PrintedSummary | None = None
    sections: Mapping[str, Parsed[Any, Any]] = attrs.field(factory=dict, hash=False)

    def parsed(self, section: Section[InputT, ResultT]) -> Parsed[InputT, ResultT] | None:
        """The section as read with its computed result (``None`` when the data set has none).

        Examples
        --------
        >>> from sakip.report.sections import TAHANAN
        >>> load_dataset().parsed(TAHANAN).data.detainees
        22
        """
        # The registry's key is the section's identity: the value stored under it is its Parsed.
        return cast("Parsed[InputT, ResultT] | None", self.sections.get(section.key))

    def section(self, section: Section[InputT, Any]) -> InputT | None:
        """The input of a section, typed (``dataset.section(TAHANAN)`` is a TahananInput).

        Examples
        --------
        >>> from sakip.report.sections import TAHANAN, IKM
        >>> dataset = load_dataset()
        >>> dataset.section(TAHANAN).printed_value, dataset.section(IKM)
        (Decimal('100'), None)
        """
        parsed = self.parsed(section)
        return None if parsed is None else parsed.data

    def result(self, section: Section[Any, ResultT]) -> ResultT | None:
        """The result of a section's formula, computed once while the data set was read.

        Examples
        --------
        >>> from sakip.report.sections import NKA
        >>> load_dataset().result(NKA)["bnnp-kalteng"].category.label
        'Sangat Baik'
        """
        parsed = self.parsed(section)
        return None if parsed is None else parsed.result

    # The instrument inputs by their former attribute names (read-only): section(...).
    tahanan = SectionAlias(TAHANAN)
    barang_bukti = SectionAlias(BARANG_BUKTI)
    kpkk = SectionAlias(KPKK)
    whoqol = SectionAlias(WHOQOL)
    ikpa = SectionAlias(IKPA, ())
    nka = SectionAlias(NKA, ())
    anggaran = SectionAlias(ANGGARAN)
    kepegawaian = SectionAlias(KEPEGAWAIAN)
    zona_integritas = SectionAlias(ZONA_INTEGRITAS)
    ikm = SectionAlias(IKM, ())

    @property
    def realizations(self) -> dict[str, Decimal]:
        """Realisation of every indicator, by code."""
        return {entry.indicator.code: entry.realization for entry in self.entries}

    def unit_name(self, code: str) -> str:
        """The name of the unit or sub-unit with this code (the code itself if unknown)."""
        for unit in (self.unit, *self.subunits):
            if unit.code == code:
                return unit.name
        return code


def bundled_dataset_path() -> Path:
    """The path of the bundled example data set (LKIP BNNP Kalimantan Tengah 2024).

    Examples
    --------
    >>> bundled_dataset_path().name
    'lkip-bnnp-kalteng-2024.toml'
    """
    return Path(str(resources.files("sakip.report") / "data" / BUNDLED_EXAMPLE))


def load_dataset(path: str | Path | None = None) -> DataSet:
    """Load and validate a data set file (the bundled example when ``path`` is None).

    Raises
    ------
    DataSetError
        The file cannot be read, is not TOML (or an xlsx workbook of
        ``sakip template``, by its suffix), or has problems; every problem
        is listed with its location.

    Examples
    --------
    >>> dataset = load_dataset()
    >>> dataset.unit.name, dataset.year, len(dataset.entries)
    ('BNN Provinsi Kalimantan Tengah', 2024, 18)
    """
    file = bundled_dataset_path() if path is None else Path(path)
    # A workbook of `sakip template`: the same document, its problems placed by sheet and cell.
    from sakip.report.workbook_reader import WORKBOOK_SUFFIXES, load_workbook_dataset

    if file.suffix.lower() in WORKBOOK_SUFFIXES:
        return load_workbook_dataset(file)
    # Size, encoding (a BOM is skipped) and nesting limits: sakip.report.safety.
    text, document = read_source(file)
    try:
        return parse_dataset(document, source=str(file))
    except DataSetError as error:  # each problem at its line, and its indicator by code
        raise locate_error(error, name_indicators(document, toml_locate(text))) from None


def _policy(reader: Reader) -> RoundingPolicy | None:
    reader.check_keys({"places", "rounding"})
    places = reader.integer("places", minimum=0)
    rounding = reader.choice("rounding", _ROUNDINGS)
    if not present(places, rounding):
        return None
    return reader.build(RoundingPolicy, places, rounding)


def _unit(reader: Reader) -> WorkUnit | None:
    reader.check_keys({"code", "name", "level", "parent"})
    code, name = reader.text("code"), reader.text("name")
    level = reader.choice("level", _LEVELS)
    parent = reader.text("parent", required=False)
    if not present(code, name, level, parent):
        return None
    return reader.build(WorkUnit, code, name, level, parent)


def parse_dataset(document: Mapping[str, Any], *, source: str = "<data set>") -> DataSet:
    """Validate a parsed TOML document into a :class:`DataSet`.

    Raises
    ------
    DataSetError
        Listing every problem found, each with its location.

    Examples
    --------
    >>> import tomllib
    >>> text = (bundled_dataset_path().read_text(encoding="utf-8")
    ...         .replace('title = "LAPORAN', 'title = "SALINAN LAPORAN'))
    >>> parse_dataset(tomllib.loads(text), source="salinan.toml").title[:14]
    'SALINAN LAPORA'
    >>> parse_dataset({"schema": 2}, source="kosong.toml")
    Traceback (most recent call last):
    ...
    sakip.errors.DataSetError: kosong.toml: 4 problems
      schema: must be 1: 2
      document: is missing
      unit: is missing
      objectives: is missing
    """
    problems: list[str] = []
    root = Reader(document, "", problems)
    root.check_keys(
        {"schema", "document", "rounding", "unit", "subunits", "objectives", "summary"}
        | {section.key for section in registry.SECTIONS}
    )
    version = root.integer("schema")
    if version is not MISSING and version != SCHEMA_VERSION:
        root.problem(f"must be {SCHEMA_VERSION}", version, key="schema")
    doc = root.table_at("document")
    assert doc is not None
    doc.check_keys({"title", "year", "source"})
    title, year = doc.text("title"), doc.integer("year", minimum=1900)

    policies = dict(DEFAULT_POLICIES)
    rounding = root.table_at("rounding", required=False)
    if rounding is not None:
        rounding.check_keys(set(DEFAULT_POLICIES))
        for name in DEFAULT_POLICIES:
            sub = rounding.table_at(name, required=False)
            if sub is not None:
                policy = _policy(sub)
                if policy is not None:
                    policies[name] = policy

    unit_reader = root.table_at("unit")
    assert unit_reader is not None
    unit = _unit(unit_reader)
    subunits = tuple(u for u in (_unit(r) for r in root.array("subunits", required=False)) if u)
    unit_codes = {u.code for u in (unit, *subunits) if u is not None}
    if len(unit_codes) != len(subunits) + (unit is not None):
        root.problem("must not repeat a unit code", key="subunits")

    entries, objectives = _objectives(root, unit_codes, year)
    agreement = None
    if unit is not None and isinstance(year, int) and objectives and not problems:
        agreement = root.build(
            PerformanceAgreement,
            unit,
            year,
            objectives,
            {e.indicator.code: e.target for e in entries},
            at="objectives",
        )
    if agreement is not None:
        evaluation = root.build(
            evaluate_with_exclusions,
            agreement,
            {e.indicator.code: e.realization for e in entries},
            at="objectives",
        )
        if evaluation is not None and not evaluation.results:
            # The report's mean needs one capaian.
            root.problem(
                "must have at least one indicator with a capaian (every one is "
                "zero_target = 'not_computable' with target 0)",
                key="objectives",
            )
    # Codes as written too: an indicator with its own problem is still a code of the agreement
    # (a section naming it must not get a second, misleading problem).
    codes = {entry.indicator.code for entry in entries} | _written_codes(document)

    summary = _summary(root.table_at("summary", required=False))
    context = ParseContext(frozenset(codes), frozenset(unit_codes), source)
    sections: dict[str, Parsed[Any, Any]] = {}
    for section in registry.SECTIONS:
        parsed = section.load(root, context)
        if parsed is not None:
            sections[section.key] = parsed
    if problems or agreement is None or unit is None:
        raise DataSetError(source, problems or ["has no usable agreement"])
    return DataSet(
        source=source,
        title=title,
        year=year,
        policies=policies,
        unit=unit,
        subunits=subunits,
        agreement=agreement,
        entries=tuple(entries),
        summary=summary,
        sections=sections,
    )


def _written_codes(document: Mapping[str, Any]) -> set[str]:
    """The indicator codes the document writes, whether or not their indicator is valid."""
    objectives = document.get("objectives")
    return {
        indicator["code"]
        for objective in (objectives if isinstance(objectives, list) else [])
        if isinstance(objective, Mapping) and isinstance(objective.get("indicators"), list)
        for indicator in objective["indicators"]
        if isinstance(indicator, Mapping) and isinstance(indicator.get("code"), str)
    }


def _objectives(
    root: Reader, unit_codes: set[str], year: object
) -> tuple[list[IndicatorEntry], list[Objective]]:
    entries: list[IndicatorEntry] = []
    objectives: list[Objective] = []
    seen: set[str] = set()
    readers = root.array("objectives")
    root.require_items("objectives", "objective")
    for reader in readers:
        reader.check_keys({"code", "name", "indicators"})
        code, name = reader.text("code"), reader.text("name")
        indicators = []
        items = reader.array("indicators")
        reader.require_items("indicators", "indicator")
        for item in items:
            entry = _indicator(item, code if code is not MISSING else "?", unit_codes, year)
            if entry is None:
                continue
            if entry.indicator.code in seen:
                item.problem("repeats an indicator code", entry.indicator.code, key="code")
                continue
            seen.add(entry.indicator.code)
            entries.append(entry)
            indicators.append(entry.indicator)
        if present(code, name) and indicators:
            objective = reader.build(Objective, code, name, indicators)
            if objective is not None:
                objectives.append(objective)
    return entries, objectives


_INDICATOR_KEYS = {
    "code", "name", "unit_of_measure", "polarity", "target", "realization",
    "location", "printed", "national_target", "units", "count", "history",
    "cap", "zero_target", "quarters", "aggregation", "bounds",
}  # fmt: skip
#: Units of measure whose realisation lies in [0, 100] unless ``bounds`` says otherwise.
PERCENT_UNITS = frozenset({"%", "persen"})


@attrs.frozen
class Bounds:
    """The range an indicator's realisation can take (``bounds`` in the data set).

    ``low`` or ``high`` may be ``None`` (no limit on that side). Without
    ``bounds``, a ``"%"`` or ``"persen"`` indicator is bounded by [0, 100]
    and any other by nothing.

    Examples
    --------
    >>> Bounds(Decimal(0), Decimal(100), "for a '%' indicator").rule
    "must lie in [0, 100] for a '%' indicator"
    >>> Bounds(Decimal(0), Decimal(100)).contains(Decimal("155"))
    False
    """

    low: Decimal | None
    high: Decimal | None
    why: str = "(the indicator's bounds)"

    @property
    def rule(self) -> str:
        """The rule a value outside the bounds breaks, for the problem message.

        Examples
        --------
        >>> Bounds(Decimal(1), None).rule
        "must be >= 1 (the indicator's bounds)"
        """
        if self.high is None:
            return f"must be >= {self.low} {self.why}"
        if self.low is None:
            return f"must be <= {self.high} {self.why}"
        return f"must lie in [{self.low}, {self.high}] {self.why}"

    def contains(self, value: Decimal) -> bool:
        """Whether ``value`` lies within the bounds (both ends included).

        Examples
        --------
        >>> Bounds(Decimal(1), Decimal(4)).contains(Decimal(4))
        True
        """
        return (self.low is None or value >= self.low) and (
            self.high is None or value <= self.high
        )


def _bounds(reader: Reader, measure: Any) -> Bounds | None:
    """``bounds = { low = ..., high = ... }``, else the default of the unit of measure."""
    table = reader.table_at("bounds", required=False)
    if table is None:
        if isinstance(measure, str) and measure.strip().lower() in PERCENT_UNITS:
            return Bounds(Decimal(0), Decimal(100), f"for a {measure.strip()!r} indicator")
        return None
    table.check_keys({"low", "high"})
    low = table.number("low", required=False)
    high = table.number("high", required=False)
    if not present(low, high):
        return None
    if low is None and high is None:
        table.problem("must give low, high or both")
        return None
    if low is not None and high is not None and low > high:
        table.problem(f"must have low <= high (low is {low})", high, key="high")
        return None
    return Bounds(low, high)


def _within(reader: Reader, key: str | int, value: Any, bounds: Bounds | None) -> None:
    """Record a problem when ``value`` lies outside ``bounds``."""
    if bounds is not None and isinstance(value, Decimal) and not bounds.contains(value):
        reader.problem(bounds.rule, value, key=key)


_ZERO_TARGETS = {choice.value: choice for choice in ZeroTarget}
_AGGREGATIONS = {method.value: method for method in QuarterAggregation}


def _target(reader: Reader) -> Any:
    """``target``: a number, or a range ``{ low = "80", high = "90" }`` (docs/dataset.md)."""
    raw = reader.raw("target")
    if not isinstance(raw, Mapping):
        return _non_negative(reader, "target", reader.number("target"))
    bounds = reader.table_at("target")
    assert bounds is not None
    bounds.check_keys({"low", "high"})
    low = _non_negative(bounds, "low", bounds.number("low"))
    high = _non_negative(bounds, "high", bounds.number("high"))
    if not present(low, high):
        return MISSING
    built = reader.build(TargetRange, low, high, at="target")
    return MISSING if built is None else built


def _quarters(
    reader: Reader, realization: Any, bounds: Bounds | None
) -> tuple[Any, Realization | None]:
    """``quarters`` and ``aggregation``: the realisation computed from TW I-IV.

    Returns the realisation (the given one, or the aggregate when none is
    given) and the :class:`Realization` with its quarters (``None`` without
    quarters). A given realisation must equal the aggregate.
    """
    if not reader.has("quarters"):
        if reader.has("aggregation"):
            reader.problem("is only used with quarters", key="aggregation")
        if realization is None:
            reader.problem("is missing", key="realization")
            return MISSING, None
        return realization, None
    values = reader.values("quarters")
    numbers = []
    for position, value in enumerate(values):
        sub = Reader({"v": value}, reader.where(f"quarters[{position}]"), reader.problems)
        number = _non_negative(sub, "v", sub.number("v"))
        _within(reader, f"quarters[{position}]", number, bounds)
        numbers.append(number)
    aggregation = reader.choice("aggregation", _AGGREGATIONS)
    if not values:
        reader.problem("must list 1 to 4 quarterly values (TW I-IV)", key="quarters")
        return MISSING, None
    if not present(aggregation, realization, *numbers):
        return MISSING, None
    quarterly = reader.build(Realization.from_quarters, numbers, aggregation, at="quarters")
    if quarterly is None:
        return MISSING, None
    if realization is not None and realization != quarterly.value:
        reader.problem(
            f"must equal the {aggregation.value} of the quarters ({quarterly.value})",
            realization,
            key="realization",
        )
        return MISSING, None
    return quarterly.value, quarterly


def _indicator(
    reader: Reader, objective: str, unit_codes: set[str], year: object
) -> IndicatorEntry | None:
    reader.check_keys(_INDICATOR_KEYS)
    code, name = reader.text("code"), reader.text("name")
    measure = reader.text("unit_of_measure")
    polarity = reader.choice("polarity", _POLARITIES, default=Polarity.HIGHER_IS_BETTER)
    target = _target(reader)
    given = _non_negative(reader, "realization", reader.number("realization", required=False))
    bounds = _bounds(reader, measure)
    # Each quarter is bounded in _quarters; the realisation given, or else their aggregate.
    realization, quarterly = _quarters(reader, given, bounds)
    _within(reader, "realization", given if given is not None else realization, bounds)
    cap = _non_negative(reader, "cap", reader.number("cap", required=False))
    zero_target = reader.choice("zero_target", _ZERO_TARGETS, default=ZeroTarget.RAISE)
    location = reader.text("location", required=False) or reader.where()
    national = reader.number("national_target", required=False)
    printed_capaian = printed_category = None
    printed = reader.table_at("printed", required=False)
    if printed is not None:
        printed.check_keys({"capaian", "category"})
        printed_capaian = printed.number("capaian", required=False, exact=True)
        printed_category = printed.text("category", required=False)
    if not present(code, name, measure, polarity, target, realization, national, cap):
        return None
    if not present(zero_target):
        return None
    indicator = reader.build(
        Indicator, code, name, measure, polarity, cap=cap, zero_target=zero_target
    )
    if indicator is None:
        return None
    # The capaian must exist (a zero target has none unless zero_target says
    # otherwise): say so here, with the location.
    _check_capaian(reader, indicator, target, realization)
    units = _unit_figures(reader.array("units", required=False), indicator, unit_codes, bounds)
    count = _count_rule(reader.table_at("count", required=False), unit_codes, units)
    history = _history(reader.array("history", required=False), indicator, year)
    return IndicatorEntry(
        indicator=indicator,
        objective=objective,
        target=target,
        realization=realization,
        location=location,
        printed_capaian=decimal_or_none(printed_capaian),
        printed_category=printed_category if isinstance(printed_category, str) else None,
        national_target=decimal_or_none(national),
        units=units,
        count=count,
        history=history,
        quarters=() if quarterly is None else quarterly.quarters,
        aggregation=None if quarterly is None else quarterly.aggregation,
        bounds=bounds,
    )


def _non_negative(reader: Reader, key: str, value: Any) -> Any:
    """``value`` unless it is a negative Decimal, which becomes a problem and MISSING."""
    if isinstance(value, Decimal) and value < 0:
        reader.problem("must be >= 0", value, key=key)
        return MISSING
    return value


def _unit_figure(reader: Reader, unit_codes: set[str]) -> UnitFigure | None:
    reader.check_keys(
        {"unit", "target", "realization", "location", "printed_capaian", "printed_category"}
    )
    unit = known_unit(reader, "unit", frozenset(unit_codes))
    target = _non_negative(reader, "target", reader.number("target", required=False))
    realization = _non_negative(reader, "realization", reader.number("realization"))
    capaian = reader.number("printed_capaian", required=False, exact=True)
    category = reader.text("printed_category", required=False)
    location = reader.text("location", required=False) or reader.where()
    if not present(unit, target, realization, capaian, category):
        return None
    return UnitFigure(unit, target, realization, location, capaian, category)


def _check_capaian(
    reader: Reader, indicator: Indicator, target: Decimal | TargetRange, realization: Decimal
) -> None:
    """Report (on ``reader``) a capaian the report shows but that cannot be computed."""
    reader.build(
        achievement,
        target=target,
        realization=realization,
        polarity=indicator.polarity,
        cap=indicator.cap,
        zero_target=indicator.zero_target,
    )


def _unit_figures(
    readers: list[Reader], indicator: Indicator, unit_codes: set[str], bounds: Bounds | None
) -> tuple[UnitFigure, ...]:
    figures: list[UnitFigure] = []
    for reader in readers:
        figure = _unit_figure(reader, unit_codes)
        if figure is None:
            continue
        if bounds is not None and not bounds.contains(figure.realization):
            reader.problem(bounds.rule, figure.realization, key="realization")
            continue
        if figure.unit in {f.unit for f in figures}:
            reader.problem("repeats a unit of this indicator", figure.unit, key="unit")
            continue
        if figure.target is not None and figure.target > 0:
            # The report computes the unit's capaian: it must exist.
            _check_capaian(reader, indicator, figure.target, figure.realization)
        figures.append(figure)
    return tuple(figures)


def _count_rule(
    reader: Reader | None, unit_codes: set[str], figures: tuple[UnitFigure, ...]
) -> CountRule | None:
    if reader is None:
        return None
    reader.check_keys({"rule", "units", "scheme", "categories"})
    rule = reader.choice(
        "rule", {"meets_target": "meets_target", "in_categories": "in_categories"}
    )
    by_unit = {figure.unit: figure for figure in figures}
    units: list[str] = []
    for position, code in enumerate(reader.values("units")):
        where = f"units[{position}]"
        if not isinstance(code, str):
            reader.problem("must be a unit code (a string)", code, key=where)
        elif code not in unit_codes:
            reader.problem("must name units of the data set", code, key=where)
        elif code in units:
            reader.problem("repeats a unit", code, key=where)
        elif code not in by_unit:
            reader.problem(f"unit {code!r} has no figure in this indicator's units", key=where)
        else:
            units.append(code)
            if rule == "meets_target" and by_unit[code].target is None:
                reader.problem(
                    f"unit {code!r} has no target in this indicator's units (rule meets_target)",
                    key=where,
                )
    scheme = None
    categories: tuple[str, ...] = ()
    if rule == "in_categories":
        scheme = reader.choice("scheme", _SCHEMES)
        labels = reader.values("categories")
        reader.require_items("categories", "category")
        if isinstance(scheme, BandScheme):
            for position, label in enumerate(labels):
                if not isinstance(label, str) or label not in scheme.labels:
                    reader.problem(
                        f"must be labels of {scheme.name!r}", label, key=f"categories[{position}]"
                    )
            categories = tuple(label for label in labels if isinstance(label, str))
            for position, code in enumerate(reader.values("units")):
                if code in units:
                    # A value outside every band (or in a gap) cannot be counted.
                    reader.build(
                        scheme.classify, by_unit[code].realization, at=f"units[{position}]"
                    )
        else:
            scheme = None
    else:
        for key in ("scheme", "categories"):
            if reader.has(key):
                reader.problem("is only used with rule = 'in_categories'", key=key)
    if rule is MISSING:
        return None
    return CountRule(rule, tuple(units), scheme, categories)


def _history(readers: list[Reader], indicator: Indicator, year: object) -> IndicatorHistory | None:
    if not readers:
        return None
    records = []
    for reader in readers:
        reader.check_keys(
            {"year", "target", "realization", "comparable", "national_target", "printed_capaian"}
        )
        when = reader.integer("year", minimum=1900)
        target = reader.number("target", required=False)
        realization = reader.number("realization", required=False)
        national = reader.number("national_target", required=False)
        printed = reader.number("printed_capaian", required=False, exact=True)
        comparable = reader.boolean("comparable", default=True)
        if isinstance(when, int) and isinstance(year, int) and when > year:
            reader.problem("must not be after the data set's year", when, key="year")
            continue
        if not present(when, target, realization, national, printed):
            continue
        record = reader.build(YearRecord, when, target, realization, comparable, national, printed)
        if record is None:
            continue
        if record.target is not None and record.realization is not None:
            # The history table shows the year's capaian: it must exist.
            _check_capaian(reader, indicator, record.target, record.realization)
        records.append(record)
    if len(records) != len(readers):
        return None
    return readers[0].build(IndicatorHistory, indicator, records)


def _summary(reader: Reader | None) -> PrintedSummary | None:
    if reader is None:
        return None
    reader.check_keys(
        {"location", "mean", "above", "at", "below", "previous", "claims_more_above"}
    )
    previous = reader.table_at("previous", required=False)
    values: dict[str, Any] = {
        "location": reader.text("location", required=False) or reader.where(),
        "mean": reader.number("mean", required=False, exact=True),
        "above": reader.integer("above", required=False, minimum=0),
        "at": reader.integer("at", required=False, minimum=0),
        "below": reader.integer("below", required=False, minimum=0),
    }
    if reader.has("claims_more_above"):
        values["claims_more_above"] = reader.boolean("claims_more_above", default=False)
    if previous is not None:
        previous.check_keys({"year", "above", "at", "below"})
        values["previous_year"] = previous.integer("year", minimum=1900)
        for key in ("above", "at", "below"):
            values[f"previous_{key}"] = previous.integer(key, minimum=0)
    if not present(*values.values()):
        return None
    return PrintedSummary(**values)
