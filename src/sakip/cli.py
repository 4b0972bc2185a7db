"""The ``sakip`` command: report, audit and validate LKIP data sets.

Exit status: 0 success; 1 the audit found printed figures that differ from
the rules (and nothing else); 2 the data set is unusable (the problems are
listed); 3 an output cannot be written (a file, standard output, or an
extra that is not installed); 4 the command line is wrong; 5 an internal
error (a bug in sakip); 130 interrupted; 141 the reader of standard output
stopped reading (``sakip report | head``), quietly. Every other message is
one line on standard error, never a traceback: :func:`main` maps every
exception to one of these statuses. The table is in ``docs/report.md``.
"""

from __future__ import annotations

import argparse
import codecs
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sakip._io import OutputRefusedError, atomic_write, check_target
from sakip._version import __version__
from sakip.errors import DataSetError, SakipError
from sakip.report.audit import run_audit
from sakip.report.batch_cli import (
    NoInputsError,
    OutputNameError,
    expand_inputs,
    output_names,
    render_summary,
    run_unit,
)
from sakip.report.charts import chart_names, render_charts
from sakip.report.compare_cli import (
    MappingError,
    compare_reports,
    parse_mapping,
    render_comparison,
)
from sakip.report.compute import LkipReport, compute_report
from sakip.report.csv_out import csv_files, csv_outputs, render_csv
from sakip.report.dataset import DataSet, bundled_dataset_path, load_dataset
from sakip.report.docx_out import render_docx
from sakip.report.html_out import render_html
from sakip.report.render import (
    MissingExtraError,
    render_findings,
    render_json,
    render_markdown,
    render_text,
)
from sakip.report.safety import printable
from sakip.report.workbook_template import answer_files, dataset_document, render_template
from sakip.report.xlsx_out import render_xlsx

__all__ = [
    "EXIT_AUDIT",
    "EXIT_DATA",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_PIPE",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
EXIT_AUDIT = 1
EXIT_DATA = 2
EXIT_OUTPUT = 3
EXIT_USAGE = 4
EXIT_INTERNAL = 5
EXIT_INTERRUPTED = 130
EXIT_PIPE = 141  # what a shell reports for a program stopped by SIGPIPE


class _StreamError(Exception):
    """Standard output cannot be written (closed, full, ...); the reason is the message."""


class _Parser(argparse.ArgumentParser):
    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse ignores a failed write of --help or --version; the exit status must not.
        if not message:
            return
        if file is None:  # argparse meant standard output, which is closed
            raise _StreamError("it is closed")
        if file is not sys.stdout:
            _error(message.rstrip("\n"))
            return
        _write_and_flush(file, message)

    def error(self, message: str) -> None:  # type: ignore[override]
        if sys.stderr is not None:
            self.print_usage(sys.stderr)
        _error(f"sakip: error: {message}")
        raise SystemExit(EXIT_USAGE)


def _add_format(
    parser: argparse.ArgumentParser, choices: Sequence[str], help: str = "output format"
) -> None:
    """The ``--format`` option of a command: one of ``choices``, ``text`` by default."""
    parser.add_argument("--format", choices=choices, default="text", help=help)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sakip",
        description="Compute, audit and validate LKIP data sets of BNN units.",
        epilog="Without DATASET the bundled example (LKIP BNNP Kalimantan Tengah 2024) is used.",
    )
    parser.add_argument("--version", action="version", version=f"sakip {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    report = commands.add_parser("report", help="compute the report and show its tables")
    report.add_argument(
        "dataset", nargs="*", metavar="DATASET", help="a data set file, TOML or xlsx (one only)"
    )
    _add_format(
        report,
        ("text", "md", "csv", "json", "xlsx", "html", "docx"),
        "output format (xlsx and docx need --out)",
    )
    report.add_argument("--out", metavar="PATH", help="write to PATH instead of standard output")
    report.add_argument(
        "--csv-dialect",
        choices=("plain", "excel-id"),
        help="with --format csv: plain (',' and '.', default) or excel-id (';', decimal comma, BOM)",
    )
    report.add_argument(
        "--charts",
        metavar="DIR",
        help="also write the capaian chart and one trend chart per indicator history (PNG)",
    )
    report.add_argument(
        "--force", action="store_true", help="replace existing files (never the data set)"
    )
    several = (
        "data set TOML or xlsx files or folders (a folder: its *.toml and *.xlsx files); "
        "several: a summary"
    )
    check = commands.add_parser("audit", help="list printed figures that differ from the rules")
    check.add_argument("dataset", nargs="*", metavar="DATASET", help=several)
    _add_format(
        check,
        ("text", "json", "md", "csv"),
        "output format (md and csv: the summary of several data sets only)",
    )
    validate = commands.add_parser("validate", help="check a data set and list every problem")
    validate.add_argument("dataset", nargs="+", metavar="DATASET", help=several)
    _add_format(
        validate, ("text", "json", "md", "csv"), "format of the summary of several data sets"
    )
    template = commands.add_parser(
        "template",
        help="write a fillable xlsx workbook for a data set (sheet Petunjuk explains it)",
    )
    template.add_argument("path", metavar="PATH.xlsx", help="the workbook to write")
    template.add_argument(
        "--from",
        dest="source",
        metavar="DATASET",
        help="fill it from this data set (TOML or xlsx); default: an empty template",
    )
    template.add_argument("--force", action="store_true", help="replace an existing file")
    compare = commands.add_parser("compare", help="two units or two years side by side")
    compare.add_argument("first", metavar="A", help="a data set TOML file")
    compare.add_argument("second", metavar="B", help="a data set TOML file")
    compare.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="A_CODE=B_CODE",
        help="match indicator A_CODE of A with B_CODE of B (repeatable)",
    )
    _add_format(compare, ("text", "md", "csv", "json"))
    return parser


def _error(line: str) -> None:
    """One message on standard error, whatever state standard error is in."""
    if sys.stderr is None:
        return
    text = printable(line) + "\n"
    try:
        try:
            sys.stderr.write(text)
        except UnicodeEncodeError:  # PYTHONIOENCODING=ascii:strict
            sys.stderr.write(text.encode("ascii", "backslashreplace").decode("ascii"))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it: the exit status still does


# --- standard output: any encoding, closed, full, or a reader that went away -------------

#: Transliterations of common punctuation for a terminal that cannot show it.
_ASCII = {
    "\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"',
    "\u201d": '"', "\u2265": ">=", "\u2264": "<=", "\u00d7": "x", "\u2026": "...",
    "\u00a0": " ",
}  # fmt: skip


def _transliterate(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: an ASCII look-alike ("é" -> "e", "≥" -> ">="), else "?"."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        decomposed = unicodedata.normalize("NFKD", char)
        candidate = _ASCII.get(char) or "".join(
            c for c in decomposed if not unicodedata.combining(c)
        )
        out.append(candidate if candidate and candidate.isascii() else "?")
    return "".join(out), error.end


codecs.register_error("sakip-transliterate", _transliterate)


def _utf8(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return codecs.lookup(encoding).name == "utf-8"


def _ascii_json(text: str) -> str:
    r"""JSON with every non-ASCII character as a ``\u`` escape: the same document, exactly."""

    def escape(match: re.Match[str]) -> str:
        data = match.group().encode("utf-16-be")
        return "".join(f"\\u{data[i : i + 2].hex()}" for i in range(0, len(data), 2))

    return re.sub(r"[^\x00-\x7f]", escape, text)


def _write_stdout(text: str, *, json_text: bool = False) -> None:
    r"""Write to standard output and flush; a failure becomes a :class:`_StreamError`.

    A terminal that is not UTF-8 gets look-alikes for what it cannot show
    (``docs/report.md``), except JSON, which gets ``\u`` escapes and so
    stays exact. A broken pipe propagates as :class:`BrokenPipeError`.
    """
    stream = sys.stdout
    if stream is None:
        raise _StreamError("it is closed")
    if not _utf8(stream):
        if json_text:
            text = _ascii_json(text)
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="sakip-transliterate")
    try:
        _write_and_flush(stream, text)
    except ValueError as error:  # a stream closed by the program that started us
        raise _StreamError(str(error)) from None


def _write_and_flush(stream: Any, text: str) -> None:
    """Write ``text`` to standard output; a failed write is a :class:`_StreamError`.

    A broken pipe propagates as :class:`BrokenPipeError`; any other OS error
    points standard output at the null device first (:func:`_discard_stdout`).
    """
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _discard_stdout()
        raise _StreamError(error.strerror or str(error)) from None


def _discard_stdout() -> None:
    """Point standard output at the null device, so the final flush cannot fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


# --- the commands ---------------------------------------------------------------------------


def _load(path: str | None) -> DataSet:
    return load_dataset(None if path is None else Path(path))


_TEXT_FORMATS = ("text", "md", "csv", "json")


def _render(report: LkipReport, format: str, dialect: str = "plain") -> str:
    result = run_audit(report)
    findings, checked = result.findings, result.checked
    if format == "text":
        heading = render_findings(findings, checked=checked).splitlines()[0]
        return render_text(report) + heading + "\n"
    if format == "md":
        return render_markdown(report, findings, checked=checked)
    if format == "csv":
        return render_csv(report, dialect)
    if format == "html":
        return render_html(report, findings, checked=checked)
    return render_json(report, findings, checked=checked)


def _csv_dialect(args: argparse.Namespace) -> str | None:
    """The CSV dialect; ``None`` (after the error line) when given for another format."""
    if args.csv_dialect is not None and args.format != "csv":
        _error("sakip: error: --csv-dialect is for --format csv")
        return None
    return str(args.csv_dialect or "plain")


_BINARY_FORMATS = ("xlsx", "docx")


def _render_binary(report: LkipReport, format: str) -> bytes:
    result = run_audit(report)
    render = render_xlsx if format == "xlsx" else render_docx
    return render(report, result.findings, checked=result.checked)


def _report(args: argparse.Namespace, report: LkipReport) -> int:
    if args.format in _BINARY_FORMATS and args.out is None:
        _error(f"sakip: error: --format {args.format} needs --out PATH")
        return EXIT_USAGE
    dialect = _csv_dialect(args)
    if dialect is None:
        return EXIT_USAGE
    inputs = [args.dataset or bundled_dataset_path()]
    # Every target is checked before anything is drawn or written.
    tables: list[tuple[Path, bytes]] = []
    table_folder = None
    if args.format == "csv" and args.out is not None:  # a folder, a zip or one long CSV
        table_folder, tables = csv_outputs(report, args.out, dialect)
        if table_folder is not None and table_folder.exists() and not table_folder.is_dir():
            raise OutputRefusedError(args.out, "it is not a folder", args.out)
    for path in [path for path, _ in tables] or ([args.out] if args.out is not None else []):
        check_target(path, force=args.force, inputs=inputs)
    charts: list[Path] = []
    if args.charts:
        folder = Path(args.charts)
        if folder.exists() and not folder.is_dir():
            raise OutputRefusedError(args.charts, "it is not a folder", args.charts)
        charts = [folder / name for name in chart_names(report)]
        for path in charts:
            check_target(path, force=args.force, inputs=inputs)
    # Everything is rendered in memory (a missing extra fails here), then written.
    files: list[tuple[Path, bytes]] = []
    text = None
    if args.format in _BINARY_FORMATS:
        files.append((Path(args.out), _render_binary(report, args.format)))
    elif tables:
        files += tables
        if table_folder is not None:
            table_folder.mkdir(parents=True, exist_ok=True)
    else:
        text = _render(report, args.format, dialect)
        if args.out is not None:
            files.append((Path(args.out), text.encode("utf-8")))
            text = None
    if args.charts:
        images = render_charts(report)
        Path(args.charts).mkdir(parents=True, exist_ok=True)
        files += [(path, images[path.name]) for path in charts]
    for path, data in files:
        atomic_write(path, data)
    for path in charts:
        _error(f"sakip: wrote {path}")
    if text is not None:
        _write_stdout(text, json_text=args.format == "json")
    return EXIT_OK


def _report_many(args: argparse.Namespace, files: list[Path]) -> int:
    """One report per data set into the folder ``--out``; all or nothing."""
    if args.out is None or args.charts is not None:
        _error("sakip: error: several data sets need --out DIR (a folder) and no --charts")
        return EXIT_USAGE
    folder = Path(args.out)
    if folder.exists() and not folder.is_dir():
        raise OutputRefusedError(args.out, "it is not a folder", args.out)
    dialect = _csv_dialect(args)
    if dialect is None:
        return EXIT_USAGE
    names = output_names(files, args.format)
    targets = [folder / name for name in names]
    for target in targets:  # every target is checked before anything is computed
        if args.format == "csv" and os.path.lexists(target):  # a unit's folder of tables
            if not target.is_dir():
                raise OutputRefusedError(str(target), "it is not a folder", str(target))
            continue  # its files are checked once they are known
        check_target(target, force=args.force, inputs=files)
    reports: list[LkipReport] = []
    unusable = 0
    for path in files:
        try:
            reports.append(compute_report(load_dataset(path)))
        except DataSetError as error:
            _error(f"sakip: {error}")
            unusable += 1
    if unusable:
        _error(f"sakip: {unusable} of {len(files)} data sets are unusable: no file written")
        return EXIT_DATA
    # Everything is rendered in memory (a missing extra fails here), then written.
    outputs: list[tuple[Path, bytes]] = []
    for target, report in zip(targets, reports, strict=True):
        if args.format == "csv":  # a folder per unit, one file per table
            outputs += [(target / name, data) for name, data in csv_files(report, dialect).items()]
        elif args.format in _BINARY_FORMATS:
            outputs.append((target, _render_binary(report, args.format)))
        else:
            outputs.append((target, _render(report, args.format).encode("utf-8")))
    for path, _ in outputs:  # the files of a unit's folder, before any folder is made
        check_target(path, force=args.force, inputs=files)
    folder.mkdir(parents=True, exist_ok=True)
    for path, _ in outputs:
        path.parent.mkdir(exist_ok=True)
        check_target(path, force=args.force, inputs=files)
    for path, content in outputs:
        atomic_write(path, content)
        if args.format != "csv":
            _error(f"sakip: wrote {path}")
    if args.format == "csv":
        for target in targets:
            count = sum(path.parent == target for path, _ in outputs)
            _error(f"sakip: wrote {target}: {count} CSV files, one per table")
    return EXIT_OK


def _several(args: argparse.Namespace) -> int | None:
    """Several data sets (or a folder): the summary table; ``None`` for one data set."""
    paths: list[str] = args.dataset
    if len(paths) <= 1 and not (paths and Path(paths[0]).is_dir()):
        args.dataset = paths[0] if paths else None
        one = ("text", "json") if args.command == "audit" else ("text",)
        if args.command != "report" and args.format not in one:
            _error(f"sakip: error: --format {args.format} is for several data sets")
            return EXIT_USAGE
        return None
    files = expand_inputs(paths)
    if args.command == "report":
        return _report_many(args, files)
    outcomes = [run_unit(path, args.command) for path in files]
    _write_stdout(render_summary(outcomes, args.format), json_text=args.format == "json")
    return max(outcome.exit_code for outcome in outcomes)


def _compare(args: argparse.Namespace) -> int:
    try:
        mapping = parse_mapping(args.map)
    except MappingError as error:
        _error(f"sakip: error: {error}")
        return EXIT_USAGE
    first = compute_report(_load(args.first))
    second = compute_report(_load(args.second))
    try:
        comparison = compare_reports(first, second, mapping)
    except MappingError as error:
        _error(f"sakip: error: {error}")
        return EXIT_USAGE
    _write_stdout(render_comparison(comparison, args.format), json_text=args.format == "json")
    return EXIT_OK


def _template(args: argparse.Namespace) -> int:
    """``sakip template PATH.xlsx [--from DATASET]``: the workbook, empty or filled."""
    target = Path(args.path)
    if target.suffix.lower() != ".xlsx":
        _error(
            f"sakip: error: {args.path}: the template is a workbook: the name must end in .xlsx"
        )
        return EXIT_USAGE
    inputs = [] if args.source is None else [args.source]
    check_target(target, force=args.force, inputs=inputs)
    document = None if args.source is None else dataset_document(args.source)
    # The IKM answer files the data set names go beside the workbook, which names them too.
    copies: list[tuple[Path, bytes]] = []
    if document is not None:
        for name, source in answer_files(document, Path(args.source).parent).items():
            copy, data = target.parent / name, source.read_bytes()
            if copy.is_file() and copy.read_bytes() == data:
                continue  # already there
            check_target(copy, force=args.force, inputs=[*inputs, str(source)])
            copies.append((copy, data))
    atomic_write(target, render_template(document))
    _error(f"sakip: wrote {target}")
    for copy, data in copies:
        copy.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(copy, data)
        _error(f"sakip: wrote {copy}")
    return EXIT_OK


def _cannot_write(error: OSError) -> str:
    name = error.filename if error.filename is not None else "the output"
    return f"error: cannot write {name}: {error.strerror or error}"


# The errors that end a command: the first class that matches gives the message and the status.
_FAILURES: tuple[tuple[type[Exception], int, Callable[[Any], str]], ...] = (
    (
        OutputNameError,
        EXIT_OUTPUT,
        lambda e: f"error: will not write {e.value}: {e.field} {e.rule}",
    ),
    (NoInputsError, EXIT_DATA, lambda e: f"error: {e.field}: {e.rule}"),
    (DataSetError, EXIT_DATA, str),
    (OutputRefusedError, EXIT_OUTPUT, lambda e: f"error: will not write {e.field}: {e.rule}"),
    (MissingExtraError, EXIT_OUTPUT, lambda e: f"error: {e}"),
    (OSError, EXIT_OUTPUT, _cannot_write),
    (SakipError, EXIT_DATA, lambda e: f"error: {e}"),
)


def _run(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "compare":
            return _compare(args)
        if args.command == "template":
            return _template(args)
        several = _several(args)
        if several is not None:
            return several
        dataset = _load(args.dataset)
        # Computed and rendered for validate too: "valid" means that report and audit work.
        report = compute_report(dataset)
        if args.command == "validate":
            for format in _TEXT_FORMATS:
                _render(report, format)
            _write_stdout(f"{dataset.source}: valid ({len(dataset.entries)} indicators)\n")
            return EXIT_OK
        if args.command == "report":
            return _report(args, report)
        result = run_audit(report)
        if args.format == "json":
            _write_stdout(
                render_json(report, result.findings, checked=result.checked), json_text=True
            )
        else:
            _write_stdout(render_findings(result.findings, checked=result.checked) + "\n")
        return EXIT_AUDIT if result.findings else EXIT_OK
    except BrokenPipeError:
        raise  # main() stops quietly
    except (SakipError, OSError) as error:
        line, status = next(
            (describe(error), status)
            for kind, status, describe in _FAILURES
            if isinstance(error, kind)
        )
        _error(f"sakip: {line}")
        return status
    except MemoryError:  # loading has its own message; this is the computing of a huge data set
        _error(
            f"sakip: {getattr(args, 'dataset', None) or 'the data set'}: is too large for the memory available"
        )
        return EXIT_DATA


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (never raises, but for ``--help``).

    Examples
    --------
    >>> main(["validate", "no-such-file.toml"])
    2
    """
    try:
        return _run(argv)
    except SystemExit:  # argparse: --help, --version, a wrong command line
        raise
    except _StreamError as error:
        _error(f"sakip: error: cannot write standard output: {error}")
        return EXIT_OUTPUT
    except BrokenPipeError:
        _discard_stdout()  # the reader went away: stop quietly, as `cat` does
        return EXIT_PIPE
    except KeyboardInterrupt:
        _error("sakip: interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:
        _error(
            f"sakip: internal error: {type(error).__name__}: {error} "
            f"(a bug in sakip {__version__}: please report it to the sakip developers "
            "with the command and the data set)"
        )
        return EXIT_INTERNAL


def run() -> None:
    """Entry point of the ``sakip`` script."""
    raise SystemExit(main())
