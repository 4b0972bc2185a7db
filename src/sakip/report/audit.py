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
from sakip.report.compute import LkipReport
from sakip.report.dataset import DataSet
from sakip.report.sections import registry
from sakip.report.sections.base import Tally

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
    tally = Tally()
    dataset = report.dataset
    found: list[Finding] = []
    for part in (
        _indicators(report, tally),
        _units(report, tally),
        _histories(dataset, tally),
        _summary(report, tally),
        *(section.findings(dataset, tally) for section in registry.SECTIONS),
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


def _indicators(report: LkipReport, tally: Tally) -> Iterator[Finding]:
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


def _units(report: LkipReport, tally: Tally) -> Iterator[Finding]:
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


def _histories(dataset: DataSet, tally: Tally) -> Iterator[Finding]:
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


def _summary(report: LkipReport, tally: Tally) -> Iterator[Finding]:
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
