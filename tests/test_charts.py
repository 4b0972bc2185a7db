"""Charts of the report (sakip.report.charts): what they show, and the same bytes every time.

The bundled LKIP (BNNP Kalimantan Tengah 2024): BAB III A prints 17 indicators
"Memuaskan" and indicator 17 at 50,00 % ("Kurang" by CAPAIAN_LKIP, see
docs/known-errors.md), mean capaian 107,34; BAB III A's comparison table of
indicator 14 (NKA) has realisations 99,23 (2020) ... 99,98 (2024).
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import load_dataset, parse_dataset

pytest.importorskip("matplotlib")

from sakip.report import charts


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


def texts(svg: bytes) -> list[str]:
    """The text elements of a matplotlib SVG (text kept as text: svg.fonttype none)."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode())]


def fills(svg: bytes) -> list[str]:
    return re.findall(r"fill: (#[0-9a-f]{6})", svg.decode())


def _document() -> dict[str, Any]:
    import tomllib

    from sakip.report.dataset import bundled_dataset_path

    return tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))


def test_capaian_chart_shows_every_indicator_in_indonesian_style(report: LkipReport) -> None:
    shown = texts(charts.render_capaian_chart(report, "svg"))
    labels = [t for t in shown if re.fullmatch(r"\d+,\d\d", t)]
    # One label per indicator, the displayed capaian of BAB III A, in agreement order.
    assert labels == [f"{row.displayed:.2f}".replace(".", ",") for row in report.indicators]
    assert "228,57" in labels and "50,00" in labels and "102,77" in labels
    assert not [t for t in shown if re.fullmatch(r"\d+\.\d\d", t)]
    assert "Rata-rata capaian 107,34 %" in shown
    assert "100 %" in shown  # the 100 % line is named
    # Every indicator's name starts a tick label (wrapped over lines).
    assert "14. Nilai Kinerja Anggaran" in shown
    assert "17. Jumlah BNN Kabupaten/ Kota di wilayah Provinsi dengan" in shown


def test_capaian_chart_colours_bars_by_category(report: LkipReport) -> None:
    svg = charts.render_capaian_chart(report, "svg")
    colours = fills(svg)
    memuaskan = charts.CATEGORY_COLOURS["Memuaskan"]
    kurang = charts.CATEGORY_COLOURS["Kurang"]
    # 17 bars and 1 legend patch Memuaskan; indicator 17's bar and its patch Kurang.
    assert colours.count(memuaskan) == 17 + 1
    assert colours.count(kurang) == 1 + 1
    legend = [t for t in texts(svg) if ": " in t and "(" in t]
    assert legend == [
        "Memuaskan (\u2265 100): 17",
        "Sangat Baik (85 \u2013 < 100): 0",
        "Baik (70 \u2013 < 85): 0",
        "Cukup (55 \u2013 < 70): 0",
        "Kurang (< 55): 1",
    ]


def test_capaian_chart_follows_the_categories_of_the_data() -> None:
    # Indicator 10 (target 3,60): a realisation of 2,88 gives 80,00 %, "Baik".
    document = _document()
    for objective in document["objectives"]:
        for indicator in objective["indicators"]:
            if indicator["code"] == "10":
                indicator["realization"] = "2.88"
                indicator.pop("printed", None)
                indicator.pop("units", None)
    report = compute_report(parse_dataset(document))
    svg = charts.render_capaian_chart(report, "svg")
    assert fills(svg).count(charts.CATEGORY_COLOURS["Baik"]) == 1 + 1
    assert fills(svg).count(charts.CATEGORY_COLOURS["Memuaskan"]) == 16 + 1
    assert "80,00" in texts(svg) and "Baik (70 \u2013 < 85): 1" in texts(svg)


def test_trend_chart_is_titled_with_name_and_unit(report: LkipReport) -> None:
    shown = texts(charts.render_trend_chart(report, report.table("riwayat_14"), "svg"))
    assert "Indikator 14: Nilai Kinerja Anggaran (Indeks)" in shown
    assert {"Target", "Realisasi"} <= set(shown)
    # Target and realisation of every year as value labels, Indonesian style.
    for value in ("88", "99,5", "86", "99,23", "86,49", "87,63", "85,41", "99,98"):
        assert value in shown
    # Integer year ticks, each with the year's capaian.
    assert [t for t in shown if re.fullmatch(r"\d{4}", t)] == [
        "2020", "2021", "2022", "2023", "2024"
    ]  # fmt: skip
    assert "116,25 %" in shown
    assert not [t for t in shown if "." in t and re.search(r"\d\.\d", t)]


def test_count_indicator_has_integer_ticks(report: LkipReport) -> None:
    shown = texts(charts.render_trend_chart(report, report.table("riwayat_1"), "svg"))
    assert not [t for t in shown if re.fullmatch(r"\d+,\d+", t)]


@pytest.mark.parametrize("format", ["png", "svg"])
def test_same_report_same_bytes(report: LkipReport, format: charts.ChartFormat) -> None:
    first = charts.render_capaian_chart(report, format)
    again = charts.render_capaian_chart(compute_report(load_dataset()), format)
    assert first == again
    trend = report.table("riwayat_14")
    assert charts.render_trend_chart(report, trend, format) == charts.render_trend_chart(
        report, trend, format
    )
    # No date, no software version in the file: nothing that changes between runs.
    assert b"<dc:date>" not in first and b"Matplotlib v" not in first
    assert b"Software" not in first


def test_style_does_not_leak(report: LkipReport) -> None:
    from matplotlib import rcParams

    before = rcParams["svg.fonttype"]
    charts.render_capaian_chart(report, "svg")
    assert rcParams["svg.fonttype"] == before


def test_hostile_names_are_text(report: LkipReport) -> None:
    document = _document()
    indicator = document["objectives"][10]["indicators"][0]  # 14, NKA, with a history
    indicator["name"] = '<script>alert("x")</script> $x^2$'
    indicator["unit_of_measure"] = "<b>Indeks</b>"
    hostile = compute_report(parse_dataset(document))
    for svg in (
        charts.render_capaian_chart(hostile, "svg"),
        charts.render_trend_chart(hostile, hostile.table("riwayat_14"), "svg"),
    ):
        assert b"<script" not in svg and b"<b>" not in svg
        assert any("<script>" in t for t in texts(svg))  # drawn as text, mathtext off
        assert any("$x^2$" in t for t in texts(svg))


def test_names_match_and_old_imports_work(report: LkipReport) -> None:
    from sakip.report import render

    assert render.render_charts is charts.render_charts
    assert render.write_charts is charts.write_charts
    assert render.chart_names is charts.chart_names
    names = charts.chart_names(report)
    assert names[0] == "capaian.png" and len(names) == 1 + 18
    drawn = charts.render_charts(report, "svg")
    assert list(drawn) == charts.chart_names(report, "svg")
    assert all(data.startswith(b"<?xml") for data in drawn.values())
