"""Results and report tables as plain records, or as pandas DataFrames.

For analysis in notebooks without making pandas a dependency of ``sakip``:
:func:`to_records` turns results into a list of dicts (one per row) that any
tool reads, and :func:`to_dataframe` builds a ``pandas.DataFrame`` with typed
columns when pandas is installed (``pip install 'sakip[pandas]'``).

What converts, and the keys of its records:

- ``IndicatorResult`` (or a sequence, as ``evaluate`` returns): ``code``,
  ``name``, ``unit_of_measure``, ``polarity``, ``target``, ``realization``,
  ``capaian`` (exact), ``status``, ``category``;
- ``IndicatorRow`` (``LkipReport.indicators``): the same plus ``objective``,
  with ``capaian`` as displayed and ``capaian_exact``;
- ``Summary`` (or a sequence, one row each): ``count``, ``mean``, ``above``,
  ``at``, ``below``, then ``category: <label>`` counts;
- ``Finding`` (or a sequence, as the audit returns): ``location``,
  ``printed``, ``computed``, ``rule``, ``difference``;
- a report ``Table``: one dict per row, keyed by the table's columns;
- ``LkipReport`` (or a sequence of ``Table``): every table in long form,
  ``table``, ``row``, ``column``, ``value`` (the layout of the CSV output).

Numbers stay exact ``Decimal`` s in records. In a DataFrame a column of
numbers that has any ``Decimal`` is kept exact as ``object`` dtype by
default; ``decimals="float"`` (binary floats, for plotting) or
``decimals="str"`` (plain decimal text, as the JSON output writes them)
converts it, only when asked.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Literal

from sakip.errors import InvalidTypeError, InvalidValueError, MissingExtraError
from sakip.findings import Finding
from sakip.indicators import IndicatorResult
from sakip.numbers import NumberStyle, format_number
from sakip.report.compute import IndicatorRow, LkipReport, Table
from sakip.summary import Summary

__all__ = ["DecimalChoice", "Record", "to_dataframe", "to_records"]

Record = dict[str, object]
"""One row: column name -> value (``str``, ``int``, ``bool``, ``Decimal`` or ``None``)."""

DecimalChoice = Literal["keep", "float", "str"]
"""What :func:`to_dataframe` does with exact ``Decimal`` values."""

_DECIMAL_CHOICES = ("keep", "float", "str")
_LONG_COLUMNS = ("table", "row", "column", "value")
_SUPPORTED = (
    "an IndicatorResult, IndicatorRow, Summary, Finding, Table or LkipReport, "
    "or a sequence of one of them"
)


def _result_record(result: IndicatorResult) -> Record:
    indicator = result.indicator
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit_of_measure": indicator.unit_of_measure,
        "polarity": indicator.polarity.value,
        "target": result.target,
        "realization": result.realization,
        "capaian": result.achievement,
        "status": result.status.value,
        "category": result.category.label,
    }


def _row_record(row: IndicatorRow) -> Record:
    indicator = row.entry.indicator
    result = row.result
    return {
        "code": indicator.code,
        "objective": row.entry.objective,
        "name": indicator.name,
        "unit_of_measure": indicator.unit_of_measure,
        "polarity": indicator.polarity.value,
        "target": result.target,
        "realization": result.realization,
        "capaian": row.displayed,
        "capaian_exact": result.achievement,
        "status": result.status.value,
        "category": result.category.label,
    }


def _summary_record(summary: Summary) -> Record:
    record: Record = {
        "count": summary.count,
        "mean": summary.mean,
        "above": summary.above,
        "at": summary.at,
        "below": summary.below,
    }
    for label, count in summary.categories.items():
        record[f"category: {label}"] = count
    return record


def _finding_record(finding: Finding) -> Record:
    return {
        "location": finding.location,
        "printed": finding.printed,
        "computed": finding.computed,
        "rule": finding.rule,
        "difference": finding.difference,
    }


_CONVERTERS: tuple[tuple[type, Callable[[Any], Record]], ...] = (
    (IndicatorResult, _result_record),
    (IndicatorRow, _row_record),
    (Summary, _summary_record),
    (Finding, _finding_record),
)


def _table_columns(table: Table) -> tuple[str, ...]:
    if len(set(table.columns)) != len(table.columns):
        raise InvalidValueError(
            f"table {table.key!r}", "must have distinct column names", table.columns
        )
    return table.columns


def _table_records(table: Table) -> list[Record]:
    columns = _table_columns(table)
    return [dict(zip(columns, row, strict=True)) for row in table.rows]


def _long_records(tables: Iterable[Table]) -> list[Record]:
    records: list[Record] = []
    for table in tables:
        for position, row in enumerate(table.rows, 1):
            for column, value in zip(table.columns, row, strict=True):
                records.append(
                    {"table": table.key, "row": position, "column": column, "value": value}
                )
    return records


def _union(records: Sequence[Mapping[str, object]]) -> tuple[str, ...]:
    columns: dict[str, None] = {}
    for record in records:
        columns.update(dict.fromkeys(record))
    return tuple(columns)


def _tabulate(obj: object) -> tuple[tuple[str, ...], list[Record]]:
    """The columns and records of ``obj`` (columns known even without rows)."""
    if isinstance(obj, Table):
        return _table_columns(obj), _table_records(obj)
    if isinstance(obj, LkipReport):
        return _LONG_COLUMNS, _long_records(obj.tables)
    for kind, convert in _CONVERTERS:
        if isinstance(obj, kind):
            record = convert(obj)
            return tuple(record), [record]
    if isinstance(obj, str | bytes | Mapping) or not isinstance(obj, Iterable):
        raise InvalidTypeError("obj", f"must be {_SUPPORTED}", type(obj).__name__)
    items = list(obj)
    if not items:
        return (), []
    if all(isinstance(item, Table) for item in items):
        return _LONG_COLUMNS, _long_records(items)
    for kind, convert in _CONVERTERS:
        if isinstance(items[0], kind):
            strays = [type(item).__name__ for item in items if not isinstance(item, kind)]
            if strays:
                raise InvalidTypeError(
                    "obj", f"must hold only {kind.__name__} items, not a mix", strays[0]
                )
            records = [convert(item) for item in items]
            columns = _union(records)
            return columns, [
                {column: record.get(column) for column in columns} for record in records
            ]
    raise InvalidTypeError("obj", f"must be {_SUPPORTED}", type(items[0]).__name__)


def to_records(obj: object) -> list[Record]:
    """Results or report tables as a list of dicts, one per row, values unchanged.

    Parameters
    ----------
    obj : IndicatorResult, IndicatorRow, Summary, Finding, Table or LkipReport
        Or a sequence of one of them (``evaluate(...)``, ``report.indicators``,
        ``audit(report)``, summaries of several years or units,
        ``report.tables``). See the module documentation for the keys.

    Returns
    -------
    list of dict
        Numbers are exact ``Decimal`` s (or ``int`` counts); enums are
        their values (``"higher_is_better"``, ``"above"``); categories are
        labels. Records of a sequence share one set of keys (a key missing
        from an item is ``None``).

    Raises
    ------
    InvalidTypeError
        ``obj`` is of another type, or a sequence mixes kinds.
    InvalidValueError
        A table with two columns of the same name.

    Examples
    --------
    >>> from sakip import Indicator, Objective, PerformanceAgreement, WorkUnit
    >>> from sakip.indicators import UnitLevel
    >>> from sakip import evaluate, summarize
    >>> unit = WorkUnit("bnnk-contoh", "BNNK Contoh", UnitLevel.BNNK)
    >>> pk = PerformanceAgreement(unit, 2024, [Objective("S1", "Rehabilitasi", [
    ...     Indicator("1", "Indeks kepuasan layanan", "Indeks"),
    ...     Indicator("2", "Berkas perkara P-21", "Berkas")])], {"1": "3.60", "2": 7})
    >>> results = evaluate(pk, {"1": "3.70", "2": 16})
    >>> records = to_records(results)
    >>> list(records[0])
    ['code', 'name', 'unit_of_measure', 'polarity', 'target', 'realization', 'capaian', 'status', 'category']
    >>> records[0]["capaian"], records[0]["status"], records[0]["category"]
    (Decimal('102.777777777777777777777777777777777777777777777777777777778'), 'above', 'Memuaskan')
    >>> to_records(summarize(results))[0]["above"]
    2

    A table of the computed report, and the whole report in long form:

    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> row = to_records(report.table("pengukuran_kinerja"))[9]
    >>> row["No"], row["Capaian (%)"], row["Kategori"]
    ('10', Decimal('102.77'), 'Memuaskan')
    >>> to_records(report)[0]
    {'table': 'pengukuran_kinerja', 'row': 1, 'column': 'No', 'value': '1'}
    """
    return _tabulate(obj)[1]


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, Decimal):
        return "decimal"
    if isinstance(value, str):
        return "str"
    return "object"


def _plain(value: Decimal) -> str:
    return format_number(value, style=NumberStyle.PLAIN)


def _column(pandas: Any, values: list[object], decimals: str) -> Any:
    """One typed pandas Series for a column of record values."""
    kinds = {_kind(value) for value in values if value is not None}
    missing = any(value is None for value in values)
    if kinds == {"bool"}:
        return pandas.Series(values, dtype="boolean" if missing else "bool")
    if kinds == {"int"}:
        return pandas.Series(values, dtype="Int64" if missing else "int64")
    if kinds == {"str"}:
        return pandas.Series(values, dtype="string")
    if kinds and kinds <= {"int", "decimal"}:
        numbers = [None if v is None else Decimal(v) for v in values]  # type: ignore[arg-type]
        if decimals == "float":
            return pandas.Series(
                [float("nan") if v is None else float(v) for v in numbers], dtype="float64"
            )
        if decimals == "str":
            return pandas.Series(
                [None if v is None else _plain(v) for v in numbers], dtype="string"
            )
        return pandas.Series(numbers, dtype="object")
    converted: list[object] = list(values)
    if decimals != "keep":
        convert: Callable[[Decimal], object] = float if decimals == "float" else _plain
        converted = [convert(v) if isinstance(v, Decimal) else v for v in values]
    return pandas.Series(converted, dtype="object")


def _import_pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingExtraError(
            "to_dataframe", "needs pandas (pip install 'sakip[pandas]')", "pandas"
        ) from None


def to_dataframe(obj: object, *, decimals: DecimalChoice = "keep") -> Any:
    """Results or report tables as a ``pandas.DataFrame`` with typed columns.

    pandas is imported only here; ``sakip`` does not depend on it.

    Parameters
    ----------
    obj : IndicatorResult, IndicatorRow, Summary, Finding, Table or LkipReport
        Or a sequence of one of them, as for :func:`to_records`.
    decimals : {"keep", "float", "str"}, default "keep"
        What becomes of exact ``Decimal`` values. ``"keep"``: a column of
        numbers with any ``Decimal`` is ``object`` dtype holding
        ``Decimal`` s (its integers made ``Decimal`` too), exact.
        ``"float"``: ``float64`` (empty cells NaN), the nearest binary
        float: for plotting, not for figures to publish. ``"str"``:
        ``string`` dtype with plain decimals (``"102.77"``).

    Returns
    -------
    pandas.DataFrame
        One column per record key, in order. Counts are ``int64``
        (``Int64`` when a cell is empty), text ``string``, flags
        ``bool``/``boolean``; a column mixing text and numbers stays
        ``object``, its ``Decimal`` s converted as ``decimals`` says.

    Raises
    ------
    MissingExtraError
        pandas is not installed.
    InvalidValueError
        ``decimals`` is not one of the three choices.
    InvalidTypeError
        As :func:`to_records`.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> frame = to_dataframe(report.indicators)
    >>> frame.loc[9, ["code", "capaian", "category"]].tolist()
    ['10', Decimal('102.77'), 'Memuaskan']
    >>> str(frame["capaian"].dtype), str(frame["target"].dtype)
    ('object', 'object')
    >>> frame["capaian"].sum()  # exact
    Decimal('1932.13')
    >>> float(to_dataframe(report.indicators, decimals="float")["capaian"].sum())  # binary
    1932.1299999999999
    >>> kpkk = to_dataframe(report.table("kpkk_aspek"), decimals="str")
    >>> kpkk["Rata-rata"].tolist()[:3], str(kpkk["Jumlah"].dtype)
    (['4.00', '4.00', '2.60'], 'int64')
    """
    if decimals not in _DECIMAL_CHOICES:
        raise InvalidValueError("decimals", "must be 'keep', 'float' or 'str'", decimals)
    pandas = _import_pandas()
    columns, records = _tabulate(obj)
    data = {
        column: _column(pandas, [record.get(column) for record in records], decimals)
        for column in columns
    }
    return pandas.DataFrame(data, columns=list(columns))
