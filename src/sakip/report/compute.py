"""The computed LKIP: every table of the report, recomputed from a data set.

:func:`compute_report` evaluates the agreement, summarises it, and runs
each instrument on its inputs. It produces :class:`Table` s whose cells are
already the displayed values (rounded with the data set's policies), so
renderers only format them and never recompute anything; the exact values
stay on the :class:`LkipReport` for tools that want them.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

import sakip.instruments.anggaran as anggaran
import sakip.instruments.barang_bukti as barang_bukti
import sakip.instruments.ikm as ikm
import sakip.instruments.ikpa as ikpa
import sakip.instruments.kepegawaian as kepegawaian
import sakip.instruments.kpkk as kpkk
import sakip.instruments.nka as nka
import sakip.instruments.tahanan as tahanan
import sakip.instruments.whoqol as whoqol
import sakip.instruments.zona_integritas as zona_integritas
from sakip.bands import BandScheme
from sakip.capaian import achievement, target_status
from sakip.errors import OutOfBandError
from sakip.indicators import ExcludedIndicator, IndicatorResult, evaluate_with_exclusions
from sakip.numbers import UNBOUNDED, RoundingPolicy
from sakip.report._instrument_sections import budget_total
from sakip.report._pengukuran import NOT_COMPUTABLE_LABEL as NOT_COMPUTABLE_LABEL
from sakip.report._pengukuran import STATUS_LABELS, pengukuran
from sakip.report.dataset import DataSet, IndicatorEntry
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

Cell = str | int | Decimal | None
"""A table cell: text, a count, a displayed (already rounded) number, or empty."""


@attrs.frozen
class Table:
    """One table of the computed report.

    Attributes
    ----------
    key : str
        Stable identifier (``"pengukuran_kinerja"``), used by JSON and CSV.
    title : str
        Title for people.
    columns : tuple of str
        Column headings.
    rows : tuple of tuple of Cell
        Displayed values; numbers already rounded with the data set's policy.
    note : str
        What the table is computed from, or what could not be computed.
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


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
    instruments: dict[str, object] = attrs.field(hash=False)
    tables: tuple[Table, ...]
    displayed_mean: Decimal | None = None
    excluded: tuple[ExcludedRow, ...] = ()

    def table(self, key: str) -> Table:
        """The table with this key."""
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)


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
    instruments: dict[str, object] = {}
    for builder in _INSTRUMENT_TABLES:
        builder(dataset, instruments, tables)
    displayed_mean = None if summary.mean is None else capaian.apply(summary.mean)
    return LkipReport(
        dataset,
        rows,
        summary,
        comparison,
        unit_counts,
        instruments,
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


# --- instruments ------------------------------------------------------------------------


def _tahanan_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.tahanan
    if data is None:
        return
    result = tahanan.score(
        detainees=data.detainees,
        escapes=data.escapes,
        serious_fights=data.serious_fights,
        negligent_deaths=data.negligent_deaths,
    )
    out["tahanan"] = result
    policy = dataset.policies["capaian"]
    tables.append(
        Table(
            "tahanan",
            "Nilai keamanan, ketertiban dan kesehatan tahanan",
            (
                "Jumlah tahanan",
                "Kabur",
                "Perkelahian berat",
                "Meninggal karena kelalaian",
                "Nilai",
            ),
            (
                (
                    data.detainees,
                    data.escapes,
                    data.serious_fights,
                    data.negligent_deaths,
                    policy.apply(result.value),
                ),
            ),
            "(N - (a + b + c)) / N x 100",
        )
    )


def _barang_bukti_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.barang_bukti
    if data is None:
        return
    checks = barang_bukti.check_ledger(data.ledger)
    out["barang_bukti_ledger"] = checks
    rows: list[tuple[Cell, ...]] = []
    for entry in data.ledger:
        used = entry.used.amount if entry.used is not None else Decimal(0)
        rows.append(
            (
                entry.evidence_type,
                entry.unit,
                entry.received.amount,
                entry.destroyed.amount,
                used,
                entry.remaining.amount,
                entry.balance,
            )
        )
    note = "Indeks = rata-rata kecocokan BA penitipan dan BA pengeluaran x 100."
    if data.pairs:
        result = barang_bukti.score(data.pairs)
        out["barang_bukti"] = result
        note += f" Nilai: {result.value}."
    else:
        note += " Data set tidak memuat pasangan BA, jadi indeks tidak dihitung ulang."
    tables.append(
        Table(
            "barang_bukti",
            "Buku barang bukti",
            (
                "Jenis",
                "Satuan",
                "Masuk",
                "Dimusnahkan",
                "Keperluan lain",
                "Belum dimusnahkan",
                "Selisih",
            ),
            tuple(rows),
            note,
        )
    )


def _kpkk_tables(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.kpkk
    if data is None:
        return
    result = kpkk.score([list(row) for row in data.scores])
    out["kpkk"] = result
    policy = dataset.policies["survey"]
    tables.append(
        Table(
            "kpkk_responden",
            "KPKK per responden",
            ("Responden", "Jumlah", "Rata-rata", "Kategori"),
            tuple(
                (position, total, policy.apply(mean), category.label)
                for position, (total, mean, category) in enumerate(
                    zip(
                        result.respondent_totals,
                        result.respondent_means,
                        result.respondent_categories,
                        strict=True,
                    ),
                    1,
                )
            ),
        )
    )
    aspect_rows: list[tuple[Cell, ...]] = [
        (name, total, policy.apply(mean), category.label)
        for name, total, mean, category in zip(
            data.aspects,
            result.aspect_sums,
            result.aspect_means,
            result.aspect_categories,
            strict=True,
        )
    ]
    aspect_rows.append(
        ("Keseluruhan", result.grand_total, policy.apply(result.value), result.category.label)
    )
    tables.append(
        Table(
            "kpkk_aspek",
            "KPKK per aspek",
            ("Aspek", "Jumlah", "Rata-rata", "Kategori"),
            tuple(aspect_rows),
        )
    )


_DOMAIN_TITLES = ("Fisik", "Psikologis", "Sosial", "Lingkungan")


def _whoqol_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.whoqol
    if data is None:
        return
    policy = dataset.policies["survey"]
    results = []
    rows: list[tuple[Cell, ...]] = []
    for unit in data.units:
        result = whoqol.from_counts(assessed=unit.clients, **dict(unit.improved))
        results.append(result)
        rows.append(_whoqol_row(dataset.unit_name(unit.unit), unit.clients, result, policy))
    if results:
        pooled = whoqol.pool(results)
        out["whoqol"] = pooled
        rows.append(
            _whoqol_row("Gabungan (provinsi)", sum(u.clients for u in data.units), pooled, policy)
        )
    tables.append(
        Table(
            "whoqol",
            "Persentase klien dengan peningkatan kualitas hidup (WHOQOL-BREF)",
            ("Satuan kerja", "Klien", *(f"{d} (%)" for d in _DOMAIN_TITLES), "Rata-rata (%)"),
            tuple(rows),
            "Per domain: klien yang skornya naik / klien dinilai; rata-rata = rerata empat domain.",
        )
    )


def _whoqol_row(
    name: str, clients: int, result: whoqol.WhoqolResult, policy: RoundingPolicy
) -> tuple[Cell, ...]:
    return (
        name,
        clients,
        *(policy.apply(d.percent) for d in result.domains),
        policy.apply(result.value),
    )


def _ikpa_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    if not dataset.ikpa:
        return
    policy = dataset.policies["ikpa"]
    rows: list[tuple[Cell, ...]] = []
    results = {}
    for unit in dataset.ikpa:
        result = ikpa.score(
            unit.values,
            rules=unit.year,
            dispensasi=unit.dispensasi,
            weights=unit.weights,
            target=unit.target,
        )
        results[unit.unit] = result
        rows.append(
            (
                dataset.unit_name(unit.unit),
                *(None if s.value is None else s.value for s in result.indicators),
                policy.apply(result.total),
                policy.apply(UNBOUNDED.multiply(result.conversion, Decimal(100))),
                result.dispensasi,
                policy.apply(result.value),
                result.category.label,
                unit.target,
            )
        )
    out["ikpa"] = results
    names = tuple(s.name for s in next(iter(results.values())).indicators)
    tables.append(
        Table(
            "ikpa",
            "Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
            (
                "Satuan kerja",
                *names,
                "Nilai Total",
                "Konversi Bobot (%)",
                "Dispensasi SPM",
                "Nilai Akhir",
                "Kategori",
                "Target",
            ),
            tuple(rows),
            "Nilai Akhir = Nilai Total / Konversi Bobot - Dispensasi SPM; kosong = tidak berlaku.",
        )
    )


def _nka_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    if not dataset.nka:
        return
    shown, capaian = dataset.policies["nka"], dataset.policies["capaian"]
    rows: list[tuple[Cell, ...]] = []
    results = {}
    for unit in dataset.nka:
        result = nka.score(planning=unit.planning, execution=unit.execution, target=unit.target)
        results[unit.unit] = result
        rows.append(
            (
                dataset.unit_name(unit.unit),
                unit.planning,
                unit.execution,
                shown.apply(result.value),
                result.category.label,
                unit.target,
                None if result.achievement is None else capaian.apply(result.achievement),
            )
        )
    out["nka"] = results
    tables.append(
        Table(
            "nka",
            "Nilai Kinerja Anggaran (NKA)",
            (
                "Satuan kerja",
                "NK Perencanaan",
                "NK Pelaksanaan",
                "NKA",
                "Kategori",
                "Target",
                "Capaian (%)",
            ),
            tuple(rows),
            "NKA = 0,5 x NK Perencanaan + 0,5 x NK Pelaksanaan.",
        )
    )


def _anggaran_tables(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.anggaran
    if data is None:
        return
    policy = dataset.policies["budget"]
    for position, table in enumerate(data.tables, 1):
        rows: list[tuple[Cell, ...]] = []
        total = budget_total(table)
        for row in (*table.rows, *(() if total is None else (total,))):
            if row.pagu is None or row.realization is None:
                rows.append((row.label, row.pagu, row.blokir, row.realization, None, None))
                continue
            if row.pagu == 0 and row.realization == 0:
                rows.append((row.label, 0, row.blokir, 0, 0, None))
                continue
            line = anggaran.line_realization(
                pagu=row.pagu,
                realization=row.realization,
                blokir=row.blokir or 0,
                blokir_treatment=table.blokir_treatment,
                label=row.label,
            )
            rounding = (
                table.total_rounding if row is total and table.total_rounding else table.rounding
            )
            percentage = (
                None
                if line.value is None
                else RoundingPolicy(policy.places, rounding).apply(line.value)
            )
            rows.append((row.label, row.pagu, row.blokir, row.realization, line.sisa, percentage))
        tables.append(
            Table(
                f"anggaran_{position}",
                table.location,
                ("Uraian", "Pagu", "Blokir", "Realisasi", "Sisa", "Realisasi (%)"),
                tuple(rows),
                f"Realisasi / pagu x 100, dibulatkan {table.rounding.value}; blokir {table.blokir_treatment.value}.",
            )
        )
    out["anggaran_findings"] = anggaran.reconcile(data.tables, data.agreements)


def _kepegawaian_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.kepegawaian
    if data is None:
        return
    result = kepegawaian.score(data.units)
    out["kepegawaian"] = result
    policy = dataset.policies["staffing"]
    statuses = tuple(kepegawaian.EmploymentStatus)
    rows: list[tuple[Cell, ...]] = []
    for unit in data.units:
        fulfilment = result.unit(unit.unit)
        rows.append(
            (
                dataset.unit_name(unit.unit),
                *(unit.count(status) for status in statuses),
                unit.filled,
                unit.required,
                policy.apply(fulfilment.fulfilment),
            )
        )
    rows.append(
        (
            "Jumlah",
            *(result.count(status) for status in statuses),
            result.filled,
            result.required,
            policy.apply(result.value),
        )
    )
    tables.append(
        Table(
            "kepegawaian",
            "Pemenuhan pegawai terhadap DSP",
            ("Satuan kerja", *(s.value for s in statuses), "Jumlah", "DSP", "Pemenuhan (%)"),
            tuple(rows),
        )
    )


def _zona_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    data = dataset.zona_integritas
    if data is None:
        return
    results = {
        name: zona_integritas.score(pengungkit=p, hasil=h) for name, p, h, _, _ in data.ranking
    }
    ranking = zona_integritas.rank({name: r.value for name, r in results.items()})
    out["zona_integritas"] = results
    out["zona_integritas_ranking"] = ranking
    rows = tuple(
        (
            entry.rank,
            entry.unit,
            results[entry.unit].pengungkit,
            results[entry.unit].hasil,
            entry.total,
        )
        for entry in ranking.entries
    )
    tables.append(
        Table(
            "zona_integritas",
            "Peringkat nilai Zona Integritas",
            ("Peringkat", "Satuan kerja", "Pengungkit", "Hasil", "Jumlah"),
            rows,
            f"{data.unit}: peringkat {ranking.rank_of(data.unit)} dari {ranking.size}.",
        )
    )


_WEIGHT_NAMES = {
    ikm.IkmWeighting.EXACT: "1/9",
    ikm.IkmWeighting.PRINTED_0_111: "0,111",
    ikm.IkmWeighting.PRINTED_0_11: "0,11",
}


def _ikm_table(dataset: DataSet, out: dict[str, object], tables: list[Table]) -> None:
    if not dataset.ikm:
        return
    policy = dataset.policies["survey"]
    results = {entry.key: entry.result() for entry in dataset.ikm}
    out["ikm"] = results
    rows: list[tuple[Cell, ...]] = [
        (
            dataset.unit_name(entry.unit)
            + ("" if entry.semester is None else f", semester {entry.semester}"),
            entry.respondents,
            _WEIGHT_NAMES[entry.weights],
            policy.apply(results[entry.key].value),
            policy.apply(results[entry.key].converted),
            results[entry.key].mutu,
            results[entry.key].kinerja,
        )
        for entry in dataset.ikm
    ]
    tables.append(
        Table(
            "ikm",
            "Indeks Kepuasan Masyarakat (IKM)",
            ("Satuan kerja", "Responden", "Bobot NRR", "Nilai indeks", "Nilai konversi",
             "Mutu", "Kinerja"),
            tuple(rows),
            "Nilai indeks = jumlah NRR x bobot (1/9 menurut PermenPANRB 14/2017; 0,111 atau "
            "0,11 bila data set menyatakan bobot cetak laporan SKM); konversi = indeks x 25.",
        )
    )  # fmt: skip


_INSTRUMENT_TABLES = (
    _tahanan_table,
    _barang_bukti_table,
    _kpkk_tables,
    _whoqol_table,
    _ikpa_table,
    _nka_table,
    _anggaran_tables,
    _kepegawaian_table,
    _zona_table,
    _ikm_table,
)
