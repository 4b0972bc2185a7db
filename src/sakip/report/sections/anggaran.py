"""``[anggaran]``: the budget tables as printed, their computed totals, and their reconciliation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

import sakip.instruments.anggaran as anggaran
from sakip.findings import Finding
from sakip.instruments._money import total as money_total
from sakip.numbers import Rounding, RoundingPolicy
from sakip.report.reader import MISSING, Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = [
    "ANGGARAN",
    "BUDGET_TOTAL_LABEL",
    "AnggaranInput",
    "AnggaranOutcome",
    "AnggaranSection",
    "BudgetTable",
    "budget_total",
]

_ROUNDINGS = {rounding.value: rounding for rounding in Rounding}
# The data set's values (docs/dataset.md) -> the enum.
_BLOKIR = {
    "unspent": anggaran.BlokirTreatment.UNSPENT,
    "realised": anggaran.BlokirTreatment.REALIZED,
}
_BUDGET_COLUMNS = {"pagu": "pagu", "blokir": "blokir", "realization": "realisasi", "sisa": "sisa"}

#: The label of a budget total computed for a table that prints none.
BUDGET_TOTAL_LABEL = "Jumlah"

Line = anggaran.BudgetRealization | None
"""A row's computed realisation; ``None`` without pagu or realisasi, or for 0 / 0."""


@attrs.frozen
class AnggaranInput:
    """The budget tables as printed, and figures that two places must agree on.

    ``indicators`` names, for each table, the indicator whose realisation is
    the table's total realisation percentage (``None`` for none).

    Examples
    --------
    >>> AnggaranInput(()).agreements
    ()
    """

    tables: tuple[anggaran.PrintedTable, ...]
    agreements: tuple[anggaran.Agreement, ...] = ()
    indicators: tuple[str | None, ...] = ()


@attrs.frozen
class BudgetTable:
    """A budget table with the total row the report shows and every row's computed line.

    Attributes
    ----------
    table : PrintedTable
    total : PrintedRow or None
        :func:`budget_total` of the table.
    lines : tuple
        The realisation of each row, then of the total (``None`` where the
        row has no pagu or realisasi, or both are 0).
    """

    table: anggaran.PrintedTable
    total: anggaran.PrintedRow | None
    lines: tuple[Line, ...]

    def percentage(self, row: anggaran.PrintedRow, line: Line, places: int) -> Any:
        """The displayed realisation % of a row (the total with its own rounding)."""
        if line is None or line.value is None:
            return None
        rounding = self.table.rounding
        if row is self.total and self.table.total_rounding:
            rounding = self.table.total_rounding
        return RoundingPolicy(places, rounding).apply(line.value)


@attrs.frozen
class AnggaranOutcome:
    """Each table with its computed lines, and the reconciliation's findings.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> outcome = load_dataset().result(ANGGARAN)
    >>> outcome.tables[0].total.label, len(outcome.findings) > 0
    ('JUMLAH', True)
    """

    tables: tuple[BudgetTable, ...]
    findings: tuple[Finding, ...]


class AnggaranSection(base.Section[AnggaranInput, AnggaranOutcome]):
    """``[anggaran]``: tables, totals (computed when not printed), agreements, indicators.

    Examples
    --------
    >>> ANGGARAN.key
    'anggaran'
    """

    key = "anggaran"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[AnggaranInput, AnggaranOutcome] | None:
        """Read the tables and agreements; compute every row, total and reconciliation."""
        reader.check_keys({"tables", "agreements"})
        tables: list[anggaran.PrintedTable] = []
        budgets: list[BudgetTable] = []
        indicators: list[str | None] = []
        for item in reader.array("tables"):
            budget = _table(item, context)
            if budget is not None:
                tables.append(budget[0].table)
                budgets.append(budget[0])
                indicators.append(budget[1])
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
        data = AnggaranInput(tuple(tables), tuple(agreements), tuple(indicators))
        findings = reader.build(anggaran.reconcile, data.tables, data.agreements)
        return (
            None
            if findings is None
            else base.Parsed(data, AnggaranOutcome(tuple(budgets), findings))
        )

    def compute(self, data: AnggaranInput) -> AnggaranOutcome:
        """Every row's realisation, each table's total, and the reconciliation."""
        budgets = []
        for table in data.tables:
            total = budget_total(table)
            rows = (*table.rows, *(() if total is None else (total,)))
            lines = tuple(_line(row, table.blokir_treatment) for row in rows)
            budgets.append(BudgetTable(table, total, lines))
        return AnggaranOutcome(tuple(budgets), anggaran.reconcile(data.tables, data.agreements))

    def tables(
        self, data: AnggaranInput, result: AnggaranOutcome, dataset: DataSet
    ) -> list[base.Table]:
        """One table per printed budget table, ending with its total row."""
        places = dataset.policies["budget"].places
        out = []
        for position, budget in enumerate(result.tables, 1):
            table = budget.table
            rows: list[tuple[base.Cell, ...]] = []
            shown = (*table.rows, *(() if budget.total is None else (budget.total,)))
            for row, line in zip(shown, budget.lines, strict=True):
                if row.pagu is None or row.realization is None:
                    rows.append((row.label, row.pagu, row.blokir, row.realization, None, None))
                elif line is None:  # 0 / 0
                    rows.append((row.label, 0, row.blokir, 0, 0, None))
                else:
                    percentage = budget.percentage(row, line, places)
                    rows.append(
                        (row.label, row.pagu, row.blokir, row.realization, line.sisa, percentage)
                    )
            out.append(
                base.Table(
                    f"anggaran_{position}",
                    table.location,
                    ("Uraian", "Pagu", "Blokir", "Realisasi", "Sisa", "Realisasi (%)"),
                    tuple(rows),
                    f"Realisasi / pagu x 100, dibulatkan {table.rounding.value}; "
                    f"blokir {table.blokir_treatment.value}.",
                )
            )
        return out

    def audit(
        self, data: AnggaranInput, result: AnggaranOutcome, dataset: DataSet, tally: base.Tally
    ) -> Iterator[Finding]:
        """The reconciliation's findings; each compared figure is tallied."""
        for location in _budget_comparisons(data):
            tally.saw(location)
        yield from result.findings

    def feeds(
        self, data: AnggaranInput, result: AnggaranOutcome, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicators whose realisation is a table's total realisation %."""
        places = dataset.policies["budget"].places
        for budget, indicator in zip(result.tables, data.indicators, strict=True):
            total, line = budget.total, budget.lines[-1] if budget.lines else None
            if indicator is None or total is None or line is None or line.value is None:
                continue
            rounding = budget.table.total_rounding or budget.table.rounding
            yield base.Feed(
                indicator,
                f"{budget.table.location} / {total.label}",
                line.value,
                RoundingPolicy(places, rounding),
                "the indicator's realisation is the table's total realisation (realisasi / "
                "pagu x 100)",
            )


def _line(row: anggaran.PrintedRow, treatment: anggaran.BlokirTreatment) -> Line:
    """The row's realisation (``None`` without pagu or realisasi, or for 0 / 0)."""
    if row.pagu is None or row.realization is None:
        return None
    if row.pagu == 0 and row.realization == 0:
        return None
    return anggaran.line_realization(
        pagu=row.pagu,
        realization=row.realization,
        blokir=row.blokir or 0,
        blokir_treatment=treatment,
        label=row.label,
    )


def _table(reader: Reader, context: base.ParseContext) -> tuple[BudgetTable, str | None] | None:
    """One ``[[anggaran.tables]]`` entry, each row's realisation computed where it is read."""
    reader.check_keys(
        {"location", "rounding", "total_rounding", "blokir_treatment", "rows", "total",
         "indicator"}
    )  # fmt: skip
    location = reader.text("location")
    rounding = reader.choice("rounding", _ROUNDINGS)
    total_rounding = (
        reader.choice("total_rounding", _ROUNDINGS) if reader.has("total_rounding") else None
    )
    treatment = reader.choice(
        "blokir_treatment", _BLOKIR, default=anggaran.BlokirTreatment.UNSPENT
    )
    indicator = base.indicator_ref(reader, context.indicator_codes)
    row_readers = reader.array("rows", required=False)
    rows = [_budget_row(r) for r in row_readers]
    total_reader = reader.table_at("total", required=False)
    printed_total = _budget_row(total_reader) if total_reader is not None else None
    lines: list[Line] = []
    if treatment is not MISSING:
        for row_reader, row in zip(row_readers, rows, strict=True):
            if row is not None:
                # The report computes each row's realisation (0 / 0 aside): it must exist.
                lines.append(row_reader.build(_line, row, treatment))
    usable = present(location, rounding, total_rounding, treatment, indicator)
    if not usable or None in rows or (total_reader is not None and printed_total is None):
        return None
    table = reader.build(
        anggaran.PrintedTable, location, rows, rounding, printed_total, total_rounding, treatment
    )
    if (
        table is None
        or len(lines) != len(rows)
        or any(
            line is None and _line_expected(row)
            for row, line in zip(table.rows, lines, strict=True)
        )
    ):
        return None
    total = budget_total(table)
    if total is not None:
        # The total row shown (printed, or summed from the rows) has a realisation too.
        lines.append((total_reader or reader).build(_line, total, treatment))
        if lines[-1] is None and _line_expected(total):
            return None
    return BudgetTable(table, total, tuple(lines)), indicator


def _line_expected(row: anggaran.PrintedRow) -> bool:
    """Whether the row has a realisation (so a ``None`` line means a recorded problem)."""
    return (
        row.pagu is not None
        and row.realization is not None
        and not (row.pagu == 0 and row.realization == 0)
    )


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


def _budget_comparisons(data: AnggaranInput) -> Iterator[str]:
    """The printed budget figures :func:`sakip.instruments.anggaran.reconcile` compares."""
    for table in data.tables:
        for row in (*table.rows, *(() if table.total is None else (table.total,))):
            if row.pagu is None or row.realization is None:
                continue
            where = f"{table.location} / {row.label}"
            yield f"{where} / realisasi"
            if row.sisa is not None:
                yield f"{where} / sisa"
            if row.percentage is not None:
                yield f"{where} / %"
        if table.total is None or not table.rows:
            continue
        for column, label in _BUDGET_COLUMNS.items():
            cells = [getattr(row, column) for row in table.rows]
            if getattr(table.total, column) is not None and any(c is not None for c in cells):
                yield f"{table.location} / {table.total.label} / {label}"
    for agreement in data.agreements:
        yield agreement.location


ANGGARAN = AnggaranSection()
"""The ``[anggaran]`` section."""
