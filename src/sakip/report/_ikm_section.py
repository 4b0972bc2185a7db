"""The ``[[ikm]]`` section of an LKIP data set: SKM results from printed NRR.

Split from :mod:`sakip.report._instrument_sections` (issue 14): each entry is
one unit's survey (Survei Kepuasan Masyarakat) as the SKM report prints it,
the NRR per unsur and the respondents, with the weighting of the NRR the
report used (``weights``: ``"exact"``, 1/9, the regulation and the default;
``"0.111"`` or ``"0.11"``, the legacy printed weights of
:class:`sakip.instruments.ikm.IkmWeighting`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

import sakip.instruments.ikm as ikm
from sakip.report.reader import MISSING, Reader, present

__all__ = ["IkmInput"]

_WEIGHTINGS = {weighting.value: weighting for weighting in ikm.IkmWeighting}
PRINTED_KEYS = ("index", "converted")


@attrs.frozen
class IkmInput:
    """One unit's SKM result: respondents, NRR per unsur, the weighting, the printed figures.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().ikm
    ()
    """

    unit: str
    location: str
    respondents: int
    nrr: tuple[Decimal, ...]
    weights: ikm.IkmWeighting = ikm.IkmWeighting.EXACT
    indicator: str | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)

    def result(self) -> ikm.IkmResult:
        """The IKM computed with the stated weighting.

        Examples
        --------
        >>> IkmInput("bnnp", "SKM", 1, (Decimal(4),) * 9, weights=ikm.IkmWeighting("0.11")
        ...          ).result().converted
        Decimal('99')
        """
        return ikm.from_nrr(respondents=self.respondents, nrr=self.nrr, weights=self.weights)


def read_ikm(readers: list[Reader], codes: set[str], unit_codes: set[str]) -> tuple[IkmInput, ...]:
    """Read the ``[[ikm]]`` entries, recording every problem on the readers."""
    out: list[IkmInput] = []
    for reader in readers:
        reader.check_keys(
            {"unit", "location", "indicator", "respondents", "nrr", "weights", "printed"}
        )
        code = reader.text("unit")
        if code is not MISSING and code not in unit_codes:
            reader.problem(
                f"must be a unit of the data set ({sorted(unit_codes)})", code, key="unit"
            )
            code = MISSING
        indicator = reader.text("indicator", required=False)
        if isinstance(indicator, str) and indicator not in codes:
            reader.problem(
                "must be an indicator code of the agreement", indicator, key="indicator"
            )
            indicator = MISSING
        respondents = reader.integer("respondents", minimum=1)
        values = reader.values("nrr")
        reader.require_items("nrr", "NRR")
        nrr = []
        for position, value in enumerate(values):
            sub = Reader({"v": value}, reader.where(f"nrr[{position}]"), reader.problems)
            nrr.append(sub.number("v", exact=True))
        weights = reader.choice("weights", _WEIGHTINGS, default=ikm.IkmWeighting.EXACT)
        printed: dict[str, Decimal] = {}
        table = reader.table_at("printed", required=False)
        if table is not None:
            table.check_keys(set(PRINTED_KEYS))
            for key in PRINTED_KEYS:
                number = table.number(key, required=False, exact=True)
                if isinstance(number, Decimal):
                    printed[key] = number
        location = reader.text("location", required=False) or reader.where()
        if not present(code, indicator, respondents, weights, *nrr) or not nrr:
            continue
        if code in {entry.unit for entry in out}:
            reader.problem("repeats a unit", code, key="unit")
            continue
        entry = IkmInput(code, location, respondents, tuple(nrr), weights, indicator, printed)
        if reader.build(entry.result) is not None:
            out.append(entry)
    return tuple(out)
