"""Charts of a computed report: capaian per indicator and one trend per indicator history.

Two kinds of picture, as the LKIP draws them:

- ``capaian``: a horizontal bar per indicator, coloured by its category of
  :data:`~sakip.schemes.CAPAIAN_LKIP`, with the 100 % line, the displayed
  capaian written at each bar (``107,34``) and a legend of the categories;
- ``riwayat_<code>``: for an indicator with a history, its target and its
  realisation by year, titled with the indicator's name and unit.

Every picture is drawn with matplotlib (the ``charts`` extra) on the Agg
backend, as PNG or as SVG (for the HTML page), with fixed metadata: the same
report gives the same bytes. The values drawn are the displayed ones of the
:class:`~sakip.report.compute.LkipReport`; drawing needs floats, labels are
written from the exact decimals.
"""

from __future__ import annotations

import io
import textwrap
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from sakip._io import atomic_write
from sakip.numbers import NumberStyle, format_number
from sakip.report._extras import import_extra
from sakip.report._pengukuran import NOT_COMPUTABLE_LABEL
from sakip.report.compute import LkipReport, Table
from sakip.schemes import CAPAIAN_LKIP

__all__ = [
    "CATEGORY_COLOURS",
    "chart_names",
    "render_capaian_chart",
    "render_charts",
    "render_trend_chart",
    "trend_tables",
    "write_charts",
]

ChartFormat = Literal["png", "svg"]

#: The bar colour of each CAPAIAN_LKIP category (colour-blind safe, from red to green).
CATEGORY_COLOURS = {
    "Kurang": "#d7301f",
    "Cukup": "#fc8d59",
    "Baik": "#fdcc8a",
    "Sangat Baik": "#78c679",
    "Memuaskan": "#238443",
}
_NO_CATEGORY = "#bdbdbd"
_TARGET_COLOUR = "#6a51a3"
_REALISATION_COLOUR = "#2171b5"

# Fixed metadata and ids: the same report gives the same bytes.
_RC = {
    "svg.hashsalt": "sakip",
    "svg.fonttype": "none",  # text stays text in the SVG: smaller, selectable, searchable
    "font.family": "DejaVu Sans",
    "axes.titlesize": 10,
    "font.size": 9,
}
_METADATA: dict[str, dict[str, str | None]] = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
}


def _pyplot() -> Any:
    import_extra("matplotlib", "--charts", "charts").use("Agg")
    return import_extra("matplotlib.pyplot", "--charts", "charts")


@contextmanager
def _drawing() -> Iterator[Any]:
    """The pyplot module with the fixed style, glyph warnings silenced, the global style untouched."""
    pyplot = _pyplot()
    with warnings.catch_warnings(), pyplot.rc_context(_RC):
        warnings.simplefilter("ignore", UserWarning)  # a glyph missing from the font
        yield pyplot


def _integer_locator() -> Any:
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)


def _save(pyplot: Any, figure: Any, format: ChartFormat) -> bytes:
    buffer = io.BytesIO()
    try:
        figure.savefig(buffer, format=format, dpi=110, metadata=_METADATA[format])
    finally:
        pyplot.close(figure)
    return buffer.getvalue()


def _label(value: Decimal) -> str:
    return format_number(value, style=NumberStyle.INDONESIAN)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _wrap(text: str, width: int, lines: int) -> str:
    """At most ``lines`` lines of ``width`` characters; the last ends in an ellipsis if cut."""
    wrapped = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], _cut(" ".join(wrapped[lines - 1 :]), width)]
    return "\n".join(wrapped)


def _band_range(band: Any) -> str:
    """A band's range for the legend: `` (>= 100)``, `` (85-<100)``, `` (<55)``."""
    if band.lower is None and band.upper is None:
        return ""
    if band.upper is None:
        return f" (\u2265 {_label(band.lower)})"
    if band.lower is None:
        return f" (< {_label(band.upper)})"
    return f" ({_label(band.lower)} \u2013 < {_label(band.upper)})"


def render_capaian_chart(report: LkipReport, format: ChartFormat = "png") -> bytes:
    r"""Capaian per indicator as horizontal bars coloured by category (needs ``charts``).

    One bar per indicator of the agreement, in its order from the top, with
    the displayed capaian written beside it in Indonesian style, the 100 %
    line, and a legend of the :data:`~sakip.schemes.CAPAIAN_LKIP`
    categories with how many indicators fall in each. An indicator without
    a capaian (``zero_target = "not_computable"``) keeps its row, without a
    bar, labelled ``tidak dapat dihitung``.

    Parameters
    ----------
    report : LkipReport
    format : {"png", "svg"}
        PNG for a file or a Word document, SVG for the HTML page.

    Raises
    ------
    MissingExtraError
        matplotlib is not installed (``pip install 'sakip[charts]'``).

    Examples
    --------
    The bundled LKIP's chart, a PNG; the same report gives the same bytes:

    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> try:
    ...     png = render_capaian_chart(report)
    ...     print(png[:4], png == render_capaian_chart(report))
    ... except MissingExtraError:  # without the charts extra
    ...     print(b"\x89PNG", True)
    b'\x89PNG' True
    """
    displayed = {row.entry.indicator.code: row for row in report.indicators}
    entries = report.dataset.entries
    names = [_wrap(f"{e.indicator.code}. {_cut(e.indicator.name, 400)}", 58, 3) for e in entries]
    heights = [name.count("\n") + 1 for name in names]
    # Rows as tall as their wrapped names, from the top.
    centres: list[float] = []
    position = 0.0
    for height in heights:
        centres.append(-(position + (height * 0.36 + 0.5) / 2))
        position += height * 0.36 + 0.5
    values = [
        displayed[e.indicator.code].displayed if e.indicator.code in displayed else None
        for e in entries
    ]
    top = max([Decimal(100), *(v for v in values if v is not None)])
    with _drawing() as pyplot:
        figure, axes = pyplot.subplots(figsize=(9.5, 1.6 + position * 0.42), layout="constrained")
        for centre, entry, value in zip(centres, entries, values, strict=True):
            if value is None:
                axes.text(1, centre, NOT_COMPUTABLE_LABEL, va="center", color="#555555")
                continue
            category = displayed[entry.indicator.code].result.category.label
            colour = CATEGORY_COLOURS.get(category, _NO_CATEGORY)
            # Floats for matplotlib's geometry only; the label is the displayed Decimal.
            axes.barh(centre, float(value), height=0.5, color=colour)
            axes.text(float(value) + float(top) * 0.01, centre, _label(value), va="center")
        axes.axvline(100, color="#333333", linewidth=1, linestyle="--", zorder=0)
        axes.text(100, 0.25, "100 %", ha="center", va="bottom", fontsize=8, color="#333333")
        axes.set_yticks(centres, names, fontsize=8)
        axes.set_ylim(-position - 0.2, 0.2)
        axes.set_xlim(0, float(top) * 1.12)
        axes.xaxis.set_major_formatter(
            lambda x, _: format_number(str(round(x)), style=NumberStyle.INDONESIAN)
        )
        axes.set_xlabel("Capaian (%)")
        axes.spines[["top", "right"]].set_visible(False)
        counts = report.summary.categories
        bands = list(reversed(CAPAIAN_LKIP.bands))
        handles = [
            pyplot.Rectangle((0, 0), 1, 1, color=CATEGORY_COLOURS.get(band.label, _NO_CATEGORY))
            for band in bands
        ]
        labels = [
            f"{band.label}{_band_range(band)}: {counts.get(band.label, 0)}" for band in bands
        ]
        figure.legend(
            handles,
            labels,
            title="Kategori capaian (jumlah indikator)",
            loc="outside lower center",
            ncols=len(labels),
            frameon=False,
            fontsize=8,
            title_fontsize=8,
        )
        title = f"Capaian indikator kinerja {report.dataset.unit.name} tahun {report.dataset.year}"
        title = _wrap(title, 100, 2)
        mean = report.displayed_mean
        if mean is not None:
            title += f"\nRata-rata capaian {_label(mean)} %"
        figure.suptitle(title, x=0.01, ha="left", fontsize=10, parse_math=False)
        for text in axes.get_yticklabels():
            text.set_parse_math(False)
        return _save(pyplot, figure, format)


def trend_tables(report: LkipReport) -> list[Table]:
    """The history tables a trend chart is drawn for: some year has a target or realisation.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> [table.key for table in trend_tables(compute_report(load_dataset()))][:3]
    ['riwayat_1', 'riwayat_2', 'riwayat_3']
    """
    return [
        table
        for table in report.tables
        if table.key.startswith("riwayat_")
        and any(isinstance(row[1], Decimal) or isinstance(row[2], Decimal) for row in table.rows)
    ]


def _entry_of(report: LkipReport, table: Table) -> tuple[str, str]:
    """The indicator's name and unit of measure for its history table."""
    for entry in report.dataset.entries:
        if table.key == f"riwayat_{entry.indicator.code}":
            return entry.indicator.name, entry.indicator.unit_of_measure
    return table.note or table.title, ""


def render_trend_chart(report: LkipReport, table: Table, format: ChartFormat = "png") -> bytes:
    r"""One indicator's target and realisation by year (needs ``charts``).

    Titled with the indicator's code, name and unit of measure; each point
    labelled with its value in Indonesian style; one tick per year.

    Parameters
    ----------
    report : LkipReport
    table : Table
        One of :func:`trend_tables`.
    format : {"png", "svg"}
        As for :func:`render_capaian_chart`.

    Raises
    ------
    MissingExtraError
        matplotlib is not installed.

    Examples
    --------
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> try:
    ...     data = render_trend_chart(report, report.table("riwayat_14"), "svg")
    ... except MissingExtraError:  # without the charts extra
    ...     data = b"<?xml"
    >>> data[:5]
    b'<?xml'
    """
    name, unit = _entry_of(report, table)
    code = table.key.removeprefix("riwayat_")
    years = [int(str(row[0])) for row in table.rows]
    series: dict[int, dict[int, Decimal]] = {1: {}, 2: {}}
    for year, row in zip(years, table.rows, strict=True):
        for column, points in series.items():
            value = row[column]
            if isinstance(value, Decimal):
                points[year] = value
    shown = [value for values in series.values() for value in values.values()]
    with _drawing() as pyplot:
        figure, axes = pyplot.subplots(figsize=(7, 4), layout="constrained")
        for column, label, colour, marker in (
            (1, "Target", _TARGET_COLOUR, "s"),
            (2, "Realisasi", _REALISATION_COLOUR, "o"),
        ):
            points = series[column]
            if not points:
                continue
            axes.plot(
                list(points), [float(y) for y in points.values()], marker=marker, color=colour,
                label=label, linestyle="--" if column == 1 else "-", linewidth=1.6,
            )  # fmt: skip
            other = series[3 - column]
            for x, y in points.items():
                # The higher of the two values of a year is labelled above its point.
                above = x not in other or y > other[x] or (y == other[x] and column == 2)
                axes.annotate(
                    _label(y), (x, float(y)), textcoords="offset points",
                    xytext=(0, 7 if above else -8), va="bottom" if above else "top",
                    ha="center", fontsize=8, color=colour,
                )  # fmt: skip
        # Each year's tick also shows its capaian, as the LKIP's comparison tables do.
        ticks = [
            f"{year}\n{_label(row[3])} %" if isinstance(row[3], Decimal) else str(year)
            for year, row in zip(years, table.rows, strict=True)
        ]
        axes.set_xticks(years, ticks)
        axes.set_xlim(min(years) - 0.5, max(years) + 0.5)
        if shown:
            low, high = float(min(shown)), float(max(shown))
            span = high - low
            if low > 0 and 0 < span < high * 0.5:  # a narrow band far above zero: zoom in
                axes.set_ylim(low - span * 0.25, high + span * 0.25)
            else:  # from zero, with room for the labels of points at zero
                bottom, top = min(0.0, low), max(0.0, high)
                room = (top - bottom) or 1.0
                axes.set_ylim(bottom - room * 0.12, top + room * 0.2)
        if all(value == value.to_integral_value() for value in shown):
            axes.yaxis.set_major_locator(_integer_locator())
        axes.yaxis.set_major_formatter(
            lambda y, _: format_number(
                str(round(y)) if float(y).is_integer() else Decimal(f"{y:.2f}").normalize(),
                style=NumberStyle.INDONESIAN,
            )
        )
        axes.set_ylabel(_cut(unit, 40) or "Nilai", parse_math=False)
        axes.set_xlabel("Tahun (capaian)")
        axes.spines[["top", "right"]].set_visible(False)
        axes.grid(axis="y", color="#dddddd", linewidth=0.6)
        figure.legend(loc="outside lower center", ncols=2, fontsize=8, frameon=False)
        title = f"Indikator {code}: {name.rstrip('. ')}" + (f" ({unit})" if unit else "")
        figure.suptitle(_wrap(title, 85, 3), x=0.01, ha="left", fontsize=10, parse_math=False)
        return _save(pyplot, figure, format)


def _names(report: LkipReport, format: ChartFormat) -> list[tuple[Table | None, str]]:
    from sakip.report.render import _safe_names

    tables = trend_tables(report)
    names = _safe_names(["capaian", *(table.key for table in tables)], 120)
    return [
        (table, f"{name}.{format}") for table, name in zip([None, *tables], names, strict=True)
    ]


def chart_names(report: LkipReport, format: ChartFormat = "png") -> list[str]:
    """The file names :func:`render_charts` gives, without drawing (no extra needed).

    ``capaian.png`` (capaian per indicator), then one ``riwayat_<code>.png``
    per indicator history, named after its table key.

    Examples
    --------
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> names = chart_names(compute_report(load_dataset()))
    >>> names[0], "riwayat_14.png" in names
    ('capaian.png', True)
    """
    return [name for _, name in _names(report, format)]


def render_charts(report: LkipReport, format: ChartFormat = "png") -> dict[str, bytes]:
    r"""Every chart of the report, by file name, as PNG or SVG (needs ``charts``).

    The capaian chart (:func:`render_capaian_chart`) and one trend chart per
    indicator history (:func:`render_trend_chart`), named by
    :func:`chart_names`. Text is drawn as plain text (a ``$`` is not
    mathematics); missing glyphs do not warn.

    Raises
    ------
    MissingExtraError
        matplotlib is not installed: no chart is drawn.

    Examples
    --------
    Named as :func:`chart_names` says, in its order:

    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> report = compute_report(load_dataset())
    >>> names = chart_names(report, "svg")
    >>> try:
    ...     charts = render_charts(report, "svg")
    ... except MissingExtraError:  # without the charts extra
    ...     charts = dict.fromkeys(names, b"<?xml")
    >>> list(charts) == names, charts["riwayat_14.svg"][:5]
    (True, b'<?xml')
    """
    charts = {}
    for table, name in _names(report, format):
        if table is None:
            charts[name] = render_capaian_chart(report, format)
        else:
            charts[name] = render_trend_chart(report, table, format)
    return charts


def write_charts(
    report: LkipReport, directory: str | Path, format: ChartFormat = "png"
) -> list[Path]:
    """Write :func:`render_charts` into ``directory``, each file atomically (needs ``charts``).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    MissingExtraError
        matplotlib is not installed: no file is written.
    OSError
        A file cannot be written; the files written before it stay.

    Examples
    --------
    A folder that does not exist yet is created:

    >>> import pathlib, tempfile
    >>> from sakip.errors import MissingExtraError
    >>> from sakip.report.compute import compute_report
    >>> from sakip.report.dataset import load_dataset
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "grafik"
    >>> try:
    ...     written = write_charts(compute_report(load_dataset()), folder)
    ... except MissingExtraError:  # without the charts extra
    ...     written = [folder / "capaian.png"]
    >>> written[0].parent == folder, written[0].name
    (True, 'capaian.png')
    """
    charts = render_charts(report, format)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in charts.items():
        atomic_write(folder / name, data)
        written.append(folder / name)
    return written
