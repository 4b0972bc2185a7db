"""The instrument sections of an LKIP data set: their inputs and how they are read.

Split from :mod:`sakip.report.dataset`, which re-exports the input classes;
each ``_<section>(reader, ...)`` reads one section of the TOML document,
records every problem on the reader, and returns the typed input (or
``None`` when the section is absent or unusable).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

import sakip.instruments.anggaran as anggaran
import sakip.instruments.barang_bukti as barang_bukti
import sakip.instruments.ikpa as ikpa
import sakip.instruments.kepegawaian as kepegawaian
import sakip.instruments.kpkk as kpkk
import sakip.instruments.nka as nka
import sakip.instruments.tahanan as tahanan
import sakip.instruments.whoqol as whoqol
import sakip.instruments.zona_integritas as zona_integritas
from sakip.instruments._money import total as money_total
from sakip.numbers import Rounding
from sakip.report.reader import MISSING, Reader, present
from sakip.report.safety import text_problem

_ROUNDINGS = {rounding.value: rounding for rounding in Rounding}

# The data set's values (docs/dataset.md) -> the enum.
_BLOKIR = {
    "unspent": anggaran.BlokirTreatment.UNSPENT,
    "realised": anggaran.BlokirTreatment.REALIZED,
}


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


def _known_unit(reader: Reader, key: str, unit_codes: set[str]) -> Any:
    code = reader.text(key)
    if code is not MISSING and code not in unit_codes:
        reader.problem(f"must be a unit of the data set ({sorted(unit_codes)})", code, key=key)
        return MISSING
    return code


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


def _amount(reader: Reader, key: str) -> Any:
    """A rupiah amount: a TOML integer, or a string with at most two decimals (sen).

    ``pagu = 4281671000`` or ``pagu = "1234567354.53"``; a TOML float is
    refused (money never passes through binary floating point).
    """
    raw = reader.raw(key, required=False)
    if raw is None or not isinstance(raw, str):
        if isinstance(raw, float):
            reader.problem(
                'must be an integer or a string with at most two decimals ("1234567354.53")',
                raw,
                key=key,
            )
            return MISSING
        return reader.integer(key, required=False, minimum=0)
    value = reader.number(key, exact=True)
    if value is MISSING:
        return MISSING
    if value < 0:
        reader.problem("must be >= 0", value, key=key)
        return MISSING
    amount = reader.build(anggaran.rupiah, value, field=key, at=key)
    return MISSING if amount is None else amount


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
        value = _amount(reader, key)
        if value is not MISSING:
            amounts[keyword] = value
    percentage = reader.number("percentage", required=False, exact=True)
    if not present(label, percentage):
        return None
    return reader.build(anggaran.PrintedRow, label, percentage=percentage, **amounts)


#: The label of a budget total computed for a table that prints none.
BUDGET_TOTAL_LABEL = "Jumlah"


def budget_total(table: anggaran.PrintedTable) -> anggaran.PrintedRow | None:
    """The Jumlah row the report shows: the printed total's amounts, else the sum of the rows.

    A table without ``total`` gets one labelled ``Jumlah``; a printed total
    keeps its label, and each of pagu, blokir and realisasi it leaves out is
    the sum of the rows (the printed ones are shown as printed: the audit
    compares them with the sums). Sisa and the percentage are computed from
    these amounts by the report. A table without rows keeps its printed total.

    Examples
    --------
    >>> table = anggaran.PrintedTable("tabel", [
    ...     anggaran.PrintedRow("Belanja Pegawai", pagu=4218311000, realization=3770214000),
    ...     anggaran.PrintedRow("Belanja Barang", pagu=3642614000, realization=3500000000)],
    ...     rounding=Rounding.HALF_UP)
    >>> row = budget_total(table)
    >>> row.label, row.pagu, row.realization, row.blokir
    ('Jumlah', 7860925000, 7270214000, None)
    """
    printed = table.total
    if not table.rows:
        return printed
    amounts: dict[str, Any] = {}
    for column in ("pagu", "blokir", "realization"):
        value = None if printed is None else getattr(printed, column)
        cells = [getattr(row, column) for row in table.rows]
        if value is None and any(cell is not None for cell in cells):
            value = money_total((cell or 0 for cell in cells), field=column)
        amounts[column] = value
    label = BUDGET_TOTAL_LABEL if printed is None else printed.label
    sisa = None if printed is None else printed.sisa
    return anggaran.PrintedRow(label, sisa=sisa, **amounts)


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
