"""``[tahanan]``: the detainee security index (formulas.md section 4, tahanan)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

import sakip.instruments.tahanan as tahanan
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["TAHANAN", "TahananInput", "TahananSection"]

_RULE = "(N - (a + b + c)) / N x 100"
_FIELDS = {
    "location", "indicator", "detainees", "escapes", "serious_fights", "negligent_deaths",
    "printed_value",
}  # fmt: skip


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


class TahananSection(base.Section[TahananInput, tahanan.TahananResult]):
    """``[tahanan]``: counts, the index, its printed value and the indicator it feeds.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(TAHANAN).value
    Decimal('100')
    """

    key = "tahanan"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[TahananInput, tahanan.TahananResult] | None:
        """Read the four counts, the printed index and the indicator; score them."""
        reader.check_keys(_FIELDS)
        values = (
            reader.text("location", required=False) or reader.where(),
            reader.integer("detainees", minimum=0),
            reader.integer("escapes", minimum=0),
            reader.integer("serious_fights", minimum=0),
            reader.integer("negligent_deaths", minimum=0),
        )
        indicator = base.indicator_ref(reader, context.indicator_codes)
        printed = reader.number("printed_value", required=False, exact=True)
        if not present(*values, indicator, printed):
            return None
        data = TahananInput(*values, indicator=indicator, printed_value=printed)
        result = reader.build(self.compute, data)
        return None if result is None else base.Parsed(data, result)

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
    ) -> list[base.Table]:
        """The counts and the index (capaian rounding)."""
        policy = dataset.policies["capaian"]
        return [
            base.Table(
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
        self,
        data: TahananInput,
        result: tahanan.TahananResult,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """The printed index against (N - (a + b + c)) / N x 100."""
        yield from base.check_figure(
            tally, data.location, "nilai", data.printed_value, result.value,
            dataset.policies["capaian"], _RULE,
        )  # fmt: skip

    def feeds(
        self, data: TahananInput, result: tahanan.TahananResult, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicator whose realisation is the index."""
        policy = dataset.policies["capaian"]
        rule = "the indicator's realisation is the index"
        return base.feed(data.indicator, data.location, result.value, policy, rule)


TAHANAN = TahananSection()
"""The ``[tahanan]`` section."""
