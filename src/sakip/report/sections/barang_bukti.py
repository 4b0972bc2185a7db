"""``[barang_bukti]``: the evidence ledger and, from the BA pairs, the evidence security index."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

import sakip.instruments.barang_bukti as barang_bukti
from sakip.findings import Finding
from sakip.numbers import UNBOUNDED
from sakip.report.reader import Reader, present
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["BARANG_BUKTI", "BarangBuktiInput", "BarangBuktiOutcome", "BarangBuktiSection"]

_RULE = "matched BA pairs / pairs x 100"


@attrs.frozen
class BarangBuktiInput:
    """The evidence ledger and the BA pairs (deposit and release) when the data set lists them.

    Examples
    --------
    >>> BarangBuktiInput("BAB III", ()).pairs
    ()
    """

    location: str
    ledger: tuple[barang_bukti.LedgerEntry, ...]
    pairs: tuple[barang_bukti.EvidencePair, ...] = ()
    indicator: str | None = None
    printed_value: Decimal | None = None


@attrs.frozen
class BarangBuktiOutcome:
    """The ledger's balance per evidence type, and the index when the pairs are given.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> outcome = load_dataset().result(BARANG_BUKTI)
    >>> len(outcome.checks), outcome.index
    (3, None)
    """

    checks: tuple[barang_bukti.LedgerCheck, ...]
    index: barang_bukti.BarangBuktiResult | None = None


class BarangBuktiSection(base.Section[BarangBuktiInput, BarangBuktiOutcome]):
    """``[barang_bukti]``: ledger, ``[[barang_bukti.pairs]]``, printed value, indicator.

    Examples
    --------
    >>> BARANG_BUKTI.key
    'barang_bukti'
    """

    key = "barang_bukti"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[BarangBuktiInput, BarangBuktiOutcome] | None:
        """Read the ledger, the BA pairs, the printed index; check and score them."""
        reader.check_keys({"location", "indicator", "printed_value", "ledger", "pairs"})
        ledger = []
        for item in reader.array("ledger"):
            item.check_keys({"type", "unit", "received", "destroyed", "remaining", "used"})
            kind, unit = item.text("type"), item.text("unit")
            amounts = {
                k: item.number(k, required=k != "used")
                for k in ("received", "destroyed", "remaining", "used")
            }
            if not present(kind, unit, *amounts.values()):
                continue
            entry = item.build(_ledger_entry, kind, unit, amounts)
            if entry is not None:
                ledger.append(entry)
        pairs = [p for p in (_pair(item) for item in reader.array("pairs", required=False)) if p]
        indicator = base.indicator_ref(reader, context.indicator_codes)
        printed = reader.number("printed_value", required=False, exact=True)
        location = reader.text("location", required=False) or reader.where()
        if not present(indicator, printed):
            return None
        data = BarangBuktiInput(location, tuple(ledger), tuple(pairs), indicator, printed)
        result = reader.build(self.compute, data, at="pairs" if pairs else None)
        return None if result is None else base.Parsed(data, result)

    def compute(self, data: BarangBuktiInput) -> BarangBuktiOutcome:
        """The ledger checks, and the index of the pairs (``None`` without pairs)."""
        index = barang_bukti.score(data.pairs) if data.pairs else None
        return BarangBuktiOutcome(barang_bukti.check_ledger(data.ledger), index)

    def tables(
        self, data: BarangBuktiInput, result: BarangBuktiOutcome, dataset: DataSet
    ) -> list[base.Table]:
        """The ledger, with the index in the note when the pairs are given."""
        rows: list[tuple[base.Cell, ...]] = []
        for entry in data.ledger:
            used = entry.used.amount if entry.used is not None else Decimal(0)
            rows.append(
                (entry.evidence_type, entry.unit, entry.received.amount, entry.destroyed.amount,
                 used, entry.remaining.amount, entry.balance)
            )  # fmt: skip
        note = "Indeks = rata-rata kecocokan BA penitipan dan BA pengeluaran x 100."
        if result.index is not None:
            note += f" Nilai: {result.index.value}."
        else:
            note += " Data set tidak memuat pasangan BA, jadi indeks tidak dihitung ulang."
        return [
            base.Table(
                "barang_bukti",
                "Buku barang bukti",
                ("Jenis", "Satuan", "Masuk", "Dimusnahkan", "Keperluan lain",
                 "Belum dimusnahkan", "Selisih"),
                tuple(rows),
                note,
            )
        ]  # fmt: skip

    def audit(
        self,
        data: BarangBuktiInput,
        result: BarangBuktiOutcome,
        dataset: DataSet,
        tally: base.Tally,
    ) -> Iterator[Finding]:
        """Each ledger row's balance, and the printed index against the pairs."""
        for check in result.checks:
            entry = check.entry
            where = f"{data.location}, {entry.evidence_type}, belum dimusnahkan"
            tally.saw(where)
            if not check.balanced:
                used = entry.used.amount if entry.used is not None else Decimal(0)
                yield Finding(
                    where,
                    entry.remaining.amount,
                    UNBOUNDED.subtract(
                        UNBOUNDED.subtract(entry.received.amount, entry.destroyed.amount), used
                    ),
                    "received = destroyed + used + remaining",
                )
        if result.index is not None:
            yield from base.check_figure(
                tally, data.location, "nilai", data.printed_value, result.index.value,
                dataset.policies["capaian"], _RULE,
            )  # fmt: skip

    def feeds(
        self, data: BarangBuktiInput, result: BarangBuktiOutcome, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicator whose realisation is the index of the BA pairs."""
        if data.indicator is not None and result.index is not None:
            yield base.Feed(
                data.indicator, data.location, result.index.value, dataset.policies["capaian"],
                "the indicator's realisation is the evidence security index",
            )  # fmt: skip


def _ledger_entry(kind: str, unit: str, amounts: dict[str, Any]) -> barang_bukti.LedgerEntry:
    quantities = {
        k: barang_bukti.Quantity(v, unit) for k, v in amounts.items() if isinstance(v, Decimal)
    }
    return barang_bukti.LedgerEntry(kind, **quantities)


def _pair(reader: Reader) -> barang_bukti.EvidencePair | None:
    """``{case, type, unit, received, released}``: one item's BA penitipan and BA pengeluaran."""
    reader.check_keys({"case", "type", "unit", "received", "released"})
    case, kind, unit = reader.text("case"), reader.text("type"), reader.text("unit")
    received, released = reader.number("received"), reader.number("released")
    if not present(case, kind, unit, received, released):
        return None
    return reader.build(_evidence_pair, case, kind, unit, received, released)


def _evidence_pair(
    case: str, kind: str, unit: str, received: Decimal, released: Decimal
) -> barang_bukti.EvidencePair:
    return barang_bukti.EvidencePair(
        case,
        received=barang_bukti.EvidenceRecord(kind, barang_bukti.Quantity(received, unit)),
        released=barang_bukti.EvidenceRecord(kind, barang_bukti.Quantity(released, unit)),
    )


BARANG_BUKTI = BarangBuktiSection()
"""The ``[barang_bukti]`` section."""
