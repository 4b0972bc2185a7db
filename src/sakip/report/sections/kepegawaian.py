"""``[kepegawaian]``: the staff table against the DSP (formasi), its totals and percentages."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.kepegawaian as kepegawaian
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["KEPEGAWAIAN", "KepegawaianInput", "KepegawaianSection"]


@attrs.frozen
class KepegawaianInput:
    """The staff table, the DSP, and the printed totals and percentages.

    Examples
    --------
    >>> KepegawaianInput("BAB II", ()).printed_total is None
    True
    """

    location: str
    units: tuple[kepegawaian.UnitStaff, ...]
    printed_total: int | None = None
    text_total: int | None = None
    text_location: str = ""
    printed_fulfilment: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)


class KepegawaianSection(base.Section[KepegawaianInput, kepegawaian.KepegawaianResult]):
    """``[kepegawaian]``: staff per unit and status, fulfilment of the DSP.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(KEPEGAWAIAN).filled > 0
    True
    """

    key = "kepegawaian"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[KepegawaianInput, kepegawaian.KepegawaianResult] | None:
        """Read the staff per unit and status and the printed figures; score them."""
        reader.check_keys(
            {"location", "units", "printed_total", "text_total", "text_location",
             "printed_fulfilment"}
        )  # fmt: skip
        units: list[kepegawaian.UnitStaff] = []
        items = reader.array("units")
        reader.require_items("units", "unit")
        for item in items:
            item.check_keys({"unit", "required", "staff"})
            unit = base.known_unit(item, "unit", context.unit_codes)
            required = item.integer("required", minimum=0)
            staff_reader = item.table_at("staff")
            assert staff_reader is not None
            staff = {s: staff_reader.integer(s, minimum=0) for s in staff_reader.table}
            if unit in {u.unit for u in units}:
                item.problem("repeats a unit of the table", unit, key="unit")
                continue
            if present(unit, required, *staff.values()):
                built = item.build(kepegawaian.UnitStaff, unit, staff, required=required)
                if built is not None:
                    units.append(built)
        fulfilment = {}
        table = reader.table_at("printed_fulfilment", required=False)
        if table is not None:
            for code in table.table:
                if code not in context.unit_codes:
                    table.problem("must be a unit of the data set", code, key=code)
                    continue
                if code not in {u.unit for u in units}:
                    table.problem("must be a unit of kepegawaian.units", code, key=code)
                    continue
                value = table.number(code, exact=True)
                if isinstance(value, Decimal):
                    fulfilment[code] = value
        values = (
            reader.text("location", required=False) or reader.where(),
            reader.integer("printed_total", required=False, minimum=0),
            reader.integer("text_total", required=False, minimum=0),
            reader.text("text_location", required=False) or "",
        )
        if not present(*values):
            return None
        data = KepegawaianInput(
            values[0], tuple(units), values[1], values[2], values[3], fulfilment
        )
        result = reader.build(self.compute, data, at="units")
        return None if result is None else base.Parsed(data, result)

    def compute(self, data: KepegawaianInput) -> kepegawaian.KepegawaianResult:
        """Fulfilment of the DSP per unit and in total."""
        return kepegawaian.score(data.units)

    def tables(
        self, data: KepegawaianInput, result: kepegawaian.KepegawaianResult, dataset: DataSet
    ) -> list[base.Table]:
        """Staff per unit and status against the DSP, with the Jumlah row."""
        policy = dataset.policies["staffing"]
        statuses = tuple(kepegawaian.EmploymentStatus)
        rows: list[tuple[base.Cell, ...]] = []
        for unit in data.units:
            rows.append(
                (
                    dataset.unit_name(unit.unit),
                    *(unit.count(status) for status in statuses),
                    unit.filled,
                    unit.required,
                    policy.apply(result.unit(unit.unit).fulfilment),
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
        return [
            base.Table(
                "kepegawaian",
                "Pemenuhan pegawai terhadap DSP",
                ("Satuan kerja", *(s.value for s in statuses), "Jumlah", "DSP", "Pemenuhan (%)"),
                tuple(rows),
            )
        ]

    def audit(
        self,
        data: KepegawaianInput,
        result: kepegawaian.KepegawaianResult,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """The printed totals and each unit's printed fulfilment."""
        for printed, location in (
            (data.printed_total, f"{data.location}, jumlah"),
            (data.text_total, data.text_location or data.location),
        ):
            if printed is not None:
                tally.saw(location)
                found = kepegawaian.check_total(result, printed=printed, location=location)
                if found is not None:
                    yield found
        for code, shown in data.printed_fulfilment.items():
            location = f"{data.location}, pemenuhan {dataset.unit_name(code)}"
            tally.saw(location)
            found = kepegawaian.check_fulfilment(
                result, unit=code, printed=shown, policy=dataset.policies["staffing"],
                location=location,
            )  # fmt: skip
            if found is not None:
                yield found


KEPEGAWAIAN = KepegawaianSection()
"""The ``[kepegawaian]`` section."""
