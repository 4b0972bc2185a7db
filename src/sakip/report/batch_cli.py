"""Several data sets in one command: ``sakip validate|audit PATH...`` and its summary table.

Internal to the ``sakip`` command (:mod:`sakip.cli`); the behaviour is
documented in ``docs/report.md``. A folder stands for its ``*.toml`` files,
sorted by name. Every unit is loaded, computed and (for ``audit``) audited
on its own: an unusable unit is a row with status ``unusable`` and its
problems, never the end of the run. The table is rendered with the
report's own renderers: Indonesian number style in ``text`` and ``md``,
plain decimals in ``csv`` and ``json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from sakip.errors import DataSetError, InvalidValueError, SakipError
from sakip.report.audit import run_audit
from sakip.report.compute import Cell, Table, compute_report
from sakip.report.dataset import load_dataset
from sakip.report.render import (
    _plain,
    _text_table,
    finding_line,
    render_csv,
    render_json,
    render_markdown,
    render_text,
    table_csv,
    table_markdown,
)
from sakip.report.safety import printable

__all__ = [
    "NoInputsError",
    "OutputNameError",
    "UnitOutcome",
    "expand_inputs",
    "output_names",
    "render_summary",
    "run_unit",
]

#: The file extension of each report format (CSV: a folder per data set, one file per table).
EXTENSIONS = {
    "text": ".txt",
    "md": ".md",
    "csv": "",
    "json": ".json",
    "xlsx": ".xlsx",
    "html": ".html",
    "docx": ".docx",
}

SUMMARY_FORMAT = "sakip-summary/1"
"""The ``format`` field of the JSON summary; changes only with a new layout."""

_COLUMNS = (
    "Data set",
    "Unit",
    "Indikator",
    "Rata-rata capaian (%)",
    "Melebihi",
    "Sesuai",
    "Tidak mencapai",
    "Temuan",
    "Status",
)


class NoInputsError(InvalidValueError):
    """A folder given on the command line holds no ``*.toml`` file.

    Examples
    --------
    >>> error = NoInputsError("data/", "holds no *.toml file", "data/")
    >>> error.field, error.rule
    ('data/', 'holds no *.toml file')
    """


def expand_inputs(paths: Sequence[str]) -> list[Path]:
    """The data set files named by ``paths``: a folder stands for its ``*.toml`` and ``*.xlsx`` files, sorted.

    A path that is not a folder is kept as given (loading it reports a
    missing or unreadable file as a problem of that unit).

    Raises
    ------
    NoInputsError
        A folder without a ``*.toml`` file.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.toml", "a.toml", "notes.txt", "c.xlsx", "~$c.xlsx"):
    ...     _ = (folder / name).write_text("", encoding="utf-8")
    >>> [p.name for p in expand_inputs([str(folder), "x.toml"])]
    ['a.toml', 'b.toml', 'c.xlsx', 'x.toml']
    >>> expand_inputs([str(folder / "none")])[0].name
    'none'
    """
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p
                for p in (*path.glob("*.toml"), *path.glob("*.xlsx"))
                if p.is_file() and not p.name.startswith("~$")  # "~$": Excel's lock file
            )
            if not found:
                raise NoInputsError(name, "holds no *.toml file", name)
            files += found
        else:
            files.append(path)
    return files


def output_names(files: Sequence[Path], format: str) -> list[str]:
    """The report file name of each data set: its name with the format's extension.

    Raises
    ------
    OutputNameError
        Two data sets would give the same name (``a/lkip.toml`` and
        ``b/lkip.toml``).

    Examples
    --------
    >>> output_names([Path("data/kalteng.toml"), Path("jatim.toml")], "md")
    ['kalteng.md', 'jatim.md']
    >>> output_names([Path("a/lkip.toml"), Path("b/lkip.toml")], "json")
    Traceback (most recent call last):
    ...
    sakip.report.batch_cli.OutputNameError: 'b/lkip.toml' gives the same output name as a/lkip.toml: 'lkip.json'
    """
    names: list[str] = []
    for path in files:
        name = path.stem + EXTENSIONS[format]
        if name in names:
            first = files[names.index(name)]
            raise OutputNameError(str(path), f"gives the same output name as {first}", name)
        names.append(name)
    return names


class OutputNameError(InvalidValueError):
    """Two data sets of ``sakip report --out DIR`` would write the same file.

    Examples
    --------
    >>> OutputNameError("b/lkip.toml", "gives the same output name as a/lkip.toml", "x").field
    'b/lkip.toml'
    """


@attrs.frozen
class UnitOutcome:
    """One row of the summary: a data set validated or audited.

    Attributes
    ----------
    source : str
        The path as read.
    unit : str or None
        The unit's name (``None`` when the data set is unusable).
    indicators : int
        Indicators of the agreement (0 when unusable).
    mean : Decimal or None
        Mean capaian as displayed by the data set's policy.
    above, at, below : int
        Indicators above, at and below target.
    findings : int or None
        Audit findings (``None`` for ``validate`` or an unusable data set).
    status : str
        ``valid``, ``ok``, ``findings`` or ``unusable``.
    exit_code : int
        0, 1 (audit findings) or 2 (unusable), as for one data set.
    problems : tuple of str
        The problems of an unusable data set, or the audit's findings.

    Examples
    --------
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> outcome = run_unit(bundled_dataset_path(), "audit")
    >>> outcome.indicators, outcome.mean, outcome.status, outcome.exit_code
    (18, Decimal('107.34'), 'findings', 1)
    """

    source: str
    unit: str | None
    indicators: int
    mean: Decimal | None
    above: int
    at: int
    below: int
    findings: int | None
    status: str
    exit_code: int
    problems: tuple[str, ...] = ()

    def cells(self) -> tuple[Cell, ...]:
        """The row of the summary table.

        Examples
        --------
        >>> UnitOutcome("x.toml", None, 0, None, 0, 0, 0, None, "unusable", 2).cells()[-1]
        'unusable'
        """
        return (
            self.source,
            self.unit,
            self.indicators,
            self.mean,
            self.above,
            self.at,
            self.below,
            self.findings,
            self.status,
        )


def _unusable(source: str, problems: Sequence[str]) -> UnitOutcome:
    return UnitOutcome(source, None, 0, None, 0, 0, 0, None, "unusable", 2, tuple(problems))


def run_unit(path: Path, command: str) -> UnitOutcome:
    """Validate (``command="validate"``) or audit one data set; never raises a data error.

    ``validate`` also renders the text formats, as ``sakip validate`` does
    for one data set: "valid" means that report and audit work.

    Examples
    --------
    >>> run_unit(Path("no-such-file.toml"), "validate").status
    'unusable'
    """
    source = printable(str(path))  # a file name must not drive the terminal
    try:
        report = compute_report(load_dataset(path))
        audited = run_audit(report)
        findings = audited.findings
        if command == "validate":
            render_text(report)
            render_markdown(report, findings, checked=audited.checked)
            render_csv(report)
            render_json(report, findings, checked=audited.checked)
    except DataSetError as error:
        return _unusable(source, [printable(p) for p in error.problems or (str(error.args[0]),)])
    except SakipError as error:
        return _unusable(source, (printable(str(error)),))
    except MemoryError:
        return _unusable(source, ("is too large for the memory available",))
    summary = report.summary
    problems: tuple[str, ...] = ()
    if command == "validate":
        status, code = "valid", 0
    else:
        status = "findings" if findings else "ok"
        code, problems = (1 if findings else 0), tuple(finding_line(f) for f in findings)
    return UnitOutcome(
        source,
        report.dataset.unit.name,
        len(report.dataset.entries),
        report.displayed_mean,
        summary.above,
        summary.at,
        summary.below,
        None if command == "validate" else len(findings),
        status,
        code,
        problems,
    )


def _table(outcomes: Sequence[UnitOutcome]) -> Table:
    return Table(
        "ringkasan_unit", "Ringkasan per unit", _COLUMNS, tuple(o.cells() for o in outcomes)
    )


def _problem_lines(outcomes: Sequence[UnitOutcome]) -> list[str]:
    lines: list[str] = []
    for outcome in outcomes:
        if outcome.problems:
            lines.append(f"{outcome.source}: {outcome.status}")
            lines += [f"  {problem}" for problem in outcome.problems]
    return lines


def render_summary(outcomes: Sequence[UnitOutcome], format: str) -> str:
    """The summary table in ``text``, ``md``, ``csv`` or ``json``, problems under the table.

    Examples
    --------
    >>> from sakip.report.dataset import bundled_dataset_path
    >>> outcome = run_unit(bundled_dataset_path(), "validate")
    >>> render_summary([outcome], "csv").splitlines()[1].split(",")[1:]
    ['BNN Provinsi Kalimantan Tengah', '18', '107.34', '6', '11', '1', '', 'valid']
    """
    if format == "json":
        document: dict[str, Any] = {
            "format": SUMMARY_FORMAT,
            "exit_code": max((o.exit_code for o in outcomes), default=0),
            "units": [
                {
                    "source": o.source,
                    "unit": o.unit,
                    "indicators": o.indicators,
                    "mean": _plain(o.mean),
                    "above": o.above,
                    "at": o.at,
                    "below": o.below,
                    "findings": o.findings,
                    "status": o.status,
                    "exit_code": o.exit_code,
                    "problems": list(o.problems),
                }
                for o in outcomes
            ],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    table = _table(outcomes)
    problems = _problem_lines(outcomes)
    if format == "csv":
        return table_csv(table)
    if format == "md":
        markdown = table_markdown(table)
        if problems:
            markdown += ["", "### Masalah", "", *(f"    {p}" for p in problems)]
        return "\n".join(markdown) + "\n"
    text = _text_table(table)
    if problems:
        text += ["", *problems]
    return "\n".join(text) + "\n"
