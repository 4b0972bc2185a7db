"""``[zona_integritas]``: the Zona Integritas ranking of the units."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.zona_integritas as zona_integritas
from sakip.findings import Finding
from sakip.numbers import RoundingPolicy
from sakip.report.reader import MISSING, Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = [
    "ZONA_INTEGRITAS",
    "ZonaIntegritasInput",
    "ZonaIntegritasOutcome",
    "ZonaIntegritasSection",
]


@attrs.frozen
class ZonaIntegritasInput:
    """The Zona Integritas ranking table: (unit, pengungkit, hasil, printed total, printed rank).

    Examples
    --------
    >>> ZonaIntegritasInput("BAB III", "BNNP", ()).indicator is None
    True
    """

    location: str
    unit: str
    ranking: tuple[tuple[str, Decimal, Decimal, Decimal | None, int | None], ...]
    indicator: str | None = None


@attrs.frozen
class ZonaIntegritasOutcome:
    """Each ranked unit's score and the ranking.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> outcome = load_dataset().result(ZONA_INTEGRITAS)
    >>> outcome.ranking.size == len(outcome.scores)
    True
    """

    scores: Mapping[str, zona_integritas.ZonaIntegritasResult] = attrs.field(hash=False)
    ranking: zona_integritas.Ranking


class ZonaIntegritasSection(base.Section[ZonaIntegritasInput, ZonaIntegritasOutcome]):
    """``[zona_integritas]``: the ranking, printed totals and ranks, the indicator it feeds.

    Examples
    --------
    >>> ZONA_INTEGRITAS.key
    'zona_integritas'
    """

    key = "zona_integritas"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[ZonaIntegritasInput, ZonaIntegritasOutcome] | None:
        """Read the ranking and this unit's name; score and rank the units."""
        reader.check_keys({"location", "unit", "indicator", "ranking"})
        rows = []
        scores: dict[str, zona_integritas.ZonaIntegritasResult] = {}
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
            score = item.build(zona_integritas.score, pengungkit=row[1], hasil=row[2])
            if score is not None:
                rows.append(row)
                scores[row[0]] = score
        reader.require_items("ranking", "unit")
        unit = reader.text("unit")
        if isinstance(unit, str) and unit not in names:
            reader.problem("must be one of the ranked units", unit, key="unit")
            unit = MISSING
        indicator = base.indicator_ref(reader, context.indicator_codes)
        location = reader.text("location", required=False) or reader.where()
        if not present(unit, indicator):
            return None
        data = ZonaIntegritasInput(location, unit, tuple(rows), indicator)
        ranking = reader.build(zona_integritas.rank, {n: s.value for n, s in scores.items()})
        return (
            None if ranking is None else base.Parsed(data, ZonaIntegritasOutcome(scores, ranking))
        )

    def compute(self, data: ZonaIntegritasInput) -> ZonaIntegritasOutcome:
        """Each unit's pengungkit + hasil, and the ranking by total."""
        scores = {
            name: zona_integritas.score(pengungkit=p, hasil=h) for name, p, h, _, _ in data.ranking
        }
        ranking = zona_integritas.rank({name: s.value for name, s in scores.items()})
        return ZonaIntegritasOutcome(scores, ranking)

    def tables(
        self, data: ZonaIntegritasInput, result: ZonaIntegritasOutcome, dataset: DataSet
    ) -> list[base.Table]:
        """The ranking, highest total first."""
        scores, ranking = result.scores, result.ranking
        rows = tuple(
            (e.rank, e.unit, scores[e.unit].pengungkit, scores[e.unit].hasil, e.total)
            for e in ranking.entries
        )
        return [
            base.Table(
                "zona_integritas",
                "Peringkat nilai Zona Integritas",
                ("Peringkat", "Satuan kerja", "Pengungkit", "Hasil", "Jumlah"),
                rows,
                f"{data.unit}: peringkat {ranking.rank_of(data.unit)} dari {ranking.size}.",
            )
        ]

    def audit(
        self,
        data: ZonaIntegritasInput,
        result: ZonaIntegritasOutcome,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """Each printed total and rank."""
        policy = _policy(dataset)
        for name, _, _, printed_total, printed_rank in data.ranking:
            where = f"{data.location}, {name}"
            yield from base.check_figure(
                tally, where, "jumlah", printed_total, result.scores[name].value, policy,
                "pengungkit + hasil",
            )  # fmt: skip
            rank = result.ranking.rank_of(name)
            if printed_rank is not None:
                tally.saw(f"{where}, peringkat")
            if printed_rank is not None and printed_rank != rank:
                yield Finding(
                    f"{where}, peringkat", printed_rank, rank, "rank by total, highest first"
                )

    def feeds(
        self, data: ZonaIntegritasInput, result: ZonaIntegritasOutcome, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicator whose realisation is this unit's ZI total."""
        total = result.scores[data.unit].value
        rule = "the indicator's realisation is the unit's ZI total"
        return base.feed(data.indicator, data.location, total, _policy(dataset), rule)


def _policy(dataset: DataSet) -> RoundingPolicy:
    """ZI totals are printed with two places, rounded as the document rounds capaian."""
    return RoundingPolicy(2, dataset.policies["capaian"].rounding)


ZONA_INTEGRITAS = ZonaIntegritasSection()
"""The ``[zona_integritas]`` section."""
