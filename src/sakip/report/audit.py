"""The audit: every printed figure of a data set compared with the rules.

:func:`audit` walks the figures a data set says the document printed and
returns a :class:`~sakip.findings.Finding` for each one that does not follow
from the rules. A printed figure is compared with the recomputed one
rounded to the printed places with the document's policy, so a difference
that is only the document's rounding is never reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import attrs

from sakip.bands import BandScheme
from sakip.capaian import achievement
from sakip.errors import OutOfBandError
from sakip.findings import Finding, check_printed
from sakip.instruments import ikm, ikpa, kepegawaian, kpkk, nka, whoqol, zona_integritas
from sakip.numbers import UNBOUNDED, RoundingPolicy
from sakip.report._instrument_sections import AnggaranInput
from sakip.report.compute import LkipReport
from sakip.report.dataset import DataSet

__all__ = ["AuditResult", "audit", "run_audit"]


@attrs.frozen
class AuditResult:
    """What the audit compared and what it found.

    Attributes
    ----------
    findings : tuple of Finding
        The printed figures that differ from the rules (as :func:`audit` returns).
    checked : int
        How many distinct printed figures were compared with the rules (a
        figure reached twice counts once). 0 when the data set prints nothing.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> result = run_audit(compute_report(load_dataset()))
    >>> result.differ, result.checked > result.differ
    (20, True)
    """

    findings: tuple[Finding, ...]
    checked: int

    @property
    def differ(self) -> int:
        """How many of the checked figures differ from the rules.

        Examples
        --------
        >>> AuditResult((), 2).differ
        0
        """
        return len(self.findings)


class _Tally:
    """The locations of the printed figures compared so far."""

    def __init__(self) -> None:
        self.locations: set[str] = set()

    def saw(self, location: str) -> None:
        self.locations.add(location)


def run_audit(report: LkipReport) -> AuditResult:
    """The audit with its count: the findings and how many printed figures were checked.

    Examples
    --------
    A data set that prints nothing has nothing to check:

    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import parse_dataset
    >>> document = {"schema": 1, "document": {"title": "LKIP", "year": 2024},
    ...     "unit": {"code": "u", "name": "BNNK Contoh", "level": "BNNK"},
    ...     "objectives": [{"code": "S1", "name": "Sasaran", "indicators": [
    ...         {"code": "1", "name": "Indeks", "unit_of_measure": "Indeks",
    ...          "target": "3.60", "realization": "3.70"}]}]}
    >>> run_audit(compute_report(parse_dataset(document)))
    AuditResult(findings=(), checked=0)
    """
    tally = _Tally()
    dataset = report.dataset
    found: list[Finding] = []
    for part in (
        _indicators(report, tally),
        _units(report, tally),
        _histories(dataset, tally),
        _summary(report, tally),
        _instruments(report, tally),
    ):
        for finding in part:
            tally.saw(finding.location)
            if finding not in found:
                found.append(finding)
    return AuditResult(tuple(found), len(tally.locations))


def audit(report: LkipReport) -> tuple[Finding, ...]:
    """Every printed figure of the report's data set that the rules contradict.

    Returns
    -------
    tuple of Finding
        In report order: indicators, breakdowns by unit, band schemes,
        histories, summary, then the instruments. Identical findings (the
        same figure reached twice) are listed once.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> findings = audit(compute_report(load_dataset()))
    >>> any("115.69" in str(f) for f in findings)
    True
    """
    return run_audit(report).findings


def _indicators(report: LkipReport, tally: _Tally) -> Iterator[Finding]:
    policy = report.dataset.policies["capaian"]
    for row in report.indicators:
        entry = row.entry
        where = f"{entry.location}, indikator {entry.indicator.code}"
        if entry.printed_capaian is not None:
            tally.saw(f"{where}, capaian")
            finding = check_printed(
                f"{where}, capaian",
                printed=entry.printed_capaian,
                computed=row.result.achievement,
                policy=policy,
                rule=entry.indicator.achievement_rule,
            )
            if finding is not None:
                yield finding
        label = row.result.category.label
        if entry.printed_category is not None:
            tally.saw(f"{where}, kategori")
        if entry.printed_category is not None and entry.printed_category != label:
            yield Finding(
                f"{where}, kategori",
                entry.printed_category,
                label,
                f"capaian {policy.apply(row.result.achievement)} is {label!r} in the report's band table",
            )


def _units(report: LkipReport, tally: _Tally) -> Iterator[Finding]:
    dataset = report.dataset
    policy = dataset.policies["capaian"]
    for row in report.indicators:
        entry = row.entry
        scheme = entry.count.scheme if entry.count is not None else None
        for figure in entry.units:
            where = f"{figure.location}, {dataset.unit_name(figure.unit)}"
            if figure.printed_capaian is not None and figure.target:
                value = achievement(
                    target=figure.target,
                    realization=figure.realization,
                    polarity=entry.indicator.polarity,
                    cap=entry.indicator.cap,
                )
                assert value is not None  # a target above 0 always has a capaian
                tally.saw(f"{where}, capaian")
                finding = check_printed(
                    f"{where}, capaian", printed=figure.printed_capaian, computed=value,
                    policy=policy, rule=entry.indicator.achievement_rule,
                )  # fmt: skip
                if finding is not None:
                    yield finding
            if scheme is not None and figure.printed_category is not None:
                label = _label(scheme, figure.realization)
                tally.saw(f"{where}, kategori")
                if label != figure.printed_category:
                    yield Finding(
                        f"{where}, kategori", figure.printed_category, label, scheme.name
                    )
            if scheme is not None and figure.target is not None:
                tally.saw(f"{where}, target")
                yield from _target_in_gap(scheme, figure.target, f"{where}, target")
        count = report.unit_counts.get(entry.indicator.code)
        if count is not None:
            tally.saw(f"{entry.location}, indikator {entry.indicator.code}, realisasi")
        if count is not None and Decimal(count.count) != entry.realization:
            yield Finding(
                f"{entry.location}, indikator {entry.indicator.code}, realisasi",
                entry.realization,
                count.count,
                f"the number of units that meet the condition ({', '.join(count.met) or 'none'})",
            )
        if scheme is not None and entry.national_target is not None:
            tally.saw(f"{entry.location}, target nasional")
            yield from _target_in_gap(
                scheme, entry.national_target, f"{entry.location}, target nasional"
            )


def _label(scheme: BandScheme, value: Decimal) -> str:
    try:
        return scheme.classify(value).label
    except OutOfBandError:
        return "(tanpa kategori)"


def _target_in_gap(scheme: BandScheme, target: Decimal, where: str) -> Iterator[Finding]:
    """A target that the printed band table leaves without a category."""
    try:
        scheme.classify(target)
    except OutOfBandError as error:
        yield Finding(where, target, "(tanpa kategori)", f"the table {scheme.name!r} {error.rule}")


def _histories(dataset: DataSet, tally: _Tally) -> Iterator[Finding]:
    policy = dataset.policies["capaian"]
    for entry in dataset.entries:
        if entry.history is not None:
            location = f"{entry.location}, indikator {entry.indicator.code}, tahun"
            for record in entry.history.records:
                # The records IndicatorHistory.audit compares: a printed capaian that has a value.
                printed = record.printed_capaian
                if printed is not None and entry.history.achievement(record.year) is not None:
                    tally.saw(f"{location} {record.year}")
            yield from entry.history.audit(policy, location=location)


def _summary(report: LkipReport, tally: _Tally) -> Iterator[Finding]:
    printed = report.dataset.summary
    if printed is None:
        return
    policy = report.dataset.policies["capaian"]
    summary = report.summary
    where = printed.location
    if printed.mean is not None and summary.mean is not None:
        tally.saw(f"{where}, rata-rata capaian")
        finding = check_printed(
            f"{where}, rata-rata capaian", printed=printed.mean, computed=summary.mean,
            policy=policy, rule="mean of the indicators' capaian",
        )  # fmt: skip
        if finding is not None:
            yield finding
    for name, value, computed in (
        ("melebihi target", printed.above, summary.above),
        ("sesuai target", printed.at, summary.at),
        ("tidak mencapai target", printed.below, summary.below),
    ):
        if value is not None:
            tally.saw(f"{where}, {name}")
        if value is not None and value != computed:
            yield Finding(f"{where}, {name}", value, computed, "count of the indicators")
    comparison = report.comparison
    if printed.claims_more_above and comparison is not None:
        tally.saw(f"{where}, perbandingan dengan {printed.previous_year}")
    if printed.claims_more_above and comparison is not None and comparison.above <= 0:
        yield Finding(
            f"{where}, perbandingan dengan {printed.previous_year}",
            "more indicators above target",
            f"{comparison.current.above} vs {comparison.previous.above}",
            "the text claims an increase in indicators above target",
        )


def _instruments(report: LkipReport, tally: _Tally) -> Iterator[Finding]:
    dataset = report.dataset
    results = report.instruments
    realizations = dataset.realizations
    capaian = dataset.policies["capaian"]

    if dataset.tahanan is not None:
        value = results["tahanan"].value  # type: ignore[attr-defined]
        data = dataset.tahanan
        yield from _printed(
            tally,
            data.location,
            "nilai",
            data.printed_value,
            value,
            capaian,
            "(N - (a + b + c)) / N x 100",
        )
        if data.indicator is not None:
            yield from _printed(tally,
                f"{data.location}, indikator {data.indicator}", "realisasi", realizations[data.indicator],
                value, capaian, "the indicator's realisation is the index",
            )  # fmt: skip

    if dataset.barang_bukti is not None:
        for check in results["barang_bukti_ledger"]:  # type: ignore[attr-defined]
            tally.saw(
                f"{dataset.barang_bukti.location}, {check.entry.evidence_type}, belum dimusnahkan"
            )
            if not check.balanced:
                entry = check.entry
                used = entry.used.amount if entry.used is not None else Decimal(0)
                yield Finding(
                    f"{dataset.barang_bukti.location}, {entry.evidence_type}, belum dimusnahkan",
                    entry.remaining.amount,
                    UNBOUNDED.subtract(
                        UNBOUNDED.subtract(entry.received.amount, entry.destroyed.amount), used
                    ),
                    "received = destroyed + used + remaining",
                )

    if dataset.kpkk is not None:
        yield from _kpkk(dataset, results["kpkk"], tally)  # type: ignore[arg-type]

    if dataset.whoqol is not None and "whoqol" in results:
        yield from _whoqol(dataset, results["whoqol"], tally)  # type: ignore[arg-type]

    for unit in dataset.ikpa:
        result: ikpa.IkpaResult = results["ikpa"][unit.unit]  # type: ignore[index]
        policy = dataset.policies["ikpa"]
        where = f"{unit.location}, {dataset.unit_name(unit.unit)}"
        for key, computed, rule in (
            ("total", result.total, "Nilai Total = sum(nilai x bobot / 100)"),
            (
                "conversion",
                UNBOUNDED.multiply(result.conversion, Decimal(100)),
                "Konversi Bobot = applicable weights",
            ),
            ("value", result.value, "Nilai Akhir = Nilai Total / Konversi Bobot - Dispensasi"),
        ):
            yield from _printed(tally, where, key, unit.printed.get(key), computed, policy, rule)

    for nka_unit in dataset.nka:
        result_nka: nka.NkaResult = results["nka"][nka_unit.unit]  # type: ignore[index]
        where = f"{nka_unit.location}, {dataset.unit_name(nka_unit.unit)}"
        yield from _printed(tally, where, "NKA", nka_unit.printed.get("value"), result_nka.value,
                            dataset.policies["nka"], "0,5 x perencanaan + 0,5 x pelaksanaan")  # fmt: skip
        if result_nka.achievement is not None:
            yield from _printed(tally, where, "capaian", nka_unit.printed.get("capaian"), result_nka.achievement,
                                capaian, "capaian = NKA / target x 100")  # fmt: skip

    if dataset.anggaran is not None:
        for location in _budget_comparisons(dataset.anggaran):
            tally.saw(location)
    yield from results.get("anggaran_findings", ())  # type: ignore[misc]

    if dataset.kepegawaian is not None:
        staff: kepegawaian.KepegawaianResult = results["kepegawaian"]  # type: ignore[assignment]
        data_k = dataset.kepegawaian
        if data_k.printed_total is not None:
            tally.saw(f"{data_k.location}, jumlah")
            found = kepegawaian.check_total(
                staff, printed=data_k.printed_total, location=f"{data_k.location}, jumlah"
            )
            if found is not None:
                yield found
        if data_k.text_total is not None:
            tally.saw(data_k.text_location or data_k.location)
            found = kepegawaian.check_total(
                staff, printed=data_k.text_total, location=data_k.text_location or data_k.location
            )
            if found is not None:
                yield found
        for code, printed in data_k.printed_fulfilment.items():
            tally.saw(f"{data_k.location}, pemenuhan {dataset.unit_name(code)}")
            found = kepegawaian.check_fulfilment(
                staff, unit=code, printed=printed, policy=dataset.policies["staffing"],
                location=f"{data_k.location}, pemenuhan {dataset.unit_name(code)}",
            )  # fmt: skip
            if found is not None:
                yield found

    if dataset.zona_integritas is not None:
        yield from _zona(dataset, results, tally)

    yield from _ikm(dataset, results, tally)


def _printed(
    tally: _Tally,
    where: str,
    what: str,
    printed: Decimal | None,
    computed: Decimal,
    policy: RoundingPolicy,
    rule: str,
) -> Iterator[Finding]:
    if printed is None:
        return
    tally.saw(f"{where}, {what}")
    finding = check_printed(
        f"{where}, {what}", printed=printed, computed=computed, policy=policy, rule=rule
    )
    if finding is not None:
        yield finding


def _kpkk(dataset: DataSet, result: kpkk.KpkkResult, tally: _Tally) -> Iterator[Finding]:
    data = dataset.kpkk
    assert data is not None
    printed = data.printed
    policy = dataset.policies["survey"]
    where = data.location
    for key, computed in (
        ("respondent_totals", result.respondent_totals),
        ("aspect_sums", result.aspect_sums),
    ):
        for position, (shown, value) in enumerate(
            zip(printed.get(key, ()), computed, strict=False), 1
        ):
            tally.saw(f"{where}, {key}[{position}]")
            if shown != value:
                yield Finding(
                    f"{where}, {key}[{position}]", shown, value, "sum of the row or column"
                )
    for key, means in (
        ("respondent_means", result.respondent_means),
        ("aspect_means", result.aspect_means),
    ):
        for position, (shown_mean, mean) in enumerate(
            zip(printed.get(key, ()), means, strict=False), 1
        ):
            yield from _printed(
                tally, where, f"{key}[{position}]", shown_mean, mean, policy, "total / answers"
            )
    for key, categories in (
        ("respondent_categories", result.respondent_categories),
        ("aspect_categories", result.aspect_categories),
    ):
        for position, (shown, category) in enumerate(
            zip(printed.get(key, ()), categories, strict=False), 1
        ):
            tally.saw(f"{where}, {key}[{position}]")
            if shown != category.label:
                yield Finding(
                    f"{where}, {key}[{position}]", shown, category.label, result.scheme.name
                )
    if "overall_mean" in printed:
        yield from _printed(
            tally,
            where,
            "overall_mean",
            printed["overall_mean"],
            result.value,
            policy,
            "grand total / answers",
        )
    if printed.get("overall_category") is not None:
        tally.saw(f"{where}, overall_category")
    if printed.get("overall_category") not in (None, result.category.label):
        yield Finding(
            f"{where}, overall_category",
            printed["overall_category"],
            result.category.label,
            result.scheme.name,
        )
    for label, count in printed.get("respondents_per_category", {}).items():
        tally.saw(f"{where}, respondents {label}")
        if count != result.respondents_in(label):
            yield Finding(
                f"{where}, respondents {label}",
                count,
                result.respondents_in(label),
                result.scheme.name,
            )


_DOMAINS = ("physical", "psychological", "social", "environment")


def _whoqol(dataset: DataSet, pooled: whoqol.WhoqolResult, tally: _Tally) -> Iterator[Finding]:
    data = dataset.whoqol
    assert data is not None
    policy = dataset.policies["survey"]
    rule = "clients improved / clients assessed x 100; overall = mean of the domains"
    for unit in data.units:
        result = whoqol.from_counts(assessed=unit.clients, **dict(unit.improved))
        where = f"{data.location}, {dataset.unit_name(unit.unit)}"
        for key, domain in zip(_DOMAINS, result.domains, strict=True):
            yield from _printed(
                tally, where, key, unit.printed.get(key), domain.percent, policy, rule
            )
        yield from _printed(
            tally, where, "overall", unit.printed.get("overall"), result.value, policy, rule
        )
    where = f"{data.location}, gabungan"
    for key, domain in zip(_DOMAINS, pooled.domains, strict=True):
        yield from _printed(
            tally, where, key, data.printed_pooled.get(key), domain.percent, policy, rule
        )
    yield from _printed(
        tally, where, "overall", data.printed_pooled.get("overall"), pooled.value, policy, rule
    )
    if data.indicator is not None:
        yield from _printed(tally,
            f"{data.location}, indikator {data.indicator}", "realisasi",
            dataset.realizations[data.indicator], pooled.value, policy,
            "the indicator's realisation is the pooled percentage",
        )  # fmt: skip


def _ikm(dataset: DataSet, results: dict[str, object], tally: _Tally) -> Iterator[Finding]:
    """Printed IKM figures against the stated weighting; a mismatch names the one that fits."""
    policy = dataset.policies["survey"]
    computed: dict[str, ikm.IkmResult] = results.get("ikm", {})  # type: ignore[assignment]
    for entry in dataset.ikm:
        result = computed[entry.key]
        where = f"{entry.location}, {dataset.unit_name(entry.unit)}"
        if entry.semester is not None:
            where += f", semester {entry.semester}"
        for key, value, keyword in (
            ("index", result.value, "printed_index"),
            ("converted", result.converted, "printed_converted"),
        ):
            printed = entry.printed.get(key)
            if printed is None:
                continue
            tally.saw(f"{where}, IKM {key}")
            finding = check_printed(
                f"{where}, IKM {key}", printed=printed, computed=value, policy=policy,
                rule=f"sum(NRR) x weight, weights = {entry.weights.value!r}",
            )  # fmt: skip
            if finding is None:
                continue
            used = ikm.detect_weighting(nrr=entry.nrr, policy=policy, **{keyword: printed})
            if used is not None:
                # The audit can say which weighting the report used.
                finding = attrs.evolve(
                    finding,
                    rule=f"{finding.rule}; this report used weights = {used.value!r}",
                )
            yield finding
        if entry.indicator is not None:
            yield from _printed(tally,
                f"{entry.location}, indikator {entry.indicator}", "realisasi",
                dataset.realizations[entry.indicator], result.value, policy,
                "the indicator's realisation is the IKM index (1-4)",
            )  # fmt: skip


def _zona(dataset: DataSet, results: dict[str, object], tally: _Tally) -> Iterator[Finding]:
    data = dataset.zona_integritas
    assert data is not None
    scores: dict[str, zona_integritas.ZonaIntegritasResult] = results["zona_integritas"]  # type: ignore[assignment]
    ranking: zona_integritas.Ranking = results["zona_integritas_ranking"]  # type: ignore[assignment]
    exact = RoundingPolicy(2, dataset.policies["capaian"].rounding)
    for name, _, _, printed_total, printed_rank in data.ranking:
        yield from _printed(
            tally,
            f"{data.location}, {name}",
            "jumlah",
            printed_total,
            scores[name].value,
            exact,
            "pengungkit + hasil",
        )
        if printed_rank is not None:
            tally.saw(f"{data.location}, {name}, peringkat")
        if printed_rank is not None and printed_rank != ranking.rank_of(name):
            yield Finding(
                f"{data.location}, {name}, peringkat",
                printed_rank,
                ranking.rank_of(name),
                "rank by total, highest first",
            )
    if data.indicator is not None:
        yield from _printed(tally,
            f"{data.location}, indikator {data.indicator}", "realisasi",
            dataset.realizations[data.indicator], scores[data.unit].value, exact,
            "the indicator's realisation is the unit's ZI total",
        )  # fmt: skip


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


_BUDGET_COLUMNS = {"pagu": "pagu", "blokir": "blokir", "realization": "realisasi", "sisa": "sisa"}
