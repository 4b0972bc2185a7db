"""The computed LKIP: every table of the report, recomputed from a data set.

:func:`compute_report` evaluates the agreement, summarises it, and adds
the tables of each instrument section (:mod:`sakip.report.sections`, whose
results were computed once, when the data set was read). It produces
:class:`Table` s whose cells are
already the displayed values (rounded with the data set's policies), so
renderers only format them and never recompute anything; the exact values
stay on the :class:`LkipReport` for tools that want them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

import attrs

from sakip.bands import BandScheme
from sakip.capaian import achievement, target_status
from sakip.errors import OutOfBandError
from sakip.indicators import ExcludedIndicator, IndicatorResult, evaluate_with_exclusions
from sakip.numbers import RoundingPolicy
from sakip.report._pengukuran import NOT_COMPUTABLE_LABEL as NOT_COMPUTABLE_LABEL
from sakip.report._pengukuran import STATUS_LABELS, pengukuran
from sakip.report.dataset import DataSet, IndicatorEntry
from sakip.report.sections import registry
from sakip.report.sections.base import Cell, Section, Table
from sakip.schemes import CAPAIAN_LKIP
from sakip.summary import (
    Summary,
    SummaryComparison,
    UnitCount,
    compare_summaries,
    count_in_categories,
    count_meeting_targets,
    summarize,
)

__all__ = ["Cell", "ExcludedRow", "IndicatorRow", "LkipReport", "Table", "compute_report"]

ResultT = TypeVar("ResultT")


@attrs.frozen
class IndicatorRow:
    """An indicator's exact result and its displayed capaian."""

    entry: IndicatorEntry
    result: IndicatorResult
    displayed: Decimal


@attrs.frozen
class ExcludedRow:
    """An indicator without a capaian, shown with its realisation only.

    The data set chose ``zero_target = "not_computable"`` for a
    lower-is-better indicator with target 0 and a realisation above 0: it is
    left out of the mean and the counts (:func:`sakip.summary.summarize`
    names it in ``Summary.excluded``), and the Pengukuran Kinerja table
    shows its capaian as empty and its category as ``NOT_COMPUTABLE_LABEL``.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> compute_report(load_dataset()).excluded
    ()
    """

    entry: IndicatorEntry
    excluded: ExcludedIndicator


@attrs.frozen
class LkipReport:
    """The computed LKIP of a data set.

    Attributes
    ----------
    dataset : DataSet
    indicators : tuple of IndicatorRow
        The Pengukuran Kinerja rows, exact and displayed.
    summary : Summary
        Mean capaian (exact), counts against target and per category.
    comparison : SummaryComparison or None
        Against the previous year's counts, when the data set gives them.
    unit_counts : mapping of str to UnitCount
        For count indicators: the units that meet the condition.
    tables : tuple of Table
        Every table, in report order.
    displayed_mean : Decimal or None
        The mean capaian as the document displays it (its capaian policy).
    excluded : tuple of ExcludedRow
        The indicators without a capaian (``zero_target = "not_computable"``),
        not in ``indicators``, the mean or the counts.
    """

    dataset: DataSet
    indicators: tuple[IndicatorRow, ...]
    summary: Summary
    comparison: SummaryComparison | None
    unit_counts: dict[str, UnitCount] = attrs.field(hash=False)
    tables: tuple[Table, ...]
    displayed_mean: Decimal | None = None
    excluded: tuple[ExcludedRow, ...] = ()

    def table(self, key: str) -> Table:
        """The table with this key."""
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def result(self, section: Section[Any, ResultT]) -> ResultT | None:
        """The computed result of a data-set section, typed (``None`` when the data set has none).

        Examples
        --------
        >>> from sakip.report.dataset import load_dataset
        >>> from sakip.report.sections import TAHANAN, WHOQOL
        >>> report = compute_report(load_dataset())
        >>> report.result(TAHANAN).value, report.result(WHOQOL).pooled.value > 0
        (Decimal('100'), True)
        """
        return self.dataset.result(section)


def compute_report(dataset: DataSet) -> LkipReport:
    """Compute every table of the report from a data set.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> report.table("ringkasan").rows[0]
    ('Rata-rata capaian', Decimal('107.34'))
    """
    capaian = dataset.policies["capaian"]
    evaluation = evaluate_with_exclusions(
        dataset.agreement, dataset.realizations, scheme=CAPAIAN_LKIP
    )
    entries = {entry.indicator.code: entry for entry in dataset.entries}
    rows = tuple(
        IndicatorRow(entries[result.indicator.code], result, capaian.apply(result.achievement))
        for result in evaluation.results
    )
    excluded = tuple(
        ExcludedRow(entries[item.indicator.code], item) for item in evaluation.excluded
    )
    summary = summarize(evaluation, scheme=CAPAIAN_LKIP)
    comparison = None
    printed = dataset.summary
    if printed is not None and printed.previous_above is not None:
        assert printed.previous_at is not None and printed.previous_below is not None
        previous = Summary.from_counts(
            above=printed.previous_above, at=printed.previous_at, below=printed.previous_below
        )
        comparison = compare_summaries(summary, previous)
    tables: list[Table] = [
        Table("pengukuran_kinerja", "Pengukuran Kinerja", *pengukuran(dataset, rows, excluded)),
        _ringkasan(summary, comparison, capaian, dataset),
    ]
    unit_counts: dict[str, UnitCount] = {}
    for row in rows:
        if row.entry.units:
            count = _unit_count(row.entry)
            if count is not None:
                unit_counts[row.entry.indicator.code] = count
            tables.append(_units_table(dataset, row.entry, capaian, count))
    for entry in dataset.entries:
        if entry.history is not None:
            tables.append(_history_table(entry, capaian))
    for section in registry.SECTIONS:
        tables += section.report_tables(dataset)
    displayed_mean = None if summary.mean is None else capaian.apply(summary.mean)
    return LkipReport(
        dataset,
        rows,
        summary,
        comparison,
        unit_counts,
        tuple(tables),
        displayed_mean,
        excluded,
    )


def _ringkasan(
    summary: Summary,
    comparison: SummaryComparison | None,
    policy: RoundingPolicy,
    dataset: DataSet,
) -> Table:
    assert summary.mean is not None
    rows: list[tuple[Cell, ...]] = [
        ("Rata-rata capaian", policy.apply(summary.mean)),
        ("Indikator", summary.count),
        ("Melebihi target", summary.above),
        ("Sesuai target", summary.at),
        ("Tidak mencapai target", summary.below),
    ]
    if summary.excluded:
        rows.append(("Tanpa capaian (tidak dihitung)", len(summary.excluded)))
    rows += [(f"Kategori {label}", count) for label, count in summary.categories.items()]
    if comparison is not None and dataset.summary is not None:
        year = dataset.summary.previous_year
        rows += [
            (f"Indikator {year}", comparison.previous.count),
            (f"Melebihi target {year}", comparison.previous.above),
            (f"Sesuai target {year}", comparison.previous.at),
            (f"Tidak mencapai target {year}", comparison.previous.below),
            ("Perubahan melebihi target", comparison.above),
            ("Perubahan tidak mencapai target", comparison.below),
        ]
    return Table("ringkasan", "Ringkasan capaian", ("Ukuran", "Nilai"), tuple(rows))


def _unit_count(entry: IndicatorEntry) -> UnitCount | None:
    rule = entry.count
    if rule is None:
        return None
    figures = {f.unit: f for f in entry.units if f.unit in rule.units}
    values = {unit: figures[unit].realization for unit in rule.units}
    if rule.rule == "meets_target":
        targets = {unit: figures[unit].target for unit in rule.units}
        return count_meeting_targets(values, targets, polarity=entry.indicator.polarity)
    assert rule.scheme is not None
    return count_in_categories(values, rule.scheme, set(rule.categories))


def _units_table(
    dataset: DataSet, entry: IndicatorEntry, policy: RoundingPolicy, count: UnitCount | None
) -> Table:
    rule = entry.count
    rows: list[tuple[Cell, ...]] = []
    for figure in entry.units:
        shown: Cell = None
        met: Cell = None
        if figure.target is not None and figure.target > 0:
            value = achievement(
                target=figure.target,
                realization=figure.realization,
                polarity=entry.indicator.polarity,
                cap=entry.indicator.cap,
            )
            shown = None if value is None else policy.apply(value)
        category: Cell = None
        if rule is not None and rule.scheme is not None:
            category = _category_or_gap(rule.scheme, figure.realization)
        if count is not None:
            met = (
                "ya"
                if figure.unit in count.met
                else ("tidak" if figure.unit in count.not_met else None)
            )
        rows.append(
            (
                dataset.unit_name(figure.unit),
                figure.target,
                figure.realization,
                shown,
                category,
                met,
            )
        )
    note = ""
    if count is not None:
        note = f"Dihitung: {count.count} dari {count.total} unit (realisasi data set: {entry.realization})."
    return Table(
        f"unit_{entry.indicator.code}",
        f"Indikator {entry.indicator.code} per satuan kerja",
        ("Satuan kerja", "Target", "Realisasi", "Capaian (%)", "Kategori", "Dihitung"),
        tuple(rows),
        note,
    )


def _category_or_gap(scheme: BandScheme, value: Decimal) -> str:
    try:
        return scheme.classify(value).label
    except OutOfBandError:
        return "(tanpa kategori)"


def _history_table(entry: IndicatorEntry, policy: RoundingPolicy) -> Table:
    history = entry.history
    assert history is not None
    rows: list[tuple[Cell, ...]] = []
    for record in history.records:
        value = history.achievement(record.year)
        national = None
        if record.national_target is not None and record.realization is not None:
            status = target_status(
                target=record.national_target,
                realization=record.realization,
                polarity=entry.indicator.polarity,
            )
            national = STATUS_LABELS[status]
        rows.append(
            (
                str(record.year),
                record.target,
                record.realization,
                None if value is None else policy.apply(value),
                "ya" if record.comparable else "tidak",
                national,
            )
        )
    return Table(
        f"riwayat_{entry.indicator.code}",
        f"Indikator {entry.indicator.code}: perbandingan antar tahun",
        (
            "Tahun",
            "Target",
            "Realisasi",
            "Capaian (%)",
            "Dapat dibandingkan",
            "Terhadap target nasional",
        ),
        tuple(rows),
        entry.indicator.name,
    )
