"""``[tahanan]``: the detainee security index (formulas.md section 4, tahanan)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.tahanan as tahanan
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.sections.base import (
    Feed,
    ParseContext,
    Parsed,
    Section,
    Table,
    Tally,
    check_figure,
    indicator_ref,
)

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["TAHANAN", "TahananInput", "TahananSection"]

_RULE = "(N - (a + b + c)) / N x 100"


@attrs.frozen
class TahananInput:
    """Detainee counts of the period (formulas.md section 4, tahanan).

    Examples
    --------
    >>> TahananInput("BAB III", 22, 0, 0, 0).detainees
    22
    """

    location: str
    detainees: int
    escapes: int
    serious_fights: int
    negligent_deaths: int
    indicator: str | None = None
    printed_value: Decimal | None = None


class TahananSection(Section[TahananInput, tahanan.TahananResult]):
    """``[tahanan]``: counts, the index, its printed value and the indicator it feeds.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(TAHANAN).value
    Decimal('100')
    """

    key = "tahanan"

    def parse(
        self, root: Reader, context: ParseContext
    ) -> Parsed[TahananInput, tahanan.TahananResult] | None:
        """Read and validate the section, computing its result (see :meth:`Section.parse`)."""
        reader = self.table(root)
        if reader is None:
            return None
        reader.check_keys(
            {"location", "indicator", "detainees", "escapes", "serious_fights",
             "negligent_deaths", "printed_value"}
        )  # fmt: skip
        values = (
            reader.text("location", required=False) or reader.where(),
            reader.integer("detainees", minimum=0),
            reader.integer("escapes", minimum=0),
            reader.integer("serious_fights", minimum=0),
            reader.integer("negligent_deaths", minimum=0),
        )
        indicator = indicator_ref(reader, context.indicator_codes)
        printed = reader.number("printed_value", required=False, exact=True)
        if not present(*values, indicator, printed):
            return None
        data = TahananInput(*values, indicator=indicator, printed_value=printed)
        result = reader.build(self.compute, data)
        return None if result is None else Parsed(data, result)

    def compute(self, data: TahananInput) -> tahanan.TahananResult:
        """The index (N - (a + b + c)) / N x 100."""
        return tahanan.score(
            detainees=data.detainees,
            escapes=data.escapes,
            serious_fights=data.serious_fights,
            negligent_deaths=data.negligent_deaths,
        )

    def tables(
        self, data: TahananInput, result: tahanan.TahananResult, dataset: DataSet
    ) -> list[Table]:
        """The section's tables, numbers rounded with the data set's policies."""
        policy = dataset.policies["capaian"]
        return [
            Table(
                "tahanan",
                "Nilai keamanan, ketertiban dan kesehatan tahanan",
                ("Jumlah tahanan", "Kabur", "Perkelahian berat",
                 "Meninggal karena kelalaian", "Nilai"),
                ((data.detainees, data.escapes, data.serious_fights, data.negligent_deaths,
                  policy.apply(result.value)),),
                _RULE,
            )
        ]  # fmt: skip

    def audit(
        self, data: TahananInput, result: tahanan.TahananResult, dataset: DataSet, tally: Tally
    ) -> Iterator[Finding]:
        """The section's printed figures compared with the computed ones (each tallied)."""
        yield from check_figure(
            tally, data.location, "nilai", data.printed_value, result.value,
            dataset.policies["capaian"], _RULE,
        )  # fmt: skip

    def feeds(
        self, data: TahananInput, result: tahanan.TahananResult, dataset: DataSet
    ) -> Iterator[Feed]:
        """The indicator the section names with ``indicator``, and its computed figure."""
        if data.indicator is not None:
            yield Feed(
                data.indicator, data.location, result.value, dataset.policies["capaian"],
                "the indicator's realisation is the index",
            )  # fmt: skip


TAHANAN = TahananSection()
"""The ``[tahanan]`` section."""
