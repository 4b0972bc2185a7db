"""``[[nka]]``: the Nilai Kinerja Anggaran of each unit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.nka as nka
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["NKA", "NkaSection", "NkaUnitInput"]

_RULE = "0,5 x perencanaan + 0,5 x pelaksanaan"

NkaResults = Mapping[str, nka.NkaResult]
"""The NKA of each unit, by unit code."""


@attrs.frozen
class NkaUnitInput:
    """One unit's NKA components; ``indicator`` is the indicator its NKA is the realisation of.

    Examples
    --------
    >>> NkaUnitInput("bnnk", "BAB III", Decimal("99.95"), Decimal("100")).target is None
    True
    """

    unit: str
    location: str
    planning: Decimal
    execution: Decimal
    target: Decimal | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)
    indicator: str | None = None


class NkaSection(base.UnitSection[NkaUnitInput, nka.NkaResult]):
    """``[[nka]]``: NK Perencanaan and NK Pelaksanaan of each unit, its NKA by unit code.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(NKA)["bnnk-kotawaringin-barat"].value
    Decimal('99.950')
    """

    key = "nka"
    feed_policy = "nka"
    feed_rule = f"the indicator's realisation is the unit's NKA ({_RULE})"

    def parse_entries(
        self, readers: list[Reader], context: base.ParseContext
    ) -> base.Parsed[tuple[NkaUnitInput, ...], NkaResults] | None:
        """Read each unit's NK Perencanaan and NK Pelaksanaan; score them."""
        out: list[NkaUnitInput] = []
        results: dict[str, nka.NkaResult] = {}
        for reader in readers:
            reader.check_keys(
                {"unit", "location", "planning", "execution", "target", "printed", "indicator"}
            )
            unit = base.known_unit(reader, "unit", context.unit_codes)
            planning, execution = reader.number("planning"), reader.number("execution")
            target = reader.number("target", required=False)
            printed = base.printed_numbers(
                reader.table_at("printed", required=False), {"value", "capaian"}
            )
            indicator = base.indicator_ref(reader, context.indicator_codes)
            location = reader.text("location", required=False) or reader.where()
            if not present(unit, planning, execution, target, indicator):
                continue
            if unit in results:
                reader.problem("repeats a unit", unit, key="unit")
                continue
            entry = NkaUnitInput(unit, location, planning, execution, target, printed, indicator)
            result = reader.build(_score, entry)
            if result is not None:
                out.append(entry)
                results[unit] = result
        return base.Parsed(tuple(out), results) if out else None

    def compute(self, data: tuple[NkaUnitInput, ...]) -> NkaResults:
        """Each unit's NKA, by unit code."""
        return {entry.unit: _score(entry) for entry in data}

    def tables(
        self, data: tuple[NkaUnitInput, ...], result: NkaResults, dataset: DataSet
    ) -> list[base.Table]:
        """Each unit's components, NKA, category and capaian."""
        shown, capaian = dataset.policies["nka"], dataset.policies["capaian"]
        rows: list[tuple[base.Cell, ...]] = []
        for unit in data:
            score = result[unit.unit]
            rows.append(
                (
                    dataset.unit_name(unit.unit),
                    unit.planning,
                    unit.execution,
                    shown.apply(score.value),
                    score.category.label,
                    unit.target,
                    None if score.achievement is None else capaian.apply(score.achievement),
                )
            )
        return [
            base.Table(
                "nka",
                "Nilai Kinerja Anggaran (NKA)",
                ("Satuan kerja", "NK Perencanaan", "NK Pelaksanaan", "NKA", "Kategori",
                 "Target", "Capaian (%)"),
                tuple(rows),
                "NKA = 0,5 x NK Perencanaan + 0,5 x NK Pelaksanaan.",
            )
        ]  # fmt: skip

    def audit(
        self,
        data: tuple[NkaUnitInput, ...],
        result: NkaResults,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """Each unit's printed NKA and capaian."""
        for unit in data:
            score = result[unit.unit]
            where = f"{unit.location}, {dataset.unit_name(unit.unit)}"
            yield from base.check_figure(
                tally, where, "NKA", unit.printed.get("value"), score.value,
                dataset.policies["nka"], _RULE,
            )  # fmt: skip
            if score.achievement is not None:
                yield from base.check_figure(
                    tally, where, "capaian", unit.printed.get("capaian"), score.achievement,
                    dataset.policies["capaian"], "capaian = NKA / target x 100",
                )  # fmt: skip


def _score(entry: NkaUnitInput) -> nka.NkaResult:
    return nka.score(planning=entry.planning, execution=entry.execution, target=entry.target)


NKA = NkaSection()
"""The ``[[nka]]`` section."""
