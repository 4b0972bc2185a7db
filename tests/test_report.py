"""The bundled LKIP 2024 data set: computed tables and the audit of printed figures."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip.findings import Finding
from sakip.report.audit import audit
from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import load_dataset
from sakip.report.render import render_csv, render_json, render_markdown, render_text
from tests import lkip2024
from tests.commands import UNIT_HEAD


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


@pytest.fixture(scope="module")
def findings(report: LkipReport) -> tuple[Finding, ...]:
    return audit(report)


def find(findings: tuple[Finding, ...], *, printed: object, computed: object) -> list[Finding]:
    return [f for f in findings if f.printed == printed and f.computed == computed]


# --- computed tables -------------------------------------------------------------------


def test_pengukuran_kinerja(report: LkipReport) -> None:
    # BAB III A / BAB IV A: every row's capaian as printed (truncated to the printed places).
    policy = report.dataset.policies["capaian"]
    for row, (number, target, realization, printed, _) in zip(
        report.indicators, lkip2024.PENGUKURAN_KINERJA, strict=True
    ):
        assert row.entry.indicator.code == str(number)
        assert (row.result.target, row.result.realization) == (
            Decimal(target),
            Decimal(realization),
        )
        assert policy.agrees(row.result.achievement, printed=Decimal(printed))


def test_summary(report: LkipReport) -> None:
    # L1859 and the Ikhtisar (L93-L99).
    assert report.table("ringkasan").rows[0] == ("Rata-rata capaian", Decimal("107.34"))
    summary = report.summary
    assert (summary.above, summary.at, summary.below) == lkip2024.COUNTS_2024
    assert report.comparison is not None
    assert (report.comparison.previous.above, report.comparison.previous.below) == (7, 2)


def test_unit_counts(report: LkipReport) -> None:
    # Indicator 17 (L1651-L1655): only BNNK Kotawaringin Barat meets its IKPA target.
    assert report.unit_counts["17"].met == ("bnnk-kotawaringin-barat",)
    assert report.unit_counts["15"].count == 2
    assert report.unit_counts["1"].count == 2


def test_instrument_tables(report: LkipReport) -> None:
    whoqol = {row[0]: row for row in report.table("whoqol").rows}
    # WHOQOL (L817-L822), half up: 81,06 / 75,64 / 80,77 and 79,5 pooled.
    assert whoqol["BNN Kabupaten Kotawaringin Barat"][-1] == Decimal("81.06")
    assert whoqol["BNN Kota Palangka Raya"][-1] == Decimal("75.64")
    assert whoqol["BNN Provinsi Kalimantan Tengah"][-1] == Decimal("80.77")
    assert whoqol["Gabungan (provinsi)"][-1] == Decimal("79.50")
    ikpa = {row[0]: row for row in report.table("ikpa").rows}
    # IKPA (L1554-L1649): final 99,95 / 98,74 (98,745 truncated) / 99,90; KoBar total 79,92.
    assert ikpa["BNN Provinsi Kalimantan Tengah"][-3] == Decimal("99.95")
    assert ikpa["BNN Kota Palangka Raya"][-3] == Decimal("98.74")
    assert ikpa["BNN Kabupaten Kotawaringin Barat"][-3] == Decimal("99.90")
    assert ikpa["BNN Kabupaten Kotawaringin Barat"][-6] == Decimal("79.92")
    nka = {row[0]: row for row in report.table("nka").rows}
    # NKA (L1414-L1415): (100,00 + 99,95) / 2 = 99,975 -> 99,98 half up.
    assert nka["BNN Provinsi Kalimantan Tengah"][3] == Decimal("99.98")
    aspects = report.table("kpkk_aspek").rows
    # KPKK (L665-L685): 384 / 150 = 2,56 Baik.
    assert aspects[-1] == ("Keseluruhan", 384, Decimal("2.56"), "Baik")
    staff = report.table("kepegawaian").rows
    # Staff table (L171-L177): 121 staff; 31 / 74 -> 41,891 (truncated to 3 places).
    assert staff[-1][5] == 121
    assert staff[1][-1] == Decimal("41.891") and staff[2][-1] == Decimal("29.729")
    zona = report.table("zona_integritas")
    # ZI ranking (L1719-L1731): Kalimantan Tengah 85,00, rank 9 of 11.
    assert zona.rows[8][:2] == (9, "BNNP Kalimantan Tengah") and zona.rows[8][4] == Decimal(
        "85.00"
    )
    assert "peringkat 9 dari 11" in zona.note
    assert report.table("tahanan").rows[0][-1] == Decimal("100.00")


# --- the audit, finding by finding --------------------------------------------------------


def test_rows_15_and_17_categories(findings: tuple[Finding, ...]) -> None:
    # BAB IV A L1876, L1878: capaian 100 and 50 printed "Sangat Baik".
    assert find(findings, printed="Sangat Baik", computed="Memuaskan")
    assert find(findings, printed="Sangat Baik", computed="Kurang")
    labels = [f for f in findings if "kategori" in f.location]
    assert {f.location.split("indikator ")[1].split(",")[0] for f in labels} == {"15", "17"}


def test_nka_kotawaringin_barat(findings: tuple[Finding, ...]) -> None:
    # L1495: 99,95 / 86 printed 115,69; the rule gives 116,22.
    assert len(find(findings, printed=Decimal("115.69"), computed=Decimal("116.22"))) == 1


def test_ikkr_2022(findings: tuple[Finding, ...]) -> None:
    # L765: 2,97 / 2,85 printed 104,3; the rule gives 104,21.
    (finding,) = find(findings, printed=Decimal("104.3"), computed=Decimal("104.21"))
    assert "2022" in finding.location


def test_budget_tables_that_do_not_reconcile(findings: tuple[Finding, ...]) -> None:
    # BAB III B (L1833-L1837, L1795, L1829): formulas.md section 4.
    assert find(findings, printed=7988525000, computed=7860925000)  # spending-type pagu
    assert find(findings, printed=7675626440, computed=7509119716)  # spending-type realisasi
    assert find(findings, printed=3738905716, computed=3642614000)  # Belanja Barang > pagu
    assert find(findings, printed=7675626440, computed=7676554161)  # text vs output table
    assert find(findings, printed=7681314000, computed=7681341000)  # 2022 total transposed


def test_staff_total(findings: tuple[Finding, ...]) -> None:
    # L171 text "119 orang" against the table's 121.
    assert find(findings, printed=119, computed=121)


def test_dektari_band_gap(findings: tuple[Finding, ...]) -> None:
    # L387-L389: the printed table leaves 53,51-53,70 without a category; the target is 53,51.
    gap = [f for f in findings if f.printed == Decimal("53.51") and "gap [53.51, 53.71)" in f.rule]
    assert gap


def test_more_above_target_claim(findings: tuple[Finding, ...]) -> None:
    # Ikhtisar L97 claims more indicators above target than 2023: 6 against 7.
    assert [f for f in findings if "claims an increase" in f.rule]


def test_no_finding_is_only_the_documents_rounding(findings: tuple[Finding, ...]) -> None:
    # Figures whose only difference is truncation or half up must not be reported:
    # 102,77 (trunc), 116,25 (trunc), 98,74 (IKPA trunc), 99,98 (NKA half up), 93,45 and
    # 97,04 (budget half up), 97,03 (total trunc), WHOQOL (half up), 41,891 (trunc 3 places).
    rounding_only = {
        "102.77",
        "116.25",
        "98.74",
        "99.98",
        "93.45",
        "97.04",
        "97.03",
        "84.85",
        "41.891",
        "2.07",
    }
    assert not [
        f for f in findings if isinstance(f.printed, Decimal) and str(f.printed) in rounding_only
    ]
    for finding in findings:
        assert finding.printed != finding.computed, finding


def test_the_audit_is_complete(findings: tuple[Finding, ...]) -> None:
    # Every finding is one of the report's known inconsistencies (spec digest, section 9).
    known = {
        ("Sangat Baik", "Memuaskan"), ("Sangat Baik", "Kurang"),
        (Decimal("115.69"), Decimal("116.22")), (Decimal("104.3"), Decimal("104.21")),
        (119, 121), (7988525000, 7860925000), (7675626440, 7509119716),
        (3738905716, 3642614000), (7675626440, 7676554161), (7681314000, 7681341000),
        # BAB III B spending-type table L1834-L1835: printed sisa and % against
        # anggaran - realisasi and realisasi / anggaran (Pegawai 89,377 -> 89,38 half up,
        # Barang 102,64); L1795: text 96,09 % against 7.675.626.440 / 7.988.525.000.
        (281590276, 448097000), (31308284, -96291716), (Decimal("93.32"), Decimal("89.38")),
        (Decimal("99.14"), Decimal("102.64")), (Decimal("96.09"), Decimal("96.08")),
    }  # fmt: skip
    unexplained = [
        f for f in findings
        if (f.printed, f.computed) not in known
        and f.computed != "(tanpa kategori)"
        and "claims an increase" not in f.rule
    ]  # fmt: skip
    assert unexplained == []


# --- renderers ----------------------------------------------------------------------------


def test_renderers_show_the_computed_figures(
    report: LkipReport, findings: tuple[Finding, ...]
) -> None:
    text = render_text(report, findings)
    assert "102,77" in text and "11.010.853.963" in text and "Audit: " in text
    markdown = render_markdown(report, findings)
    assert "| 10 | Indeks kepuasan" in markdown
    assert "pengukuran_kinerja,10,Capaian (%),102.77" in render_csv(report)
    document = json.loads(render_json(report, findings))
    assert document["summary"]["mean_exact"].startswith("107.341568")
    assert len(document["findings"]) == len(findings)


def test_xlsx_output(report: LkipReport, tmp_path: object) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    from pathlib import Path

    from sakip.report.render import write_xlsx

    path = Path(str(tmp_path)) / "lkip.xlsx"
    write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    sheet = book["Pengukuran Kinerja"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:3] == ("No", "Indikator Kinerja", "Target")
    assert rows[11][5] == 102.77  # indicator 10, a number (exactness: tests/test_xlsx_out.py)


def test_trend_charts(report: LkipReport, tmp_path: object) -> None:
    pytest.importorskip("matplotlib")
    from pathlib import Path

    from sakip.report.render import write_charts

    written = write_charts(report, Path(str(tmp_path)) / "charts")
    names = {path.name for path in written}
    assert "riwayat_14.png" in names and "riwayat_16.png" in names
    assert all(path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for path in written)


def test_missing_extras_are_reported(
    report: LkipReport, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins
    from pathlib import Path

    from sakip.report.render import MissingExtraError, write_charts, write_xlsx

    real_import = builtins.__import__

    def no_extras(name: str, *args: object, **kwargs: object) -> object:
        if name.split(".")[0] in {"openpyxl", "matplotlib"}:
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_extras)
    with pytest.raises(MissingExtraError, match="openpyxl"):
        write_xlsx(report, Path(str(tmp_path)) / "x.xlsx")
    with pytest.raises(MissingExtraError, match="matplotlib"):
        write_charts(report, Path(str(tmp_path)))


# --- malformed data sets ------------------------------------------------------------------


def _paths(node: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for position, value in enumerate(node):
            found += _paths(value, (*prefix, position))
    return found


def _bundled_document() -> dict[str, object]:
    import tomllib

    from sakip.report.dataset import bundled_dataset_path

    return tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))


_DOCUMENT = _bundled_document()
_PATHS = _paths(_DOCUMENT)
_DELETE = object()


# Text an output could choke on (issue 13): formulas, control characters, bidi, non-ASCII,
# mathtext, an XLSX error code, and text beyond the policy's limit.
_HOSTILE = ["=1+1", "@SUM(A1)", "a\u0007b", "a\u202eb", "Kafé ≥ 3", "$x^$", "#N/A", "x" * 1001]


def _render_every_format(report: LkipReport, path: tuple[object, ...], value: object) -> None:
    """Every output of a data set that validate accepts: text, md, csv, json, xlsx, charts."""
    import io

    import attrs

    from sakip.report.render import render_charts, render_xlsx

    found = audit(report)
    render_text(report, found), render_markdown(report, found), render_json(report, found)
    render_csv(report)
    try:
        import openpyxl
    except ImportError:
        openpyxl = None
    if openpyxl is not None:
        book = openpyxl.load_workbook(io.BytesIO(render_xlsx(report)))
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
    try:
        import matplotlib
    except ImportError:
        matplotlib = None
    if matplotlib is not None and isinstance(value, str) and ("history" in path or "code" in path):
        # Drawing is slow: only the charts the damage can reach.
        histories = tuple(t for t in report.tables if t.key.startswith("riwayat_"))
        render_charts(attrs.evolve(report, tables=histories))


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_PATHS),
    st.sampled_from(
        ["x", "", -1, 0, "0", "-1", 1.5, True, [], [1], {}, [{}], "1e99999", _DELETE, *_HOSTILE]
    ),
)
def test_any_damaged_field_is_a_listed_problem(path: tuple[object, ...], value: object) -> None:
    # Wrong types at every level, arrays for tables and tables for arrays, negative and
    # zero figures, missing fields, hostile text: loading lists the problem with its location,
    # or the data set is still usable and every step after it works, every output format
    # included (what validate accepts, every renderer renders). Nothing else escapes.
    import copy

    from sakip.errors import DataSetError
    from sakip.report.dataset import parse_dataset

    document = copy.deepcopy(_DOCUMENT)
    node: Any = document
    for key in path[:-1]:
        node = node[key]
    if value is _DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    try:
        dataset = parse_dataset(document, source="damaged.toml")
    except DataSetError as error:
        assert error.problems and all(": " in problem for problem in error.problems)
        return
    _render_every_format(compute_report(dataset), path, value)


def test_lower_is_better_findings_name_their_formula() -> None:
    from sakip.report.dataset import parse_dataset

    document = _bundled_document()
    indicator: Any = document["objectives"][0]["indicators"][0]  # type: ignore[index]
    # Row 1 as a lower-is-better indicator: (2 x 2 - 2) / 2 = 100, printed 50 for the test.
    indicator["polarity"] = "lower_is_better"
    indicator["printed"] = {"capaian": "50"}
    del indicator["history"]
    found = audit(compute_report(parse_dataset(document)))
    (finding,) = [f for f in found if f.location.endswith("indikator 1, capaian")]
    assert finding.rule == "capaian = (2 x target - realisasi) / target x 100"


def test_json_mean_is_the_computed_displayed_mean(report: LkipReport) -> None:
    # The renderer shows what compute_report rounded; it rounds nothing itself.
    assert report.displayed_mean == Decimal(lkip2024.MEAN_CAPAIAN)
    assert json.loads(render_json(report))["summary"]["mean"] == lkip2024.MEAN_CAPAIAN


def test_file_and_sheet_names_are_safe(tmp_path: object) -> None:
    # Indicator codes become table keys; "../x" or "1/2" must neither fail nor escape.
    pytest.importorskip("openpyxl")
    pytest.importorskip("matplotlib")
    from pathlib import Path

    from sakip.report.dataset import parse_dataset
    from sakip.report.render import write_charts, write_xlsx

    document = _bundled_document()
    indicators: Any = document["objectives"][10]["indicators"]  # type: ignore[index]
    indicators[0]["code"] = "../../14"  # NKA, with a history
    folder = Path(str(tmp_path)) / "out"
    report = compute_report(parse_dataset(document))
    written = write_charts(report, folder / "charts")
    assert all(path.parent == folder / "charts" for path in written)
    assert "riwayat_.._.._14.png" in {path.name for path in written}
    write_xlsx(report, folder / "lkip.xlsx")
    assert (folder / "lkip.xlsx").read_bytes()[:2] == b"PK"


# --- conventions stated in the data set (issue 14) ---------------------------------------

_CONVENTIONS = (
    UNIT_HEAD
    + """[[objectives]]
code = "S1"
name = "Sasaran"
[[objectives.indicators]]
code = "1"
name = "Persentase layanan tepat waktu"
unit_of_measure = "%"
target = { low = "80", high = "90" }
realization = "92"
printed = { capaian = "102.22" }
[[objectives.indicators]]
code = "2"
name = "Nilai IKPA"
unit_of_measure = "Indeks"
target = "80"
realization = "100"
cap = "120"
[[objectives.indicators]]
code = "3"
name = "Persentase tahanan yang melarikan diri"
unit_of_measure = "%"
polarity = "lower_is_better"
target = "0"
realization = "8.33"
zero_target = "not_computable"
[[objectives.indicators]]
code = "4"
name = "Jumlah berkas perkara"
unit_of_measure = "Berkas"
target = 16
quarters = ["2", "5", "4", "5"]
aggregation = "sum"
"""
)


def _conventions(text: str = _CONVENTIONS) -> LkipReport:
    import tomllib

    from sakip.report.dataset import parse_dataset

    return compute_report(parse_dataset(tomllib.loads(text)))


def test_range_target_cap_zero_target_and_quarters_in_the_report() -> None:
    report = _conventions()
    rows = {row[0]: row for row in report.table("pengukuran_kinerja").rows}
    columns = report.table("pengukuran_kinerja").columns
    assert columns[4:8] == ("TW I", "TW II", "TW III", "TW IV")
    # PermenPANRB 8/2021, Lampiran BAB VI.A.1.b, printed p. 100: 92 against 80-90 is 92/90.
    assert rows["1"][2] == "80-90" and rows["1"][9] == Decimal("102.22")
    # The Finance Ministry's cap at 120: 100/80 = 125 is shown as 120.
    assert rows["2"][9] == Decimal("120.00")
    # Target 0, lower is better, 8,33 escaped (issue 14): realisation only, no capaian.
    assert rows["3"][3] == Decimal("8.33") and rows["3"][9] is None
    assert rows["3"][10] == "tidak dapat dihitung"
    # TW I-IV summed: 2 + 5 + 4 + 5 = 16.
    assert rows["4"][3] == Decimal(16) and rows["4"][4:8] == tuple(map(Decimal, "2545"))
    assert report.summary.count == 3 and report.summary.excluded == ("3",)
    # Mean of 102.22..., 120 and 100 only.
    assert report.displayed_mean == Decimal("107.40")
    assert [item.entry.indicator.code for item in report.excluded] == ["3"]
    assert audit(report) == ()
    document = json.loads(render_json(report))
    assert [row["code"] for row in document["indicators"]] == ["1", "2", "3", "4"]
    assert document["indicators"][2]["capaian"] is None
    for render in (render_text, render_markdown, render_csv):
        assert "tidak dapat dihitung" in render(report)


def test_no_quarter_columns_without_quarters(report: LkipReport) -> None:
    # The bundled report has no quarters: its table keeps its 8 columns, plus the
    # Sasaran and Rumus capaian of each row (issue 15).
    assert "TW I" not in report.table("pengukuran_kinerja").columns
    assert len(report.table("pengukuran_kinerja").columns) == 10


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'realization = "92"',
            'realization = "92"\nquarters = ["1"]',
            "indicators[0].aggregation: is missing",
        ),
        (
            "target = 16",
            'target = 16\nrealization = "15"',
            "indicators[3].realization: must equal the sum of the quarters (16): 15",
        ),
        ('zero_target = "not_computable"', 'zero_target = "none"', "indicators[2].zero_target"),
        ('zero_target = "not_computable"', "", "indicators[2]: 'target' must be > 0"),
        ('cap = "120"', 'cap = "-1"', "indicators[1].cap: must be >= 0"),
        ('low = "80", high = "90"', 'low = "90", high = "80"', "indicators[0].target: 'high'"),
        ('low = "80", high = "90"', 'low = "80"', "indicators[0].target.high: is missing"),
        ('"2", "5", "4", "5"', '"2", "5", "4", "5", "1"', "at most 4"),
        ('"2", "5", "4", "5"', '"2", "-5"', "indicators[3].quarters[1].v: must be >= 0"),
        ('aggregation = "sum"', 'aggregation = "total"', "indicators[3].aggregation"),
        ('realization = "92"\n', "", "indicators[0].realization: is missing"),
        (
            'realization = "92"\n',
            'aggregation = "sum"\n',
            "aggregation: is only used with quarters",
        ),
    ],
)
def test_convention_fields_are_validated(old: str, new: str, expected: str) -> None:
    import tomllib

    from sakip.errors import DataSetError
    from sakip.report.dataset import parse_dataset

    assert old in _CONVENTIONS
    with pytest.raises(DataSetError) as error:
        parse_dataset(tomllib.loads(_CONVENTIONS.replace(old, new, 1)))
    assert expected in str(error.value)


@settings(max_examples=30, deadline=None)
@given(
    low=st.integers(1, 10_000),
    width=st.integers(0, 10_000),
    offset=st.integers(0, 10_000),
    aggregation=st.sampled_from(["sum", "mean", "last"]),
)
def test_inside_a_range_is_exactly_100(
    low: int, width: int, offset: int, aggregation: str
) -> None:
    # A realisation inside the range meets it: exactly 100 (sakip.targets.TargetRange),
    # here through the data set, with the realisation given as one quarter.
    value = low + offset % (width + 1)
    text = _CONVENTIONS.replace(
        'low = "80", high = "90"', f'low = "{low}", high = "{low + width}"'
    )
    text = text.replace(
        'realization = "92"\nprinted = { capaian = "102.22" }',
        # Generated percentages go beyond 100: the indicator says so (issue 15 bounds).
        f'quarters = ["{value}"]\naggregation = "{aggregation}"\nbounds = {{ low = "0" }}',
    )
    report = _conventions(text)
    assert report.indicators[0].result.achievement == 100


def test_all_indicators_without_a_capaian_is_a_problem() -> None:
    import tomllib

    from sakip.errors import DataSetError
    from sakip.report.dataset import parse_dataset

    start = _CONVENTIONS.index('[[objectives.indicators]]\ncode = "3"')
    end = _CONVENTIONS.index('[[objectives.indicators]]\ncode = "4"')
    text = (
        _CONVENTIONS[: _CONVENTIONS.index("[[objectives.indicators]]")] + _CONVENTIONS[start:end]
    )
    with pytest.raises(DataSetError, match="at least one indicator with a capaian"):
        parse_dataset(tomllib.loads(text))


_BANTUL = '["3.31", "3.35", "3.49", "3.93", "3.45", "3.39", "3.39", "3.76", "3.35"]'


@pytest.mark.parametrize(
    ("weights", "printed", "finding"),
    [
        # SKM Dinas Pertanahan dan Tata Ruang Kabupaten Bantul 2023: NRR as printed,
        # Nilai IKM 87,28 = exactly 1/9 (sakip.instruments.ikm.detect_weighting).
        ("exact", "87.28", None),
        # The same NRR weighted by 0,11 give 86,41: stated, the audit agrees ...
        ("0.11", "86.41", None),
        # ... not stated, the audit says which weighting the report used.
        ("exact", "86.41", "this report used weights = '0.11'"),
    ],
)
def test_ikm_weighting_in_the_data_set(weights: str, printed: str, finding: str | None) -> None:
    text = _CONVENTIONS + (
        f'\n[[ikm]]\nunit = "bnnk-contoh"\nlocation = "Laporan SKM"\nrespondents = 1\n'
        f'nrr = {_BANTUL}\nweights = "{weights}"\nprinted = {{ converted = "{printed}" }}\n'
    )
    report = _conventions(text)
    (row,) = report.table("ikm").rows
    assert row[4] == Decimal("87.28" if weights == "exact" else "86.41")
    found = audit(report)
    if finding is None:
        assert found == ()
    else:
        (only,) = found
        assert finding in only.rule and only.printed == Decimal(printed)


def test_ikm_weights_default_to_one_ninth() -> None:
    # The regulation's 1/9 (PermenPANRB 14/2017) when the data set says nothing.
    text = _CONVENTIONS + (f'\n[[ikm]]\nunit = "bnnk-contoh"\nrespondents = 1\nnrr = {_BANTUL}\n')
    assert _conventions(text).table("ikm").rows[0][2] == "1/9"


def test_budget_amounts_with_sen() -> None:
    # An APBD table prints 1.234.567.354,53 (issue 14): exact, with its sen.
    text = _CONVENTIONS + (
        '\n[anggaran]\n[[anggaran.tables]]\nlocation = "APBD"\nrounding = "half_up"\n'
        '[[anggaran.tables.rows]]\nlabel = "Belanja"\npagu = "1234567354.53"\n'
        'realisasi = "1000000000.10"\nsisa = "234567354.43"\npercentage = "81.00"\n'
    )
    report = _conventions(text)
    # The table has no printed total: a Jumlah row computed from the one row (issue 15).
    row, total = report.table("anggaran_1").rows
    assert row[1] == Decimal("1234567354.53") and row[4] == Decimal("234567354.43")
    assert row[5] == Decimal("81.00")
    assert total == ("Jumlah", *row[1:])
    assert audit(report) == ()


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ('"1234567354.535"', "anggaran.tables[0].rows[0].pagu:"),
        ("1234567354.53", "must be an integer or a string with at most two decimals"),
        ('"-1.50"', "pagu: must be >= 0"),
        ('"1.234.567.354,53"', "pagu: must be a plain decimal number"),
    ],
)
def test_budget_amounts_are_validated(amount: str, expected: str) -> None:
    import tomllib

    from sakip.errors import DataSetError
    from sakip.report.dataset import parse_dataset

    text = _CONVENTIONS + (
        '\n[anggaran]\n[[anggaran.tables]]\nlocation = "APBD"\nrounding = "half_up"\n'
        f'[[anggaran.tables.rows]]\nlabel = "Belanja"\npagu = {amount}\nrealisasi = 1\n'
    )
    with pytest.raises(DataSetError) as error:
        parse_dataset(tomllib.loads(text))
    assert expected in str(error.value)


# --- the honest audit (issue 15) ---------------------------------------------------------


def test_audit_counts_the_figures_it_compared(report: LkipReport) -> None:
    from sakip.report.audit import run_audit

    result = run_audit(report)
    # The bundled LKIP 2024 data set: 380 distinct printed figures compared, 20 differ.
    assert (result.checked, result.differ) == (380, 20)
    assert result.findings == audit(report)


def test_audit_count_grows_with_each_printed_figure() -> None:
    from sakip.report.audit import run_audit
    from sakip.report.dataset import parse_dataset
    from sakip.report.render import render_findings

    indicator: dict[str, object] = {
        "code": "1", "name": "Indeks", "unit_of_measure": "Indeks",
        "target": "3.60", "realization": "3.70",
    }  # fmt: skip
    document: dict[str, object] = {
        "schema": 1,
        "document": {"title": "LKIP", "year": 2024},
        "unit": {"code": "u", "name": "BNNK Contoh", "level": "BNNK"},
        "objectives": [{"code": "S1", "name": "Sasaran", "indicators": [indicator]}],
    }
    bare = run_audit(compute_report(parse_dataset(document)))
    assert (bare.checked, bare.differ) == (0, 0)
    assert render_findings(bare.findings, checked=bare.checked) == (
        "Audit: 0 printed figures to check."
    )
    indicator["printed"] = {"capaian": "102.70"}  # 3.70 / 3.60 x 100 = 102.77...
    wrong = run_audit(compute_report(parse_dataset(document)))
    assert (wrong.checked, wrong.differ) == (1, 1)
    assert render_findings(wrong.findings, checked=1).splitlines()[0] == (
        "Audit: 1 printed figure checked, 1 differs from the rules"
    )
    indicator["printed"] = {"capaian": "102.77", "category": "Memuaskan"}
    right = run_audit(compute_report(parse_dataset(document)))
    assert (right.checked, right.differ) == (2, 0)
    assert (
        json.loads(render_json(compute_report(parse_dataset(document)), (), checked=2))["checked"]
        == 2
    )


# --- bounds (issue 15) -----------------------------------------------------------------


def _one_indicator(**fields: object) -> dict[str, object]:
    indicator: dict[str, object] = {
        "code": "1", "name": "Persentase", "unit_of_measure": "%",
        "target": "80", "realization": "90", **fields,
    }  # fmt: skip
    return {
        "schema": 1,
        "document": {"title": "LKIP", "year": 2024},
        "unit": {"code": "u", "name": "BNNK Contoh", "level": "BNNK"},
        "objectives": [{"code": "S1", "name": "Sasaran", "indicators": [indicator]}],
    }


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"realization": "155"}, "realization: must lie in [0, 100] for a '%' indicator"),
        ({"unit_of_measure": "persen", "realization": "100.5"}, "must lie in [0, 100]"),
        ({"bounds": {"low": "0", "high": "150"}, "realization": "155"}, "must lie in [0, 150]"),
        ({"unit_of_measure": "Indeks", "bounds": {"high": "4"}, "realization": "5"}, "<= 4"),
        ({"bounds": {"low": "5", "high": "1"}}, "bounds.high: must have low <= high"),
        ({"bounds": {}}, "bounds: must give low, high or both"),
    ],
)
def test_bounds_of_a_realisation(fields: dict[str, object], problem: str) -> None:
    from sakip.errors import DataSetError
    from sakip.report.dataset import parse_dataset

    with pytest.raises(DataSetError, match=None) as raised:
        parse_dataset(_one_indicator(**fields))
    assert problem in str(raised.value)


def test_bounds_defaults() -> None:
    from sakip.report.dataset import Bounds, parse_dataset

    (entry,) = parse_dataset(_one_indicator(realization="100")).entries
    assert entry.bounds == Bounds(Decimal(0), Decimal(100), "for a '%' indicator")
    (entry,) = parse_dataset(_one_indicator(unit_of_measure="Orang", realization="155")).entries
    assert entry.bounds is None and entry.realization == Decimal(155)
    # Every '%' realisation of the bundled LKIP 2024 lies in [0, 100].
    assert all(
        e.bounds is not None and e.bounds.contains(e.realization)
        for e in load_dataset().entries
        if e.indicator.unit_of_measure == "%"
    )
