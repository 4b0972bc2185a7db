"""The installed ``sakip`` command against a careless or hostile user (issue 13).

Every case runs the installed script in a subprocess, in a temporary folder,
and checks the exit status, the one-line message (never a traceback) and that
the input data set is unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sakip.report.dataset import bundled_dataset_path
from tests.test_cli import unplaced

SAKIP = shutil.which("sakip", path=str(Path(sys.executable).parent)) or shutil.which("sakip")
PYTHON = sys.executable

pytestmark = pytest.mark.skipif(SAKIP is None, reason="the sakip command is not installed")

EXIT_OK, EXIT_AUDIT, EXIT_DATA, EXIT_OUTPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3, 4, 5
EXIT_PIPE = 141


def toml_string(text: str) -> str:
    """A TOML basic string (JSON escapes are TOML escapes when non-ASCII stays as is)."""
    return json.dumps(text, ensure_ascii=False)


def dataset_text(
    *,
    name: str = "Indeks kepuasan",
    measure: str = "Indeks",
    code: str = "1",
    subunit: str = "Desa A",
    extra: str = "",
) -> str:
    return f"""
schema = 1
[document]
title = "LKIP contoh"
year = 2024
[unit]
code = "bnnk-contoh"
name = "BNNK Contoh"
level = "BNNK"
[[subunits]]
code = "desa-a"
name = {toml_string(subunit)}
level = "BNNK"
[summary]
previous = {{ year = 2023, above = 3, at = 0, below = 0 }}
[[objectives]]
code = "S1"
name = "Sasaran"
[[objectives.indicators]]
code = {toml_string(code)}
name = {toml_string(name)}
unit_of_measure = {toml_string(measure)}
target = "3.60"
realization = "3.70"
units = [{{ unit = "desa-a", target = "3", realization = "3" }}]
{extra}"""


class Case:
    """A temporary folder with a data set whose bytes must not change."""

    def __init__(self, folder: Path, data: bytes, name: str = "lkip.toml") -> None:
        self.folder = folder
        self.input = folder / name
        self.input.write_bytes(data)
        self.data = data

    def run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        command: list[str] | None = None,
        **options: object,
    ) -> subprocess.CompletedProcess[bytes]:
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONIO")}
        full_env.update(env or {})
        options.setdefault("stdout", subprocess.PIPE)
        result = subprocess.run(
            [*(command or [str(SAKIP)]), *args],
            cwd=self.folder,
            env=full_env,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
            **options,  # type: ignore[call-overload]
        )
        assert self.input.read_bytes() == self.data, "the input data set changed"
        assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")
        return result  # type: ignore[no-any-return]


def message(result: subprocess.CompletedProcess[bytes], status: int) -> str:
    """The single line on standard error, after checking the exit status."""
    err = result.stderr.decode("utf-8", errors="replace")
    assert result.returncode == status, (result.returncode, err)
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def bundled(tmp_path: Path) -> Iterator[Case]:
    yield Case(tmp_path, bundled_dataset_path().read_bytes())


def hostile(tmp_path: Path, **texts: str) -> Case:
    return Case(tmp_path, dataset_text(**texts).encode("utf-8"))


# --- files: never onto the input, never over a file without --force, atomic ---------------


@pytest.mark.parametrize("spelling", ["lkip.toml", "./lkip.toml", "{abs}", "sub/../lkip.toml"])
def test_out_onto_the_input_data_set_is_refused(bundled: Case, spelling: str) -> None:
    (bundled.folder / "sub").mkdir()
    out = spelling.format(abs=bundled.input)
    for extra in ([], ["--force"]):
        line = message(bundled.run("report", "lkip.toml", "--out", out, *extra), EXIT_OUTPUT)
        assert out in line and "input data set" in line


def test_out_onto_another_name_of_the_input_is_refused(bundled: Case) -> None:
    os.link(bundled.input, bundled.folder / "hard.toml")
    (bundled.folder / "soft.toml").symlink_to(bundled.input)
    for name in ("hard.toml", "soft.toml"):
        line = message(bundled.run("report", "lkip.toml", "--out", name, "--force"), EXIT_OUTPUT)
        assert name in line and "input data set" in line


def test_an_existing_file_is_replaced_only_with_force(bundled: Case) -> None:
    out = bundled.folder / "report.txt"
    out.write_text("keep me", encoding="utf-8")
    line = message(bundled.run("report", "lkip.toml", "--out", "report.txt"), EXIT_OUTPUT)
    assert "report.txt" in line and "--force" in line
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = bundled.run("report", "lkip.toml", "--out", "report.txt", "--force")
    assert forced.returncode == EXIT_OK, forced.stderr
    assert "Pengukuran Kinerja" in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["lkip.toml", "report.txt"]


def test_a_fifo_or_folder_is_not_a_target(bundled: Case) -> None:
    os.mkfifo(bundled.folder / "fifo")
    (bundled.folder / "folder").mkdir()
    for name in ("fifo", "folder"):
        line = message(bundled.run("report", "--out", name, "--force"), EXIT_OUTPUT)
        assert name in line and "not a regular file" in line
    # Nothing half-written is left behind.
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["fifo", "folder", "lkip.toml"]


def test_an_unwritable_xlsx_target_is_one_line(bundled: Case) -> None:
    pytest.importorskip("openpyxl")
    (bundled.folder / "file").write_text("x", encoding="utf-8")
    line = message(
        bundled.run("report", "--format", "xlsx", "--out", "file/lkip.xlsx"), EXIT_OUTPUT
    )
    assert line.startswith("sakip: error: cannot write file/lkip.xlsx: ")
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["file", "lkip.toml"]


def test_charts_never_replace_files_without_force(bundled: Case) -> None:
    pytest.importorskip("matplotlib")
    charts = bundled.folder / "charts"
    charts.mkdir()
    (charts / "riwayat_14.png").write_bytes(b"mine")
    line = message(bundled.run("report", "--out", "r.txt", "--charts", "charts"), EXIT_OUTPUT)
    assert "riwayat_14.png" in line and "--force" in line
    # Checked before anything is written: no report, no other chart.
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["charts", "lkip.toml"]
    assert [p.name for p in charts.iterdir()] == ["riwayat_14.png"]
    assert (charts / "riwayat_14.png").read_bytes() == b"mine"


def _hide(folder: Path, *modules: str) -> dict[str, str]:
    """An environment in which importing ``modules`` fails, as if not installed."""
    hidden = folder / "hidden"
    for module in modules:
        (hidden / module).mkdir(parents=True)
        (hidden / module / "__init__.py").write_text(
            f"raise ImportError('{module} hidden by the test')\n", encoding="utf-8"
        )
    return {"PYTHONPATH": str(hidden)}


def test_charts_without_matplotlib_write_nothing(bundled: Case) -> None:
    env = _hide(bundled.folder, "matplotlib")
    line = message(
        bundled.run("report", "--out", "r.txt", "--charts", "charts", env=env), EXIT_OUTPUT
    )
    assert "matplotlib" in line
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["hidden", "lkip.toml"]


def test_xlsx_without_openpyxl_writes_nothing(bundled: Case) -> None:
    env = _hide(bundled.folder, "openpyxl")
    line = message(bundled.run("report", "--format", "xlsx", "--out", "r.xlsx", env=env), 3)
    assert "openpyxl" in line
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["hidden", "lkip.toml"]


# --- cells: text that a spreadsheet reads as a formula stays text ---------------------------

FORMULAS = {
    "name": '=HYPERLINK("http://x","klik")',
    "measure": "=1+1",
    "code": "-2",
    "subunit": "@SUM(A1)",
}
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def test_formula_text_is_escaped_in_csv(tmp_path: Path) -> None:
    case = hostile(tmp_path, **FORMULAS)
    result = case.run("report", "lkip.toml", "--format", "csv")
    assert result.returncode == EXIT_OK, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULAS["name"] in cells and "'=1+1" in cells and "'@SUM(A1)" in cells
    assert "'-2" in cells  # a code is text, even when it looks like a number
    assert not [cell for cell in cells if cell.startswith(DANGEROUS) and cell != "-2"]
    # Numbers stay numbers: the change of "above target" counts is -2, written plainly.
    (position,) = [
        r[1] for r in rows if r[0] == "ringkasan" and r[3] == "Perubahan melebihi target"
    ]
    assert ["ringkasan", position, "Nilai", "-2"] in rows


def test_formula_text_is_text_in_xlsx(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    case = hostile(tmp_path, **FORMULAS)
    result = case.run("report", "lkip.toml", "--format", "xlsx", "--out", "r.xlsx")
    assert result.returncode == EXIT_OK, result.stderr
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = {c.value: c for c in cells if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://x","klik")', "=1+1", "@SUM(A1)", "-2"):
        assert texts[text].data_type == "s" and texts[text].quotePrefix, text
    negative = [c for c in cells if c.value == -2]
    assert negative and all(c.data_type == "n" for c in negative)


# --- one text policy: what validate accepts, every output renders ---------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Indeks\u0007kepuasan", "U+0007"),
        ("Indeks\nkepuasan", "U+000A"),
        ("Indeks \u202ekepuasan", "U+202E"),
        ("x" * 40_000, "at most 1000 characters"),
    ],
    ids=["bell", "newline", "bidi-override", "too-long"],
)
def test_validate_refuses_text_an_output_cannot_hold(tmp_path: Path, text: str, rule: str) -> None:
    case = hostile(tmp_path, name=text)
    for args in (["validate"], ["report", "--format", "xlsx", "--out", "r.xlsx"]):
        result = case.run(*args, "lkip.toml")
        err = result.stderr.decode("utf-8")
        assert result.returncode == EXIT_DATA, err
        assert "objectives[0].indicators[0].name: " in unplaced(err) and rule in err
        assert "\u0007" not in err and len(err) < 2000
    assert not (tmp_path / "r.xlsx").exists()


# --- input: BOM, nesting, size, memory --------------------------------------------------------


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    case = Case(tmp_path, b"\xef\xbb\xbf" + bundled_dataset_path().read_bytes())
    result = case.run("validate", "lkip.toml")
    assert result.returncode == EXIT_OK, result.stderr
    assert b"valid (18 indicators)" in result.stdout


def test_deep_nesting_is_a_located_problem(tmp_path: Path) -> None:
    text = dataset_text() + "\n[kpkk]\naspects = " + "[" * 900 + "]" * 900 + "\n"
    case = Case(tmp_path, text.encode("utf-8"))
    line = text.splitlines().index("aspects = " + "[" * 900 + "]" * 900) + 1
    for command in ("validate", "report", "audit"):
        result = case.run(command, "lkip.toml")
        err = result.stderr.decode("utf-8")
        assert result.returncode == EXIT_DATA, err
        assert "nested deeper than 32 levels" in err and f"line {line}, column 43" in err


def test_moderate_nesting_beyond_the_limit_is_a_problem(tmp_path: Path) -> None:
    text = dataset_text() + "\n[kpkk]\naspects = " + "[" * 40 + "]" * 40 + "\n"
    result = Case(tmp_path, text.encode("utf-8")).run("validate", "lkip.toml")
    assert result.returncode == EXIT_DATA
    assert b"kpkk.aspects: is nested deeper than 32 levels" in result.stderr


def test_a_file_beyond_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    padding = b"# " + b"x" * 1022 + b"\n"
    data = bundled_dataset_path().read_bytes() + padding * 4096
    result = Case(tmp_path, data).run("validate", "lkip.toml")
    err = result.stderr.decode("utf-8")
    assert result.returncode == EXIT_DATA, err
    assert "lkip.toml" in err and "larger than the limit of 4 MiB" in err


def test_running_out_of_memory_is_an_unusable_data_set(tmp_path: Path) -> None:
    case = Case(tmp_path, bundled_dataset_path().read_bytes())
    wrapper = (
        "import tomllib, sakip.cli\n"
        "def loads(*args, **kwargs): raise MemoryError\n"
        "tomllib.loads = loads\n"
        "sakip.cli.run()\n"
    )
    result = case.run("validate", "lkip.toml", command=[PYTHON, "-c", wrapper])
    err = result.stderr.decode("utf-8")
    assert result.returncode == EXIT_DATA, err
    assert "lkip.toml" in err and "memory" in err


# --- output streams: closed, broken, full, not UTF-8 ------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["report", "lkip.toml"], ["audit", "lkip.toml"], ["validate", "lkip.toml"], ["--version"]],
)
def test_closed_stdout(bundled: Case, args: list[str]) -> None:
    result = bundled.run(*args, stdout=None, preexec_fn=lambda: os.close(1))
    line = message(result, EXIT_OUTPUT)
    assert line == "sakip: error: cannot write standard output: it is closed"


def test_broken_pipe_is_quiet(bundled: Case) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader has gone, as `head` does after its lines
    try:
        result = bundled.run("report", "lkip.toml", "--format", "json", stdout=writer)
    finally:
        os.close(writer)
    assert result.returncode == EXIT_PIPE
    assert result.stderr == b""


def test_broken_pipe_through_head(bundled: Case) -> None:
    result = bundled.run(
        "-c",
        f"set -o pipefail; '{SAKIP}' report lkip.toml --format json | head -1 >/dev/null;"
        f" '{SAKIP}' report lkip.toml --format json | (exec 0<&-)",
        command=["bash"],
    )
    assert result.stderr == b"" and result.returncode in (EXIT_OK, EXIT_PIPE)


def test_full_disk(bundled: Case) -> None:
    with open("/dev/full", "wb") as full:
        result = bundled.run("report", "lkip.toml", stdout=full)
    line = message(result, EXIT_OUTPUT)
    assert line == "sakip: error: cannot write standard output: No space left on device"


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_terminal_that_is_not_utf8(tmp_path: Path, encoding: str) -> None:
    name = "Kafé – ≥ 3"
    case = hostile(tmp_path, name=name)
    env = {"PYTHONIOENCODING": encoding}
    text = case.run("report", "lkip.toml", "--format", "md", env=env)
    assert text.returncode == EXIT_OK and text.stderr == b"", text.stderr
    # cp1252 has "é" and "–" but not "≥".
    shown = "Kafe - >= 3" if encoding == "ascii" else "Kafé – >= 3"
    assert shown in text.stdout.decode(encoding)
    # JSON stays exact: non-ASCII characters become \u escapes, which every reader decodes.
    document = case.run("report", "lkip.toml", "--format", "json", env=env)
    assert document.returncode == EXIT_OK
    assert json.loads(document.stdout.decode("ascii"))["indicators"][0]["name"] == name
    for command in ("validate", "audit"):
        assert case.run(command, "lkip.toml", env=env).returncode == EXIT_OK
    # A file is always UTF-8, whatever the terminal.
    assert case.run("report", "lkip.toml", "--out", "r.md", env=env).returncode == EXIT_OK
    assert name in (tmp_path / "r.md").read_text(encoding="utf-8")


# --- an unexpected error: its own exit status, one line, a hint ------------------------------


def test_an_internal_error_is_one_line_with_a_hint(bundled: Case) -> None:
    wrapper = (
        "import sakip.cli\n"
        "def broken(*args, **kwargs): raise ZeroDivisionError('simulated bug')\n"
        "sakip.cli.compute_report = broken\n"
        "sakip.cli.run()\n"
    )
    result = bundled.run("report", "lkip.toml", command=[PYTHON, "-c", wrapper])
    line = message(result, EXIT_INTERNAL)
    assert line.startswith("sakip: internal error: ZeroDivisionError: simulated bug")
    assert "please report" in line


def test_an_interrupt_is_quiet(bundled: Case) -> None:
    wrapper = (
        "import sakip.cli\n"
        "def interrupted(*args, **kwargs): raise KeyboardInterrupt\n"
        "sakip.cli.compute_report = interrupted\n"
        "sakip.cli.run()\n"
    )
    result = bundled.run("report", "lkip.toml", command=[PYTHON, "-c", wrapper])
    assert message(result, 130) == "sakip: interrupted"


def test_help_on_a_full_disk(bundled: Case) -> None:
    with open("/dev/full", "wb") as full:
        result = bundled.run("--help", stdout=full)
    line = message(result, EXIT_OUTPUT)
    assert line == "sakip: error: cannot write standard output: No space left on device"


def test_the_exit_status_table_is_complete_and_true() -> None:
    # Every status the command can return is in docs/report.md, and nothing else is.
    import re

    from sakip import cli

    docs = Path(__file__).parent.parent / "docs" / "report.md"
    table = re.findall(r"^\| (\d+) \|", docs.read_text(encoding="utf-8"), re.M)
    constants = {value for name, value in vars(cli).items() if name.startswith("EXIT_")}
    assert sorted(int(status) for status in table) == sorted(constants)
    assert (cli.EXIT_AUDIT, cli.EXIT_INTERNAL, cli.EXIT_PIPE) == (EXIT_AUDIT, 5, EXIT_PIPE)


def test_a_control_character_in_a_key_does_not_reach_the_terminal(tmp_path: Path) -> None:
    # Keys are not names: they are only echoed in problems, escaped.
    case = hostile(tmp_path, extra='"\\u001b[31mrot" = 1\n')
    result = case.run("validate", "lkip.toml")
    err = result.stderr.decode("utf-8")
    assert result.returncode == EXIT_DATA, err
    assert "\x1b" not in err and "\\x1b[31mrot: is not a field here" in unplaced(err)


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_behind(bundled: Case) -> None:
    # A disk that fills up mid-write, simulated by a file size limit (Python ignores SIGXFSZ).
    import resource

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    out = bundled.folder / "r.json"
    out.write_text("old report", encoding="utf-8")
    result = bundled.run(
        "report", "lkip.toml", "--format", "json", "--out", "r.json", "--force",
        preexec_fn=small_files,
    )  # fmt: skip
    assert message(result, EXIT_OUTPUT) == "sakip: error: cannot write r.json: File too large"
    assert out.read_text(encoding="utf-8") == "old report"
    assert sorted(p.name for p in bundled.folder.iterdir()) == ["lkip.toml", "r.json"]
