"""The ``sakip`` command: report, audit and validate LKIP data sets.

Exit status: 0 success; 1 the audit found printed figures that differ from
the rules; 2 the data set is unusable (the problems are listed); 3 the
output cannot be written (or needs an extra that is not installed); 4 the
command line is wrong. Errors are one line each on standard error, never a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sakip._version import __version__
from sakip.errors import DataSetError, SakipError
from sakip.report.audit import audit
from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import DataSet, load_dataset
from sakip.report.render import (
    MissingExtraError,
    render_csv,
    render_findings,
    render_json,
    render_markdown,
    render_text,
    write_charts,
    write_xlsx,
)

__all__ = ["EXIT_AUDIT", "EXIT_DATA", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_AUDIT = 1
EXIT_DATA = 2
EXIT_OUTPUT = 3
EXIT_USAGE = 4


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"sakip: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


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
    report.add_argument("dataset", nargs="?", metavar="DATASET", help="a data set TOML file")
    report.add_argument(
        "--format",
        choices=("text", "md", "csv", "json", "xlsx"),
        default="text",
        help="output format",
    )
    report.add_argument("--out", metavar="PATH", help="write to PATH instead of standard output")
    report.add_argument(
        "--charts", metavar="DIR", help="also write one trend chart (PNG) per indicator history"
    )
    check = commands.add_parser("audit", help="list printed figures that differ from the rules")
    check.add_argument("dataset", nargs="?", metavar="DATASET", help="a data set TOML file")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    validate = commands.add_parser("validate", help="check a data set and list every problem")
    validate.add_argument("dataset", metavar="DATASET", help="a data set TOML file")
    return parser


def _load(path: str | None) -> DataSet:
    return load_dataset(None if path is None else Path(path))


def _emit(text: str, out: str | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")


def _report(args: argparse.Namespace, report: LkipReport) -> int:
    if args.format == "xlsx":
        if args.out is None:
            print("sakip: error: --format xlsx needs --out PATH", file=sys.stderr)
            return EXIT_USAGE
        write_xlsx(report, args.out)
    else:
        findings = audit(report)
        renderers = {
            "text": lambda: render_text(report) + render_findings(findings).splitlines()[0] + "\n",
            "md": lambda: render_markdown(report, findings),
            "csv": lambda: render_csv(report),
            "json": lambda: render_json(report, findings),
        }
        _emit(renderers[args.format](), args.out)
    if args.charts:
        for path in write_charts(report, args.charts):
            print(f"sakip: wrote {path}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Examples
    --------
    >>> main(["validate", "no-such-file.toml"])
    2
    """
    args = _parser().parse_args(argv)
    try:
        dataset = _load(args.dataset)
        # Computed for validate too: "valid" means that report and audit will work.
        report = compute_report(dataset)
        if args.command == "validate":
            audit(report)
            print(f"{dataset.source}: valid ({len(dataset.entries)} indicators)")
            return EXIT_OK
        if args.command == "report":
            return _report(args, report)
        findings = audit(report)
        if args.format == "json":
            sys.stdout.write(render_json(report, findings))
        else:
            print(render_findings(findings))
        return EXIT_AUDIT if findings else EXIT_OK
    except DataSetError as error:
        print(f"sakip: {error}", file=sys.stderr)
        return EXIT_DATA
    except MissingExtraError as error:
        print(f"sakip: error: {error}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as error:
        print(f"sakip: error: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return EXIT_OUTPUT
    except SakipError as error:
        print(f"sakip: error: {error}", file=sys.stderr)
        return EXIT_DATA


def run() -> None:
    """Entry point of the ``sakip`` script."""
    raise SystemExit(main())
