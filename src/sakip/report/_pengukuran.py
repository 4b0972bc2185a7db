"""The Pengukuran Kinerja table (BAB III A / BAB IV A): one row per indicator.

Rows follow the data set's sasaran in order; each names its sasaran and the
formula that gave its capaian. :func:`sakip.report.compute.compute_report`
wraps the parts in a :class:`~sakip.report.compute.Table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from sakip.capaian import TargetStatus
from sakip.report.dataset import DataSet, IndicatorEntry

if TYPE_CHECKING:
    from sakip.report.compute import Cell, ExcludedRow, IndicatorRow

__all__ = ["NOT_COMPUTABLE_LABEL", "STATUS_LABELS", "pengukuran"]

#: The category shown for an indicator without a capaian.
NOT_COMPUTABLE_LABEL = "tidak dapat dihitung"

#: How the table names an indicator's standing against its target.
STATUS_LABELS = {
    TargetStatus.ABOVE: "melebihi target",
    TargetStatus.AT: "sesuai target",
    TargetStatus.BELOW: "tidak mencapai target",
}

_QUARTER_COLUMNS = ("TW I", "TW II", "TW III", "TW IV")


def pengukuran(
    dataset: DataSet, rows: Sequence[IndicatorRow], excluded: Sequence[ExcludedRow]
) -> tuple[tuple[str, ...], tuple[tuple[Cell, ...], ...], str]:
    """The columns, rows and note of the Pengukuran Kinerja table.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> columns, rows, note = pengukuran(report.dataset, report.indicators, report.excluded)
    >>> columns[-2:], rows[9][-1]
    (('Sasaran', 'Rumus capaian'), 'realisasi / target x 100')
    """
    # The TW I-IV columns appear only when some indicator has quarters, so a
    # data set without them keeps the table it always had.
    quarterly = any(entry.quarters for entry in dataset.entries)
    # Each row names its sasaran and formula (rows come grouped by sasaran, as listed).
    sasaran = {o.code: f"{o.code} {o.name}" for o in dataset.agreement.objectives}
    by_code: dict[str, tuple[Cell, ...]] = {}
    for row in rows:
        by_code[row.entry.indicator.code] = _pengukuran_row(
            row.entry,
            row.result.realization,
            (row.displayed, row.result.category.label, STATUS_LABELS[row.result.status]),
            quarterly,
        )
    for item in excluded:
        by_code[item.entry.indicator.code] = _pengukuran_row(
            item.entry,
            item.excluded.realization,
            (None, NOT_COMPUTABLE_LABEL, STATUS_LABELS[item.excluded.status]),
            quarterly,
        )
    note = "Capaian menurut rumus tiap baris; kategori dari nilai capaian eksak (CAPAIAN_LKIP)."
    if quarterly:
        note += " TW I-IV: realisasi per triwulan; realisasi tahunan menurut aturan agregasi indikator."
    if excluded:
        codes = ", ".join(item.entry.indicator.code for item in excluded)
        note += (
            f" Tanpa capaian (target 0, semakin rendah semakin baik): {codes};"
            " ditampilkan realisasinya saja, tidak dihitung dalam rata-rata dan jumlah."
        )
    return (
        (
            "No",
            "Indikator Kinerja",
            "Target",
            "Realisasi",
            *(_QUARTER_COLUMNS if quarterly else ()),
            "Satuan",
            "Capaian (%)",
            "Kategori",
            "Status",
            "Sasaran",
            "Rumus capaian",
        ),
        tuple(
            (*by_code[e.indicator.code], sasaran[e.objective], _formula(e))
            for e in dataset.entries
        ),
        note,
    )


def _formula(entry: IndicatorEntry) -> str:
    """The row's capaian formula (the column is named "Rumus capaian": no prefix)."""
    return entry.indicator.achievement_rule.removeprefix("capaian = ")


def _pengukuran_row(
    entry: IndicatorEntry,
    realization: Decimal,
    measured: tuple[Cell, Cell, Cell],
    quarterly: bool,
) -> tuple[Cell, ...]:
    quarters: tuple[Cell, ...] = ()
    if quarterly:
        quarters = (*entry.quarters, *(None,) * (4 - len(entry.quarters)))
    target = entry.target
    return (
        entry.indicator.code,
        entry.indicator.name,
        # A range target prints as "80-90".
        target if isinstance(target, Decimal) else str(target),
        realization,
        *quarters,
        entry.indicator.unit_of_measure,
        *measured,
    )
