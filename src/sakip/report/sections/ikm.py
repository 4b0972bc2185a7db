"""``[[ikm]]``: the SKM result of each unit (Indeks Kepuasan Masyarakat).

Reading is :func:`sakip.report._ikm_section.read_ikm` (its input,
:class:`~sakip.report._ikm_section.IkmInput`, lives there); this module adds
the table, the audit and the cross-check.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.ikm as ikm
from sakip.findings import Finding, check_printed
from sakip.report._ikm_section import IkmInput, read_ikm
from sakip.report.reader import Reader
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["IKM", "IkmInput", "IkmSection"]

IkmResults = Mapping[str, ikm.IkmResult]

_WEIGHT_NAMES = {
    ikm.IkmWeighting.EXACT: "1/9",
    ikm.IkmWeighting.PRINTED_0_111: "0,111",
    ikm.IkmWeighting.PRINTED_0_11: "0,11",
}


class IkmSection(base.UnitSection[IkmInput, ikm.IkmResult]):
    """``[[ikm]]``: one entry per unit; the results by unit code.

    Examples
    --------
    >>> IKM.key, IKM.array
    ('ikm', True)
    """

    key = "ikm"
    feed_policy = "survey"
    feed_rule = "the indicator's realisation is the IKM index (1-4)"

    def parse_entries(
        self, readers: list[Reader], context: base.ParseContext
    ) -> base.Parsed[tuple[IkmInput, ...], IkmResults] | None:
        """Read the entries with :func:`~sakip.report._ikm_section.read_ikm`."""
        entries = read_ikm(
            readers,
            set(context.indicator_codes),
            set(context.unit_codes),
            base=Path(context.source).parent,  # an ``answers`` file is next to the data set
        )
        if not entries:
            return None
        # An entry read from answers keeps the result it was scored to (entry.computed).
        return base.Parsed(entries, self.compute(entries))

    def compute(self, data: tuple[IkmInput, ...]) -> IkmResults:
        """Each entry's IKM, by its key (the unit, and its semester when it has one)."""
        return {entry.key: entry.result() for entry in data}

    def feeds(
        self, data: tuple[IkmInput, ...], result: IkmResults, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """Each entry's index, for the indicator the entry names."""
        policy = dataset.policies[self.feed_policy]
        for entry in data:
            where = _where(entry, dataset)
            yield from base.feed(
                entry.indicator, where, result[entry.key].value, policy, self.feed_rule
            )

    def tables(
        self, data: tuple[IkmInput, ...], result: IkmResults, dataset: DataSet
    ) -> list[base.Table]:
        """Each unit's respondents, weighting, index, conversion and mutu."""
        policy = dataset.policies["survey"]
        rows: list[tuple[base.Cell, ...]] = [
            (
                _label(entry, dataset),
                entry.respondents,
                _WEIGHT_NAMES[entry.weights],
                policy.apply(result[entry.key].value),
                policy.apply(result[entry.key].converted),
                result[entry.key].mutu,
                result[entry.key].kinerja,
            )
            for entry in data
        ]
        return [
            base.Table(
                "ikm",
                "Indeks Kepuasan Masyarakat (IKM)",
                ("Satuan kerja", "Responden", "Bobot NRR", "Nilai indeks", "Nilai konversi",
                 "Mutu", "Kinerja"),
                tuple(rows),
                "Nilai indeks = jumlah NRR x bobot (1/9 menurut PermenPANRB 14/2017; 0,111 atau "
                "0,11 bila data set menyatakan bobot cetak laporan SKM); konversi = indeks x 25.",
            )
        ]  # fmt: skip

    def audit(
        self, data: tuple[IkmInput, ...], result: IkmResults, dataset: DataSet, tally: base.Tally
    ) -> Iterator[Finding]:
        """Printed IKM figures against the stated weighting; a mismatch names the one that fits."""
        policy = dataset.policies["survey"]
        for entry in data:
            where = _where(entry, dataset)
            for key, value, keyword in (
                ("index", result[entry.key].value, "printed_index"),
                ("converted", result[entry.key].converted, "printed_converted"),
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


def _label(entry: IkmInput, dataset: DataSet) -> str:
    """The unit's name, and the semester when the entry covers one."""
    name = dataset.unit_name(entry.unit)
    return name if entry.semester is None else f"{name}, semester {entry.semester}"


def _where(entry: IkmInput, dataset: DataSet) -> str:
    return f"{entry.location}, {_label(entry, dataset)}"


IKM = IkmSection()
"""The ``[[ikm]]`` section."""
