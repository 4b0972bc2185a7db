"""Two units (or two years) side by side: ``sakip compare A B [--map A_CODE=B_CODE ...]``.

Internal to the ``sakip`` command (:mod:`sakip.cli`); the behaviour is
documented in ``docs/report.md``. Indicators are matched by code, or by an
explicit mapping when the two data sets code them differently. Nothing is
computed here that the reports do not hold: the difference is the
displayed capaian of B minus the displayed capaian of A, in points.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from sakip.errors import InvalidValueError
from sakip.report.compute import NOT_COMPUTABLE_LABEL, Cell, LkipReport, Table
from sakip.report.render import _plain, _text_table, markdown_escape, table_csv, table_markdown

__all__ = ["Comparison", "MappingError", "compare_reports", "parse_mapping", "render_comparison"]

COMPARE_FORMAT = "sakip-compare/1"
"""The ``format`` field of the JSON comparison; changes only with a new layout."""


class MappingError(InvalidValueError):
    """A ``--map`` that is not ``A_CODE=B_CODE``, repeats a code, or names an unknown one.

    Examples
    --------
    >>> str(MappingError("--map", "must be A_CODE=B_CODE", "10"))
    "'--map' must be A_CODE=B_CODE: '10'"
    """


def parse_mapping(items: Sequence[str]) -> dict[str, str]:
    """``["A1=B1", ...]`` as a mapping from codes of A to codes of B.

    Raises
    ------
    MappingError
        An item without ``=`` or with an empty side, or a code of either
        side given twice.

    Examples
    --------
    >>> parse_mapping(["10=IKU-10", "3=3a"])
    {'10': 'IKU-10', '3': '3a'}
    >>> parse_mapping(["10"])
    Traceback (most recent call last):
    ...
    sakip.report.compare_cli.MappingError: '--map' must be A_CODE=B_CODE: '10'
    """
    mapping: dict[str, str] = {}
    for item in items:
        a_code, sep, b_code = item.partition("=")
        if not sep or not a_code or not b_code:
            raise MappingError("--map", "must be A_CODE=B_CODE", item)
        if a_code in mapping or b_code in mapping.values():
            raise MappingError("--map", "maps a code twice", item)
        mapping[a_code] = b_code
    return mapping


@attrs.frozen
class _Side:
    target: Cell
    realization: Cell
    capaian: Decimal | None
    category: str


def _sides(report: LkipReport) -> dict[str, _Side]:
    def target(value: object) -> Cell:
        return value if isinstance(value, Decimal) else str(value)

    sides = {
        row.entry.indicator.code: _Side(
            target(row.result.target),
            row.result.realization,
            row.displayed,
            row.result.category.label,
        )
        for row in report.indicators
    }
    for item in report.excluded:
        sides[item.entry.indicator.code] = _Side(
            target(item.excluded.target), item.excluded.realization, None, NOT_COMPUTABLE_LABEL
        )
    return sides


@attrs.frozen
class Comparison:
    """Two reports by indicator.

    Attributes
    ----------
    a, b : LkipReport
        The two reports, in the order given.
    table : Table
        One row per matched indicator: code, name, then target,
        realisation, capaian and category of A and of B, and the
        difference of capaian (B - A) in points.
    only_a, only_b : tuple of str
        Codes of the indicators present in one data set only.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> comparison = compare_reports(report, report, {})
    >>> comparison.table.rows[9][:3], comparison.table.rows[9][-1], comparison.only_a
    (('10', ..., Decimal('3.60')), Decimal('0.00'), ())
    """

    a: LkipReport
    b: LkipReport
    table: Table
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


_COLUMNS = (
    "Kode",
    "Indikator",
    "Target A",
    "Realisasi A",
    "Capaian A (%)",
    "Kategori A",
    "Target B",
    "Realisasi B",
    "Capaian B (%)",
    "Kategori B",
    "Selisih capaian (poin)",
)


def _label(report: LkipReport) -> str:
    return f"{report.dataset.unit.name} {report.dataset.year}"


def compare_reports(a: LkipReport, b: LkipReport, mapping: dict[str, str]) -> Comparison:
    """Match the indicators of ``a`` and ``b`` by code, or by ``mapping`` (codes of A to B).

    An indicator of A that ``mapping`` does not name is matched with the
    same code in B.

    Raises
    ------
    MappingError
        ``mapping`` names a code that A or B does not have.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> compare_reports(report, report, {"99": "1"})
    Traceback (most recent call last):
    ...
    sakip.report.compare_cli.MappingError: '--map' names an indicator that A does not have: '99'
    """
    sides_a, sides_b = _sides(a), _sides(b)
    for a_code, b_code in mapping.items():
        if a_code not in sides_a:
            raise MappingError("--map", "names an indicator that A does not have", a_code)
        if b_code not in sides_b:
            raise MappingError("--map", "names an indicator that B does not have", b_code)
    names = {e.indicator.code: e.indicator.name for e in a.dataset.entries}
    rows: list[tuple[Cell, ...]] = []
    matched_b: set[str] = set()
    only_a: list[str] = []
    for entry in a.dataset.entries:
        a_code = entry.indicator.code
        b_code = mapping.get(a_code, a_code)
        if b_code not in sides_b or (a_code not in mapping and b_code in mapping.values()):
            only_a.append(a_code)
            continue
        matched_b.add(b_code)
        one, two = sides_a[a_code], sides_b[b_code]
        difference = (
            None if one.capaian is None or two.capaian is None else two.capaian - one.capaian
        )
        rows.append(
            (
                a_code if a_code == b_code else f"{a_code}={b_code}",
                names[a_code],
                one.target,
                one.realization,
                one.capaian,
                one.category,
                two.target,
                two.realization,
                two.capaian,
                two.category,
                difference,
            )
        )
    only_b = tuple(
        e.indicator.code for e in b.dataset.entries if e.indicator.code not in matched_b
    )
    title = f"Perbandingan capaian: A {_label(a)}, B {_label(b)}"
    table = Table("perbandingan", title, _COLUMNS, tuple(rows))
    return Comparison(a, b, table, tuple(only_a), only_b)


def _side_json(report: LkipReport) -> dict[str, Any]:
    dataset = report.dataset
    return {
        "source": dataset.source,
        "unit": {"code": dataset.unit.code, "name": dataset.unit.name},
        "year": dataset.year,
    }


def render_comparison(comparison: Comparison, format: str) -> str:
    """The comparison in ``text``, ``md`` (Indonesian numbers), ``csv`` or ``json`` (plain).

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> csv_text = render_comparison(compare_reports(report, report, {}), "csv")
    >>> csv_text.splitlines()[10].split(",")[-3:]
    ['102.77', 'Memuaskan', '0.00']
    """
    table = comparison.table
    only = [
        (side, codes)
        for side, codes in (("A", comparison.only_a), ("B", comparison.only_b))
        if codes
    ]
    if format == "json":
        document = {
            "format": COMPARE_FORMAT,
            "a": _side_json(comparison.a),
            "b": _side_json(comparison.b),
            "columns": list(table.columns),
            "rows": [[_plain(c) for c in row] for row in table.rows],
            "only_a": list(comparison.only_a),
            "only_b": list(comparison.only_b),
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        return table_csv(table)
    notes = [f"Hanya di {side}: {', '.join(codes)}" for side, codes in only]
    if format == "md":
        markdown = table_markdown(table)
        if notes:
            markdown += ["", *(f"- {markdown_escape(n)}" for n in notes)]
        return "\n".join(markdown) + "\n"
    text = _text_table(table)
    if notes:
        text += ["", *notes]
    return "\n".join(text) + "\n"
