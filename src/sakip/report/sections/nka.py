"""``[[nka]]``: the Nilai Kinerja Anggaran of each unit."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.nka as nka
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.sections.base import (
    Cell,
    Feed,
    ParseContext,
    Parsed,
    Section,
    Table,
    Tally,
    check_figure,
    indicator_ref,
    known_unit,
    printed_numbers,
)

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["NKA", "NkaSection", "NkaUnitInput"]

_RULE = "0,5 x perencanaan + 0,5 x pelaksanaan"


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


NkaResults = Mapping[str, nka.NkaResult]


class NkaSection(Section[tuple[NkaUnitInput, ...], NkaResults]):
    """``[[nka]]``: one entry per unit; the results by unit code.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(NKA)["bnnk-kotawaringin-barat"].value
    Decimal('99.950')
    """

    key = "nka"
    array = True

    def parse(
        self, root: Reader, context: ParseContext
    ) -> Parsed[tuple[NkaUnitInput, ...], NkaResults] | None:
        """Read and validate the section, computing its result (see :meth:`Section.parse`)."""
        out: list[NkaUnitInput] = []
        results: dict[str, nka.NkaResult] = {}
        for reader in self.entries(root):
            reader.check_keys(
                {"unit", "location", "planning", "execution", "target", "printed", "indicator"}
            )
            unit = known_unit(reader, "unit", context.unit_codes)
            planning, execution = reader.number("planning"), reader.number("execution")
            target = reader.number("target", required=False)
            printed = printed_numbers(
                reader.table_at("printed", required=False), {"value", "capaian"}
            )
            indicator = indicator_ref(reader, context.indicator_codes)
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
        return Parsed(tuple(out), results) if out else None

    def compute(self, data: tuple[NkaUnitInput, ...]) -> NkaResults:
        """Each unit's NKA, by unit code."""
        return {entry.unit: _score(entry) for entry in data}

    def tables(
        self, data: tuple[NkaUnitInput, ...], result: NkaResults, dataset: DataSet
    ) -> list[Table]:
        """The section's tables, numbers rounded with the data set's policies."""
        shown, capaian = dataset.policies["nka"], dataset.policies["capaian"]
        rows: list[tuple[Cell, ...]] = []
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
            Table(
                "nka",
                "Nilai Kinerja Anggaran (NKA)",
                ("Satuan kerja", "NK Perencanaan", "NK Pelaksanaan", "NKA", "Kategori",
                 "Target", "Capaian (%)"),
                tuple(rows),
                "NKA = 0,5 x NK Perencanaan + 0,5 x NK Pelaksanaan.",
            )
        ]  # fmt: skip

    def audit(
        self, data: tuple[NkaUnitInput, ...], result: NkaResults, dataset: DataSet, tally: Tally
    ) -> Iterator[Finding]:
        """The section's printed figures compared with the computed ones (each tallied)."""
        for unit in data:
            score = result[unit.unit]
            where = f"{unit.location}, {dataset.unit_name(unit.unit)}"
            yield from check_figure(
                tally, where, "NKA", unit.printed.get("value"), score.value,
                dataset.policies["nka"], _RULE,
            )  # fmt: skip
            if score.achievement is not None:
                yield from check_figure(
                    tally, where, "capaian", unit.printed.get("capaian"), score.achievement,
                    dataset.policies["capaian"], "capaian = NKA / target x 100",
                )  # fmt: skip

    def feeds(
        self, data: tuple[NkaUnitInput, ...], result: NkaResults, dataset: DataSet
    ) -> Iterator[Feed]:
        """The indicator the section names with ``indicator``, and its computed figure."""
        for unit in data:
            if unit.indicator is not None:
                yield Feed(
                    unit.indicator,
                    f"{unit.location}, {dataset.unit_name(unit.unit)}",
                    result[unit.unit].value,
                    dataset.policies["nka"],
                    f"the indicator's realisation is the unit's NKA ({_RULE})",
                )


def _score(entry: NkaUnitInput) -> nka.NkaResult:
    return nka.score(planning=entry.planning, execution=entry.execution, target=entry.target)


NKA = NkaSection()
"""The ``[[nka]]`` section."""
