"""Records and DataFrames of results and report tables (sakip.interop)."""

from __future__ import annotations

import csv
import io
import math
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip import (
    Indicator,
    InvalidTypeError,
    InvalidValueError,
    Objective,
    PerformanceAgreement,
    Polarity,
    WorkUnit,
    evaluate,
    percent,
    summarize,
    to_dataframe,
    to_records,
)
from sakip.errors import MissingExtraError
from sakip.findings import Finding
from sakip.indicators import UnitLevel
from sakip.report.audit import audit
from sakip.report.compute import LkipReport, Table, compute_report
from sakip.report.dataset import load_dataset
from sakip.report.render import render_csv
from sakip.summary import Summary
from tests.strategies import decimals


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


def agreement_results() -> tuple[Any, ...]:
    unit = WorkUnit("bnnk-contoh", "BNNK Contoh", UnitLevel.BNNK)
    indicators = [
        Indicator("1", "Indeks kepuasan", "Indeks"),
        Indicator("2", "Prevalensi", "%", polarity=Polarity.LOWER_IS_BETTER),
        Indicator("3", "BNNK dengan IKPA mencapai target", "BNNK"),
    ]
    pk = PerformanceAgreement(
        unit, 2024, [Objective("S1", "Sasaran", indicators)], {"1": "3.60", "2": "2", "3": 2}
    )
    return evaluate(pk, {"1": "3.70", "2": "1.5", "3": 1})


# --- records ---------------------------------------------------------------------------


def test_indicator_results_keep_exact_values_and_enum_values() -> None:
    results = agreement_results()
    records = to_records(results)
    assert [r["code"] for r in records] == ["1", "2", "3"]
    assert records[0]["capaian"] == results[0].achievement == percent("3.70", "3.60")
    assert records[1] == {
        "code": "2",
        "name": "Prevalensi",
        "unit_of_measure": "%",
        "polarity": "lower_is_better",
        "target": Decimal("2"),
        "realization": Decimal("1.5"),
        "capaian": Decimal("125"),
        "status": "above",
        "category": "Memuaskan",
    }
    assert (records[2]["status"], records[2]["category"]) == ("below", "Kurang")
    # One result alone is one record.
    assert to_records(results[1]) == [records[1]]


def test_report_rows_carry_displayed_and_exact_capaian(report: LkipReport) -> None:
    records = to_records(report.indicators)
    assert len(records) == 18
    ten = records[9]
    assert (ten["code"], ten["objective"], ten["capaian"]) == ("10", "S8", Decimal("102.77"))
    assert ten["capaian_exact"] == percent("3.70", "3.60")
    assert records[16]["category"] == "Kurang"


def test_summaries_one_row_each_with_the_union_of_categories() -> None:
    current = summarize(agreement_results())
    previous = Summary.from_counts(above=7, at=10, below=2)
    records = to_records([current, previous])
    assert records[0]["count"] == 3 and records[0]["category: Kurang"] == 1
    assert records[1] == {
        "count": 19,
        "mean": None,
        "above": 7,
        "at": 10,
        "below": 2,
        "category: Memuaskan": None,
        "category: Kurang": None,
    }
    assert list(records[0]) == list(records[1])


def test_audit_findings(report: LkipReport) -> None:
    records = to_records(audit(report))
    assert len(records) == 20
    staff = records[-1]
    assert (staff["printed"], staff["computed"], staff["difference"]) == (119, 121, Decimal(-2))
    assert records[0]["difference"] is None  # labels have no difference


def test_table_rows_keyed_by_columns(report: LkipReport) -> None:
    table = report.table("pengukuran_kinerja")
    records = to_records(table)
    assert len(records) == len(table.rows)
    assert tuple(records[16]) == table.columns
    assert tuple(records[16].values()) == table.rows[16]


def test_whole_report_in_long_form_matches_the_csv(report: LkipReport) -> None:
    records = to_records(report)
    rows = list(csv.reader(io.StringIO(render_csv(report))))[1:]
    assert len(records) == len(rows) == sum(len(t.rows) * len(t.columns) for t in report.tables)
    for record, (table, row, column, value) in zip(records, rows, strict=True):
        assert (record["table"], str(record["row"]), record["column"]) == (table, row, column)
        cell = record["value"]
        assert ("" if cell is None else str(cell)) == value
    assert to_records(report.tables) == records


def test_empty_and_unsupported_input() -> None:
    assert to_records([]) == []
    assert to_records(Table("kosong", "Kosong", ("a", "b"), ())) == []
    for wrong in (3, "pengukuran_kinerja", {"a": 1}, [1, 2], None):
        with pytest.raises(InvalidTypeError, match="'obj' must be"):
            to_records(wrong)
    mixed = [*agreement_results(), Summary.from_counts(above=1, at=0, below=0)]
    with pytest.raises(InvalidTypeError, match="only IndicatorResult items"):
        to_records(mixed)
    with pytest.raises(InvalidValueError, match="distinct column names"):
        to_records(Table("dup", "Dup", ("a", "a"), ((1, 2),)))


# --- DataFrames --------------------------------------------------------------------------


def test_decimals_choice_is_checked_before_pandas_is_needed(report: LkipReport) -> None:
    with pytest.raises(InvalidValueError, match="'decimals' must be 'keep', 'float' or 'str'"):
        to_dataframe(report, decimals="round")  # type: ignore[arg-type]


def test_missing_pandas_is_a_sakip_error(
    report: LkipReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(MissingExtraError, match=r"needs pandas \(pip install 'sakip\[pandas\]'\)"):
        to_dataframe(report.table("ringkasan"))


def test_dataframe_columns_are_typed(report: LkipReport) -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(report.indicators)
    assert list(frame.columns) == list(to_records(report.indicators)[0])
    assert str(frame["code"].dtype) == "string"
    assert frame["capaian"].dtype == object
    assert frame["capaian"].tolist() == [row.displayed for row in report.indicators]
    assert frame["capaian_exact"][9] == percent("3.70", "3.60")
    assert frame["capaian"].sum() == Decimal("1932.13")

    floats = to_dataframe(report.indicators, decimals="float")
    assert str(floats["capaian"].dtype) == "float64"
    assert floats["capaian"][9] == 102.77
    texts = to_dataframe(report.indicators, decimals="str")
    assert str(texts["capaian"].dtype) == "string"
    assert texts["capaian"][0] == "100.00"


def test_dataframe_of_a_table_with_empty_cells_and_mixed_columns(report: LkipReport) -> None:
    pd = pytest.importorskip("pandas")
    history = to_dataframe(report.table("riwayat_8"))  # 2020-2021 have no capaian
    assert history["Capaian (%)"].tolist()[:3] == [None, None, Decimal("100.00")]
    floats = to_dataframe(report.table("riwayat_8"), decimals="float")
    assert math.isnan(floats["Capaian (%)"][0]) and floats["Capaian (%)"][2] == 100.0

    # "Nilai" holds the mean (Decimal) and counts (int): a Decimal column, ints made Decimal.
    summary = to_dataframe(report.table("ringkasan"))
    assert summary["Nilai"].tolist()[:2] == [Decimal("107.34"), Decimal(18)]
    assert all(type(v) is Decimal for v in summary["Nilai"])

    kpkk = to_dataframe(report.table("kpkk_aspek"))
    assert str(kpkk["Jumlah"].dtype) == "int64"
    assert kpkk["Jumlah"][:-1].sum() == kpkk["Jumlah"].iloc[-1] == 384  # last row: Keseluruhan

    counts = to_dataframe(
        Table("t", "T", ("n", "flag", "mixed"), ((1, True, "a"), (None, None, Decimal("2.5"))))
    )
    assert str(counts["n"].dtype) == "Int64" and counts["n"][1] is pd.NA
    assert str(counts["flag"].dtype) == "boolean"
    assert counts["mixed"].dtype == object and counts["mixed"].tolist() == ["a", Decimal("2.5")]
    as_float = to_dataframe(
        Table("t", "T", ("mixed",), (("a",), (Decimal("2.5"),))), decimals="float"
    )
    assert as_float["mixed"].tolist() == ["a", 2.5]


def test_dataframe_of_an_empty_table_keeps_its_columns() -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(Table("kosong", "Kosong", ("a", "b"), ()))
    assert list(frame.columns) == ["a", "b"] and len(frame) == 0


def test_long_dataframe_of_the_report(report: LkipReport) -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(report)
    assert list(frame.columns) == ["table", "row", "column", "value"]
    assert str(frame["row"].dtype) == "int64" and frame["value"].dtype == object
    ikpa = frame[(frame["table"] == "ikpa") & (frame["column"] == "Nilai Akhir")]
    assert ikpa["value"].tolist() == [Decimal("99.95"), Decimal("98.74"), Decimal("99.90")]


@given(
    st.lists(
        st.tuples(st.one_of(st.none(), decimals()), st.one_of(st.none(), st.integers(-9, 9))),
        max_size=8,
    )
)
def test_dataframe_values_round_trip_exactly(
    rows: list[tuple[Decimal | None, int | None]],
) -> None:
    pd = pytest.importorskip("pandas")
    table = Table("t", "T", ("x", "n"), tuple(rows))
    keep = to_dataframe(table)
    assert keep["x"].tolist() == [x for x, _ in rows]
    assert [None if pd.isna(v) else int(v) for v in keep["n"]] == [n for _, n in rows]
    floats = to_dataframe(table, decimals="float")
    texts = to_dataframe(table, decimals="str")
    for as_float, as_text, (x, _) in zip(floats["x"], texts["x"], rows, strict=True):
        if x is None:
            assert pd.isna(as_float) and pd.isna(as_text)
        else:
            assert as_float == float(x) and Decimal(as_text) == x


def test_finding_dataframe_differences(report: LkipReport) -> None:
    pytest.importorskip("pandas")
    frame = to_dataframe(audit(report), decimals="str")
    numeric = frame[frame["difference"].notna()]
    assert "-2" in numeric["difference"].tolist()
    assert isinstance(audit(report)[0], Finding)
