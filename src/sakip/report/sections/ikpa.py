"""``[[ikpa]]``: the IKPA table of each unit (Indikator Kinerja Pelaksanaan Anggaran)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.ikpa as ikpa
from sakip.findings import Finding
from sakip.numbers import UNBOUNDED
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["IKPA", "IkpaSection", "IkpaUnitInput"]


@attrs.frozen
class IkpaUnitInput:
    """One unit's IKPA table; ``indicator`` is the indicator its Nilai Akhir is the realisation of.

    Examples
    --------
    >>> IkpaUnitInput("bnnk", "BAB III", 2024, {}, Decimal(0)).indicator is None
    True
    """

    unit: str
    location: str
    year: int
    values: Mapping[str, Decimal | ikpa.NotApplicable] = attrs.field(hash=False)
    dispensasi: Decimal
    weights: Mapping[str, int] | None = attrs.field(default=None, hash=False)
    target: Decimal | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)
    indicator: str | None = None


IkpaResults = Mapping[str, ikpa.IkpaResult]


class IkpaSection(base.UnitSection[IkpaUnitInput, ikpa.IkpaResult]):
    """``[[ikpa]]``: one entry per unit; the results by unit code.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(IKPA)["bnnp-kalteng"].category.label
    'Sangat Baik'
    """

    key = "ikpa"
    feed_policy = "ikpa"
    feed_rule = "the indicator's realisation is the unit's IKPA Nilai Akhir"

    def parse_entries(
        self, readers: list[Reader], context: base.ParseContext
    ) -> base.Parsed[tuple[IkpaUnitInput, ...], IkpaResults] | None:
        """Read each unit's IKPA table against its year's rules; score it."""
        out: list[IkpaUnitInput] = []
        results: dict[str, ikpa.IkpaResult] = {}
        for reader in readers:
            entry = _entry(reader, context)
            if entry is None:
                continue
            if entry.unit in results:
                reader.problem("repeats a unit", entry.unit, key="unit")
                continue
            result = reader.build(_score, entry)
            if result is not None:
                out.append(entry)
                results[entry.unit] = result
        return base.Parsed(tuple(out), results) if out else None

    def compute(self, data: tuple[IkpaUnitInput, ...]) -> IkpaResults:
        """Each unit's IKPA, by unit code."""
        return {entry.unit: _score(entry) for entry in data}

    def tables(
        self, data: tuple[IkpaUnitInput, ...], result: IkpaResults, dataset: DataSet
    ) -> list[base.Table]:
        """Each unit's values, Nilai Total, Konversi Bobot and Nilai Akhir."""
        policy = dataset.policies["ikpa"]
        rows: list[tuple[base.Cell, ...]] = []
        for unit in data:
            score = result[unit.unit]
            rows.append(
                (
                    dataset.unit_name(unit.unit),
                    *(None if s.value is None else s.value for s in score.indicators),
                    policy.apply(score.total),
                    policy.apply(UNBOUNDED.multiply(score.conversion, Decimal(100))),
                    score.dispensasi,
                    policy.apply(score.value),
                    score.category.label,
                    unit.target,
                )
            )
        names = tuple(s.name for s in result[data[0].unit].indicators)
        return [
            base.Table(
                "ikpa",
                "Indikator Kinerja Pelaksanaan Anggaran (IKPA)",
                ("Satuan kerja", *names, "Nilai Total", "Konversi Bobot (%)",
                 "Dispensasi SPM", "Nilai Akhir", "Kategori", "Target"),
                tuple(rows),
                "Nilai Akhir = Nilai Total / Konversi Bobot - Dispensasi SPM; kosong = tidak berlaku.",
            )
        ]  # fmt: skip

    def audit(
        self,
        data: tuple[IkpaUnitInput, ...],
        result: IkpaResults,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """Each unit's printed Nilai Total, Konversi Bobot and Nilai Akhir."""
        policy = dataset.policies["ikpa"]
        for unit in data:
            score = result[unit.unit]
            where = f"{unit.location}, {dataset.unit_name(unit.unit)}"
            for key, computed, rule in (
                ("total", score.total, "Nilai Total = sum(nilai x bobot / 100)"),
                (
                    "conversion",
                    UNBOUNDED.multiply(score.conversion, Decimal(100)),
                    "Konversi Bobot = applicable weights",
                ),
                ("value", score.value, "Nilai Akhir = Nilai Total / Konversi Bobot - Dispensasi"),
            ):
                yield from base.check_figure(
                    tally, where, key, unit.printed.get(key), computed, policy, rule
                )


def _score(entry: IkpaUnitInput) -> ikpa.IkpaResult:
    return ikpa.score(
        entry.values,
        rules=entry.year,
        dispensasi=entry.dispensasi,
        weights=entry.weights,
        target=entry.target,
    )


def _entry(reader: Reader, context: base.ParseContext) -> IkpaUnitInput | None:
    """One ``[[ikpa]]`` entry read and checked against its year's rules (not yet scored)."""
    before = len(reader.problems)
    reader.check_keys(
        {"unit", "location", "year", "values", "weights", "dispensasi", "target", "printed",
         "indicator"}
    )  # fmt: skip
    unit = base.known_unit(reader, "unit", context.unit_codes)
    year = reader.integer("year", minimum=1900)
    rules = reader.build(ikpa.rules_for_year, year, at="year") if isinstance(year, int) else None
    values_reader = reader.table_at("values")
    assert values_reader is not None
    values: dict[str, Decimal | ikpa.NotApplicable] = {}
    for name, raw in values_reader.table.items():
        if raw == "n/a":
            values[name] = ikpa.NOT_APPLICABLE
        else:
            values[name] = values_reader.number(name, exact=True)
    if rules is not None:
        values_reader.check_keys(set(rules.names))
    weights_reader = reader.table_at("weights", required=False)
    weights = None
    if weights_reader is not None:
        weights = {name: weights_reader.integer(name, minimum=0) for name in weights_reader.table}
    dispensasi = reader.number("dispensasi", required=False) or Decimal(0)
    target = reader.number("target", required=False)
    printed = base.printed_numbers(
        reader.table_at("printed", required=False), {"total", "conversion", "value"}
    )
    indicator = base.indicator_ref(reader, context.indicator_codes)
    location = reader.text("location", required=False) or reader.where()
    clean = len(reader.problems) == before
    if not (present(unit, year, dispensasi, target, indicator, *values.values()) and rules):
        return None
    if not clean:
        return None
    return IkpaUnitInput(
        unit, location, year, values, dispensasi, weights, target, printed, indicator
    )


IKPA = IkpaSection()
"""The ``[[ikpa]]`` section."""
