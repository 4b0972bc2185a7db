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
from typing import Any

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
    UnitLevel,
    WorkUnit,
    YearRecord,
)
from sakip.instruments import (
    anggaran,
    barang_bukti,
    ikpa,
    kepegawaian,
    kpkk,
    nka,
    tahanan,
    whoqol,
    zona_integritas,
)
from sakip.numbers import Rounding, RoundingPolicy
from sakip.report.reader import MISSING, Reader, decimal_or_none, present
from sakip.report.safety import read_document, text_problem

__all__ = [
    "BUNDLED_EXAMPLE",
    "AnggaranInput",
    "BarangBuktiInput",
    "CountRule",
    "DataSet",
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

SCHEMA_VERSION = 1
BUNDLED_EXAMPLE = "lkip-bnnp-kalteng-2024.toml"

_ROUNDINGS = {rounding.value: rounding for rounding in Rounding}
_POLARITIES = {polarity.value: polarity for polarity in Polarity}
_LEVELS = {level.value: level for level in UnitLevel}
_SCHEMES: dict[str, BandScheme] = {
    name: getattr(schemes, name) for name in schemes.__all__ if name != "BUILTIN_SCHEMES"
}
# The data set's values (docs/dataset.md) -> the enum.
_BLOKIR = {
    "unspent": anggaran.BlokirTreatment.UNSPENT,
    "realised": anggaran.BlokirTreatment.REALIZED,
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
    """An indicator of the agreement with everything the report says of it."""

    indicator: Indicator
    objective: str
    target: Decimal
    realization: Decimal
    location: str
    printed_capaian: Decimal | None = None
    printed_category: str | None = None
    national_target: Decimal | None = None
    units: tuple[UnitFigure, ...] = ()
    count: CountRule | None = None
    history: IndicatorHistory | None = None


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
class TahananInput:
    """Detainee counts of the period (formulas.md section 4, tahanan)."""

    location: str
    detainees: int
    escapes: int
    serious_fights: int
    negligent_deaths: int
    indicator: str | None = None
    printed_value: Decimal | None = None


@attrs.frozen
class BarangBuktiInput:
    """The evidence ledger; the index itself needs the BA pairs, which a report may not list."""

    location: str
    ledger: tuple[barang_bukti.LedgerEntry, ...]
    pairs: tuple[barang_bukti.EvidencePair, ...] = ()
    indicator: str | None = None
    printed_value: Decimal | None = None


@attrs.frozen
class KpkkInput:
    """The KPKK questionnaire matrix and what the report prints of it."""

    location: str
    aspects: tuple[str, ...]
    scores: tuple[tuple[int, ...], ...]
    printed: Mapping[str, Any] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class WhoqolUnitInput:
    """Clients assessed and improved per domain in one unit."""

    unit: str
    clients: int
    improved: Mapping[str, int] = attrs.field(hash=False)
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class WhoqolInput:
    """WHOQOL-BREF improvement counts per unit and the pooled figures printed."""

    location: str
    units: tuple[WhoqolUnitInput, ...]
    indicator: str | None = None
    printed_pooled: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class IkpaUnitInput:
    """One unit's IKPA table."""

    unit: str
    location: str
    year: int
    values: Mapping[str, Decimal | ikpa.NotApplicable] = attrs.field(hash=False)
    dispensasi: Decimal
    weights: Mapping[str, int] | None = attrs.field(default=None, hash=False)
    target: Decimal | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class NkaUnitInput:
    """One unit's NKA components."""

    unit: str
    location: str
    planning: Decimal
    execution: Decimal
    target: Decimal | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class AnggaranInput:
    """The budget tables as printed, and figures that two places must agree on."""

    tables: tuple[anggaran.PrintedTable, ...]
    agreements: tuple[anggaran.Agreement, ...] = ()


@attrs.frozen
class KepegawaianInput:
    """The staff table, the DSP, and the printed totals and percentages."""

    location: str
    units: tuple[kepegawaian.UnitStaff, ...]
    printed_total: int | None = None
    text_total: int | None = None
    text_location: str = ""
    printed_fulfilment: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class ZonaIntegritasInput:
    """The Zona Integritas ranking table."""

    location: str
    unit: str
    ranking: tuple[tuple[str, Decimal, Decimal, Decimal | None, int | None], ...]
    indicator: str | None = None


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
    tahanan: TahananInput | None = None
    barang_bukti: BarangBuktiInput | None = None
    kpkk: KpkkInput | None = None
    whoqol: WhoqolInput | None = None
    ikpa: tuple[IkpaUnitInput, ...] = ()
    nka: tuple[NkaUnitInput, ...] = ()
    anggaran: AnggaranInput | None = None
    kepegawaian: KepegawaianInput | None = None
    zona_integritas: ZonaIntegritasInput | None = None

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
        The file cannot be read, is not TOML, or has problems; every problem
        is listed with its location.

    Examples
    --------
    >>> dataset = load_dataset()
    >>> dataset.unit.name, dataset.year, len(dataset.entries)
    ('BNN Provinsi Kalimantan Tengah', 2024, 18)
    """
    file = bundled_dataset_path() if path is None else Path(path)
    # Size, encoding (a BOM is skipped) and nesting limits: sakip.report.safety.
    return parse_dataset(read_document(file), source=str(file))


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
        {
            "schema", "document", "rounding", "unit", "subunits", "objectives", "summary",
            "tahanan", "barang_bukti", "kpkk", "whoqol", "ikpa", "nka", "anggaran",
            "kepegawaian", "zona_integritas",
        }
    )  # fmt: skip
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
    codes = {entry.indicator.code for entry in entries}

    summary = _summary(root.table_at("summary", required=False))
    sections: dict[str, Any] = {
        "tahanan": _tahanan(root.table_at("tahanan", required=False), codes),
        "barang_bukti": _barang_bukti(root.table_at("barang_bukti", required=False), codes),
        "kpkk": _kpkk(root.table_at("kpkk", required=False)),
        "whoqol": _whoqol(root.table_at("whoqol", required=False), codes, unit_codes),
        "ikpa": _ikpa(root.array("ikpa", required=False), unit_codes),
        "nka": _nka(root.array("nka", required=False), unit_codes),
        "anggaran": _anggaran(root.table_at("anggaran", required=False)),
        "kepegawaian": _kepegawaian(root.table_at("kepegawaian", required=False), unit_codes),
        "zona_integritas": _zona(root.table_at("zona_integritas", required=False), codes),
    }
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
        **sections,
    )


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
}  # fmt: skip


def _indicator(
    reader: Reader, objective: str, unit_codes: set[str], year: object
) -> IndicatorEntry | None:
    reader.check_keys(_INDICATOR_KEYS)
    code, name = reader.text("code"), reader.text("name")
    measure = reader.text("unit_of_measure")
    polarity = reader.choice("polarity", _POLARITIES, default=Polarity.HIGHER_IS_BETTER)
    target, realization = reader.number("target"), reader.number("realization")
    location = reader.text("location", required=False) or reader.where()
    national = reader.number("national_target", required=False)
    printed_capaian = printed_category = None
    printed = reader.table_at("printed", required=False)
    if printed is not None:
        printed.check_keys({"capaian", "category"})
        printed_capaian = printed.number("capaian", required=False, exact=True)
        printed_category = printed.text("category", required=False)
    for field, value in (("target", target), ("realization", realization)):
        if isinstance(value, Decimal) and value < 0:
            reader.problem("must be >= 0", value, key=field)
            return None
    if not present(code, name, measure, polarity, target, realization, national):
        return None
    indicator = reader.build(Indicator, code, name, measure, polarity)
    if indicator is None:
        return None
    # The capaian must exist (a zero target has none): say so here, with the location.
    reader.build(
        achievement,
        target=target,
        realization=realization,
        polarity=indicator.polarity,
    )
    units = _unit_figures(reader.array("units", required=False), indicator, unit_codes)
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
    )


def _known_unit(reader: Reader, key: str, unit_codes: set[str]) -> Any:
    code = reader.text(key)
    if code is not MISSING and code not in unit_codes:
        reader.problem(f"must be a unit of the data set ({sorted(unit_codes)})", code, key=key)
        return MISSING
    return code


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
    unit = _known_unit(reader, "unit", unit_codes)
    target = _non_negative(reader, "target", reader.number("target", required=False))
    realization = _non_negative(reader, "realization", reader.number("realization"))
    capaian = reader.number("printed_capaian", required=False, exact=True)
    category = reader.text("printed_category", required=False)
    location = reader.text("location", required=False) or reader.where()
    if not present(unit, target, realization, capaian, category):
        return None
    return UnitFigure(unit, target, realization, location, capaian, category)


def _unit_figures(
    readers: list[Reader], indicator: Indicator, unit_codes: set[str]
) -> tuple[UnitFigure, ...]:
    figures: list[UnitFigure] = []
    for reader in readers:
        figure = _unit_figure(reader, unit_codes)
        if figure is None:
            continue
        if figure.unit in {f.unit for f in figures}:
            reader.problem("repeats a unit of this indicator", figure.unit, key="unit")
            continue
        if figure.target is not None and figure.target > 0:
            # The report computes the unit's capaian: it must exist.
            reader.build(
                achievement,
                target=figure.target,
                realization=figure.realization,
                polarity=indicator.polarity,
            )
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
            reader.build(
                achievement,
                target=record.target,
                realization=record.realization,
                polarity=indicator.polarity,
            )
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


def _indicator_ref(reader: Reader, codes: set[str]) -> Any:
    code = reader.text("indicator", required=False)
    if isinstance(code, str) and code not in codes:
        reader.problem("must be an indicator code of the agreement", code, key="indicator")
        return MISSING
    return code


def _tahanan(reader: Reader | None, codes: set[str]) -> TahananInput | None:
    if reader is None:
        return None
    reader.check_keys(
        {
            "location",
            "indicator",
            "detainees",
            "escapes",
            "serious_fights",
            "negligent_deaths",
            "printed_value",
        }
    )
    values = (
        reader.text("location", required=False) or reader.where(),
        reader.integer("detainees", minimum=0),
        reader.integer("escapes", minimum=0),
        reader.integer("serious_fights", minimum=0),
        reader.integer("negligent_deaths", minimum=0),
    )
    indicator = _indicator_ref(reader, codes)
    printed = reader.number("printed_value", required=False, exact=True)
    if not present(*values, indicator, printed):
        return None
    _, detainees, escapes, fights, deaths = values
    scored = reader.build(
        tahanan.score,
        detainees=detainees,
        escapes=escapes,
        serious_fights=fights,
        negligent_deaths=deaths,
    )
    if scored is None:
        return None
    return TahananInput(*values, indicator=indicator, printed_value=printed)


def _barang_bukti(reader: Reader | None, codes: set[str]) -> BarangBuktiInput | None:
    if reader is None:
        return None
    reader.check_keys({"location", "indicator", "printed_value", "ledger"})
    ledger = []
    for item in reader.array("ledger"):
        item.check_keys({"type", "unit", "received", "destroyed", "remaining", "used"})
        kind, unit = item.text("type"), item.text("unit")
        amounts = {
            k: item.number(k, required=k != "used")
            for k in ("received", "destroyed", "remaining", "used")
        }
        if not present(kind, unit, *amounts.values()):
            continue
        entry = item.build(_ledger_entry, kind, unit, amounts)
        if entry is not None:
            ledger.append(entry)
    indicator = _indicator_ref(reader, codes)
    printed = reader.number("printed_value", required=False, exact=True)
    location = reader.text("location", required=False) or reader.where()
    if not present(indicator, printed):
        return None
    return BarangBuktiInput(location, tuple(ledger), (), indicator, printed)


def _ledger_entry(kind: str, unit: str, amounts: dict[str, Any]) -> barang_bukti.LedgerEntry:
    quantities = {
        k: barang_bukti.Quantity(v, unit) for k, v in amounts.items() if isinstance(v, Decimal)
    }
    return barang_bukti.LedgerEntry(kind, **quantities)


def _kpkk(reader: Reader | None) -> KpkkInput | None:
    if reader is None:
        return None
    reader.check_keys({"location", "aspects", "scores", "printed"})
    aspects = reader.values("aspects")
    reader.require_items("aspects", "aspect")
    for position, aspect in enumerate(aspects):
        if not isinstance(aspect, str) or not aspect.strip():
            reader.problem("must be a non-empty string", aspect, key=f"aspects[{position}]")
        elif rule := text_problem(aspect):  # the one text policy, as Reader.text applies it
            reader.problem(rule, key=f"aspects[{position}]")
    rows = reader.values("scores")
    matrix = []
    for position, row in enumerate(rows):
        if not isinstance(row, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in row
        ):
            reader.problem("must be rows of integer scores", row, key=f"scores[{position}]")
            continue
        if len(row) != len(aspects):
            reader.problem(
                f"must have one score per aspect ({len(aspects)})",
                len(row),
                key=f"scores[{position}]",
            )
            continue
        matrix.append(tuple(row))
    printed: dict[str, Any] = {}
    table = reader.table_at("printed", required=False)
    if table is not None:
        table.check_keys(
            {
                "respondent_totals",
                "respondent_means",
                "respondent_categories",
                "aspect_sums",
                "aspect_means",
                "aspect_categories",
                "overall_mean",
                "overall_category",
                "respondents_per_category",
            }
        )
        lengths = {"respondent": (len(rows), "respondent"), "aspect": (len(aspects), "aspect")}
        for key in ("respondent_totals", "aspect_sums"):
            if table.has(key):
                printed[key] = tuple(_typed_list(table, key, int, "an integer"))
        for key in ("respondent_means", "aspect_means"):
            if table.has(key):
                printed[key] = tuple(_exact_list(table, key))
        for key in ("respondent_categories", "aspect_categories"):
            if table.has(key):
                printed[key] = tuple(_typed_list(table, key, str, "a category label"))
        for key in (
            "respondent_totals",
            "respondent_means",
            "respondent_categories",
            "aspect_sums",
            "aspect_means",
            "aspect_categories",
        ):
            expected, what = lengths[key.split("_")[0]]
            given = table.values(key) if table.has(key) else None
            if given is not None and len(given) != expected:
                # A shorter or longer printed list would be compared only in part.
                table.problem(f"must have one value per {what} ({expected})", len(given), key=key)
        if table.has("overall_mean"):
            printed["overall_mean"] = table.number("overall_mean", exact=True)
        if table.has("overall_category"):
            printed["overall_category"] = table.text("overall_category")
        counts = table.table_at("respondents_per_category", required=False)
        if counts is not None:
            printed["respondents_per_category"] = {
                k: counts.integer(k, minimum=0) for k in counts.table
            }
    location = reader.text("location", required=False) or reader.where()
    if len(matrix) != len(rows) or not matrix:
        if not rows:
            reader.problem("must have at least one respondent", key="scores")
        return None
    result = reader.build(kpkk.score, [list(row) for row in matrix], at="scores")
    if result is None:
        return None
    counts = printed.get("respondents_per_category", {})
    for label in counts:
        if label not in result.scheme.labels:
            reader.problem(
                f"must be labels of {result.scheme.name!r}",
                label,
                key=f"printed.respondents_per_category.{label}",
            )
    return KpkkInput(location, tuple(str(a) for a in aspects), tuple(matrix), printed)


def _typed_list(reader: Reader, key: str, kind: type, what: str) -> list[Any]:
    out = []
    for position, value in enumerate(reader.values(key)):
        if isinstance(value, bool) or not isinstance(value, kind):
            reader.problem(f"must be {what}", value, key=f"{key}[{position}]")
        elif isinstance(value, str) and (rule := text_problem(value)):
            reader.problem(rule, key=f"{key}[{position}]")
        else:
            out.append(value)
    return out


def _exact_list(reader: Reader, key: str) -> list[Decimal]:
    out = []
    for position, value in enumerate(reader.values(key)):
        if not isinstance(value, str):
            reader.problem(
                'must be written as strings ("2.60") to keep their decimals',
                value,
                key=f"{key}[{position}]",
            )
            continue
        number = Reader({"v": value}, reader.where(f"{key}[{position}]"), reader.problems).number(
            "v"
        )
        if isinstance(number, Decimal):
            out.append(number)
    return out


_DOMAINS = ("physical", "psychological", "social", "environment")


def _whoqol(reader: Reader | None, codes: set[str], unit_codes: set[str]) -> WhoqolInput | None:
    if reader is None:
        return None
    reader.check_keys({"location", "indicator", "units", "printed_pooled"})
    units: list[WhoqolUnitInput] = []
    items = reader.array("units")
    reader.require_items("units", "unit")
    for item in items:
        item.check_keys({"unit", "clients", "improved", "printed"})
        unit = _known_unit(item, "unit", unit_codes)
        clients = item.integer("clients", minimum=1)
        improved_reader = item.table_at("improved")
        assert improved_reader is not None
        improved_reader.check_keys(set(_DOMAINS))
        improved = {d: improved_reader.integer(d, minimum=0) for d in _DOMAINS}
        printed = _printed_numbers(
            item.table_at("printed", required=False), {*_DOMAINS, "overall"}
        )
        if unit in {u.unit for u in units}:
            item.problem("repeats a unit of the table", unit, key="unit")
            continue
        if not present(unit, clients, *improved.values()):
            continue
        if item.build(whoqol.from_counts, assessed=clients, **improved) is not None:
            units.append(WhoqolUnitInput(unit, clients, improved, printed))
    pooled = _printed_numbers(
        reader.table_at("printed_pooled", required=False), {*_DOMAINS, "overall"}
    )
    indicator = _indicator_ref(reader, codes)
    location = reader.text("location", required=False) or reader.where()
    if not present(indicator):
        return None
    return WhoqolInput(location, tuple(units), indicator, pooled)


def _printed_numbers(reader: Reader | None, keys: set[str]) -> dict[str, Decimal]:
    if reader is None:
        return {}
    reader.check_keys(keys)
    out = {}
    for key in sorted(keys):
        value = reader.number(key, required=False, exact=True)
        if isinstance(value, Decimal):
            out[key] = value
    return out


def _ikpa(readers: list[Reader], unit_codes: set[str]) -> tuple[IkpaUnitInput, ...]:
    out: list[IkpaUnitInput] = []
    for reader in readers:
        before = len(reader.problems)
        reader.check_keys(
            {"unit", "location", "year", "values", "weights", "dispensasi", "target", "printed"}
        )
        unit = _known_unit(reader, "unit", unit_codes)
        year = reader.integer("year", minimum=1900)
        rules = (
            reader.build(ikpa.rules_for_year, year, at="year") if isinstance(year, int) else None
        )
        values_reader = reader.table_at("values")
        assert values_reader is not None
        values: dict[str, Decimal | ikpa.NotApplicable] = {}
        for name, raw in values_reader.table.items():
            if raw == "n/a":
                values[name] = ikpa.NOT_APPLICABLE
            else:
                values[name] = values_reader.number(name, exact=True)
        if rules is not None:
            values_reader.check_keys(set(rules.names))
        weights_reader = reader.table_at("weights", required=False)
        weights = None
        if weights_reader is not None:
            weights = {
                name: weights_reader.integer(name, minimum=0) for name in weights_reader.table
            }
        dispensasi = reader.number("dispensasi", required=False) or Decimal(0)
        target = reader.number("target", required=False)
        printed = _printed_numbers(
            reader.table_at("printed", required=False), {"total", "conversion", "value"}
        )
        location = reader.text("location", required=False) or reader.where()
        clean = len(reader.problems) == before
        if present(unit, year, dispensasi, target, *values.values()) and rules and clean:
            scored = reader.build(
                ikpa.score,
                values,
                rules=year,
                dispensasi=dispensasi,
                weights=weights,
                target=target,
            )
            if unit in {u.unit for u in out}:
                reader.problem("repeats a unit", unit, key="unit")
            elif scored is not None:
                out.append(
                    IkpaUnitInput(
                        unit, location, year, values, dispensasi, weights, target, printed
                    )
                )
    return tuple(out)


def _nka(readers: list[Reader], unit_codes: set[str]) -> tuple[NkaUnitInput, ...]:
    out: list[NkaUnitInput] = []
    for reader in readers:
        reader.check_keys({"unit", "location", "planning", "execution", "target", "printed"})
        unit = _known_unit(reader, "unit", unit_codes)
        planning, execution = reader.number("planning"), reader.number("execution")
        target = reader.number("target", required=False)
        printed = _printed_numbers(
            reader.table_at("printed", required=False), {"value", "capaian"}
        )
        location = reader.text("location", required=False) or reader.where()
        if not present(unit, planning, execution, target):
            continue
        if unit in {u.unit for u in out}:
            reader.problem("repeats a unit", unit, key="unit")
        elif (
            reader.build(nka.score, planning=planning, execution=execution, target=target)
            is not None
        ):
            out.append(NkaUnitInput(unit, location, planning, execution, target, printed))
    return tuple(out)


def _budget_row(reader: Reader) -> anggaran.PrintedRow | None:
    reader.check_keys({"label", "pagu", "blokir", "realisasi", "sisa", "percentage"})
    label = reader.text("label")
    amounts = {}
    # The data set's keys (docs/dataset.md) -> PrintedRow's keywords.
    for key, keyword in (
        ("pagu", "pagu"),
        ("blokir", "blokir"),
        ("realisasi", "realization"),
        ("sisa", "sisa"),
    ):
        value = reader.integer(key, required=False, minimum=0)
        if value is not MISSING:
            amounts[keyword] = value
    percentage = reader.number("percentage", required=False, exact=True)
    if not present(label, percentage):
        return None
    return reader.build(anggaran.PrintedRow, label, percentage=percentage, **amounts)


def _check_budget_row(
    reader: Reader, row: anggaran.PrintedRow | None, treatment: anggaran.BlokirTreatment
) -> None:
    """The report computes each row's realisation (0 / 0 aside): it must exist."""
    if row is None or row.pagu is None or row.realization is None:
        return
    if row.pagu == 0 and row.realization == 0:
        return
    reader.build(
        anggaran.line_realization,
        pagu=row.pagu,
        realization=row.realization,
        blokir=row.blokir or 0,
        blokir_treatment=treatment,
        label=row.label,
    )


def _anggaran(reader: Reader | None) -> AnggaranInput | None:
    if reader is None:
        return None
    reader.check_keys({"tables", "agreements"})
    tables = []
    for table in reader.array("tables"):
        table.check_keys(
            {"location", "rounding", "total_rounding", "blokir_treatment", "rows", "total"}
        )
        location = table.text("location")
        rounding = table.choice("rounding", _ROUNDINGS)
        total_rounding = (
            table.choice("total_rounding", _ROUNDINGS) if table.has("total_rounding") else None
        )
        treatment = table.choice(
            "blokir_treatment", _BLOKIR, default=anggaran.BlokirTreatment.UNSPENT
        )
        row_readers = table.array("rows", required=False)
        rows = [_budget_row(r) for r in row_readers]
        total_reader = table.table_at("total", required=False)
        total = _budget_row(total_reader) if total_reader is not None else None
        if treatment is not MISSING:
            for row_reader, row in ((*pair,) for pair in zip(row_readers, rows, strict=True)):
                _check_budget_row(row_reader, row, treatment)
            if total_reader is not None:
                _check_budget_row(total_reader, total, treatment)
        usable = present(location, rounding, total_rounding, treatment) and None not in rows
        if usable and (total_reader is None or total is not None):
            built = table.build(
                anggaran.PrintedTable, location, rows, rounding, total, total_rounding, treatment
            )
            if built is not None:
                tables.append(built)
    agreements: list[anggaran.Agreement] = []
    for item in reader.array("agreements", required=False):
        item.check_keys({"location", "printed", "other_location", "other"})
        values = (
            item.text("location"),
            item.number("printed", exact=True),
            item.text("other_location"),
            item.number("other", exact=True),
        )
        if present(*values):
            agreement = item.build(anggaran.Agreement, *values)
            if agreement is not None:
                agreements.append(agreement)
    return AnggaranInput(tuple(tables), tuple(agreements))


def _kepegawaian(reader: Reader | None, unit_codes: set[str]) -> KepegawaianInput | None:
    if reader is None:
        return None
    reader.check_keys(
        {"location", "units", "printed_total", "text_total", "text_location", "printed_fulfilment"}
    )
    units: list[kepegawaian.UnitStaff] = []
    items = reader.array("units")
    reader.require_items("units", "unit")
    for item in items:
        item.check_keys({"unit", "required", "staff"})
        unit = _known_unit(item, "unit", unit_codes)
        required = item.integer("required", minimum=0)
        staff_reader = item.table_at("staff")
        assert staff_reader is not None
        staff = {status: staff_reader.integer(status, minimum=0) for status in staff_reader.table}
        if unit in {u.unit for u in units}:
            item.problem("repeats a unit of the table", unit, key="unit")
            continue
        if present(unit, required, *staff.values()):
            built = item.build(kepegawaian.UnitStaff, unit, staff, required=required)
            if built is not None:
                units.append(built)
    fulfilment = {}
    table = reader.table_at("printed_fulfilment", required=False)
    if table is not None:
        for code in table.table:
            if code not in unit_codes:
                table.problem("must be a unit of the data set", code, key=code)
                continue
            if code not in {u.unit for u in units}:
                table.problem("must be a unit of kepegawaian.units", code, key=code)
                continue
            value = table.number(code, exact=True)
            if isinstance(value, Decimal):
                fulfilment[code] = value
    values = (
        reader.text("location", required=False) or reader.where(),
        reader.integer("printed_total", required=False, minimum=0),
        reader.integer("text_total", required=False, minimum=0),
        reader.text("text_location", required=False) or "",
    )
    if not present(*values):
        return None
    return KepegawaianInput(values[0], tuple(units), values[1], values[2], values[3], fulfilment)


def _zona(reader: Reader | None, codes: set[str]) -> ZonaIntegritasInput | None:
    if reader is None:
        return None
    reader.check_keys({"location", "unit", "indicator", "ranking"})
    rows = []
    names = set()
    for item in reader.array("ranking"):
        item.check_keys({"unit", "pengungkit", "hasil", "printed_total", "printed_rank"})
        row = (
            item.text("unit"),
            item.number("pengungkit"),
            item.number("hasil"),
            item.number("printed_total", required=False, exact=True),
            item.integer("printed_rank", required=False, minimum=1),
        )
        if isinstance(row[0], str) and row[0] in names:
            item.problem("repeats a unit of the ranking", row[0], key="unit")
            continue
        names.add(row[0])
        if not present(*row):
            continue
        if item.build(zona_integritas.score, pengungkit=row[1], hasil=row[2]) is not None:
            rows.append(row)
    reader.require_items("ranking", "unit")
    unit = reader.text("unit")
    if isinstance(unit, str) and unit not in names:
        reader.problem("must be one of the ranked units", unit, key="unit")
        unit = MISSING
    indicator = _indicator_ref(reader, codes)
    location = reader.text("location", required=False) or reader.where()
    if not present(unit, indicator):
        return None
    return ZonaIntegritasInput(location, unit, tuple(rows), indicator)
