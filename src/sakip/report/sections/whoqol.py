"""``[whoqol]``: WHOQOL-BREF improvement per unit, pooled for the province."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.whoqol as whoqol
from sakip.findings import Finding
from sakip.numbers import RoundingPolicy
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["WHOQOL", "WhoqolInput", "WhoqolOutcome", "WhoqolSection", "WhoqolUnitInput"]

_DOMAINS = ("physical", "psychological", "social", "environment")
_DOMAIN_TITLES = ("Fisik", "Psikologis", "Sosial", "Lingkungan")
_RULE = "clients improved / clients assessed x 100; overall = mean of the domains"


@attrs.frozen
class WhoqolUnitInput:
    """Clients assessed and improved per domain in one unit.

    Examples
    --------
    >>> WhoqolUnitInput("bnnk", 3, {"physical": 1}).clients
    3
    """

    unit: str
    clients: int
    improved: Mapping[str, int] = attrs.field(hash=False)
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class WhoqolInput:
    """WHOQOL-BREF improvement counts per unit and the pooled figures printed.

    Examples
    --------
    >>> WhoqolInput("BAB III", ()).indicator is None
    True
    """

    location: str
    units: tuple[WhoqolUnitInput, ...]
    indicator: str | None = None
    printed_pooled: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


@attrs.frozen
class WhoqolOutcome:
    """Each unit's result (in the order of ``WhoqolInput.units``) and the pooled one.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> outcome = load_dataset().result(WHOQOL)
    >>> len(outcome.units), outcome.pooled is not None
    (3, True)
    """

    units: tuple[whoqol.WhoqolResult, ...]
    pooled: whoqol.WhoqolResult | None


class WhoqolSection(base.Section[WhoqolInput, WhoqolOutcome]):
    """``[whoqol]``: units, printed figures, the pooled percentage and the indicator it feeds.

    Examples
    --------
    >>> WHOQOL.key
    'whoqol'
    """

    key = "whoqol"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[WhoqolInput, WhoqolOutcome] | None:
        """Read each unit's counts and printed percentages; score and pool them."""
        reader.check_keys({"location", "indicator", "units", "printed_pooled"})
        units: list[WhoqolUnitInput] = []
        results: list[whoqol.WhoqolResult] = []
        items = reader.array("units")
        reader.require_items("units", "unit")
        for item in items:
            item.check_keys({"unit", "clients", "improved", "printed"})
            unit = base.known_unit(item, "unit", context.unit_codes)
            clients = item.integer("clients", minimum=1)
            improved_reader = item.table_at("improved")
            assert improved_reader is not None
            improved_reader.check_keys(set(_DOMAINS))
            improved = {d: improved_reader.integer(d, minimum=0) for d in _DOMAINS}
            printed = base.printed_numbers(
                item.table_at("printed", required=False), {*_DOMAINS, "overall"}
            )
            if unit in {u.unit for u in units}:
                item.problem("repeats a unit of the table", unit, key="unit")
                continue
            if not present(unit, clients, *improved.values()):
                continue
            entry = WhoqolUnitInput(unit, clients, improved, printed)
            result = item.build(_unit_result, entry)
            if result is not None:
                units.append(entry)
                results.append(result)
        pooled = base.printed_numbers(
            reader.table_at("printed_pooled", required=False), {*_DOMAINS, "overall"}
        )
        indicator = base.indicator_ref(reader, context.indicator_codes)
        location = reader.text("location", required=False) or reader.where()
        if not present(indicator):
            return None
        data = WhoqolInput(location, tuple(units), indicator, pooled)
        outcome = WhoqolOutcome(tuple(results), whoqol.pool(results) if results else None)
        return base.Parsed(data, outcome)

    def compute(self, data: WhoqolInput) -> WhoqolOutcome:
        """Each unit's percentages and the pooled ones (``None`` without units)."""
        results = [_unit_result(unit) for unit in data.units]
        return WhoqolOutcome(tuple(results), whoqol.pool(results) if results else None)

    def tables(
        self, data: WhoqolInput, result: WhoqolOutcome, dataset: DataSet
    ) -> list[base.Table]:
        """Each unit's percentages per domain and the pooled row."""
        policy = dataset.policies["survey"]
        rows = [
            _row(dataset.unit_name(unit.unit), unit.clients, unit_result, policy)
            for unit, unit_result in zip(data.units, result.units, strict=True)
        ]
        if result.pooled is not None:
            clients = sum(u.clients for u in data.units)
            rows.append(_row("Gabungan (provinsi)", clients, result.pooled, policy))
        return [
            base.Table(
                "whoqol",
                "Persentase klien dengan peningkatan kualitas hidup (WHOQOL-BREF)",
                ("Satuan kerja", "Klien", *(f"{d} (%)" for d in _DOMAIN_TITLES), "Rata-rata (%)"),
                tuple(rows),
                "Per domain: klien yang skornya naik / klien dinilai; "
                "rata-rata = rerata empat domain.",
            )
        ]

    def audit(
        self, data: WhoqolInput, result: WhoqolOutcome, dataset: DataSet, tally: base.Tally
    ) -> Iterator[Finding]:
        """Each unit's and the pooled printed percentages."""
        if result.pooled is None:
            return
        policy = dataset.policies["survey"]
        figures = [
            (f"{data.location}, {dataset.unit_name(unit.unit)}", unit.printed, unit_result)
            for unit, unit_result in zip(data.units, result.units, strict=True)
        ]
        figures.append((f"{data.location}, gabungan", data.printed_pooled, result.pooled))
        for where, printed, computed in figures:
            for key, domain in zip(_DOMAINS, computed.domains, strict=True):
                yield from base.check_figure(
                    tally, where, key, printed.get(key), domain.percent, policy, _RULE
                )
            yield from base.check_figure(
                tally, where, "overall", printed.get("overall"), computed.value, policy, _RULE
            )

    def feeds(
        self, data: WhoqolInput, result: WhoqolOutcome, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicator whose realisation is the pooled percentage."""
        if data.indicator is not None and result.pooled is not None:
            yield base.Feed(
                data.indicator, data.location, result.pooled.value, dataset.policies["survey"],
                "the indicator's realisation is the pooled percentage",
            )  # fmt: skip


def _unit_result(unit: WhoqolUnitInput) -> whoqol.WhoqolResult:
    return whoqol.from_counts(assessed=unit.clients, **dict(unit.improved))


def _row(
    name: str, clients: int, result: whoqol.WhoqolResult, policy: RoundingPolicy
) -> tuple[base.Cell, ...]:
    return (
        name,
        clients,
        *(policy.apply(d.percent) for d in result.domains),
        policy.apply(result.value),
    )


WHOQOL = WhoqolSection()
"""The ``[whoqol]`` section."""
