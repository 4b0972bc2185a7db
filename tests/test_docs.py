"""The documentation's examples that are not doctests: commands, TOML and JSON blocks.

The ``python`` blocks of docs/*.md and README.md run as doctests (pytest's
``--doctest-glob``); this module checks that every one of them is a doctest,
runs the ``sakip`` commands the pages show, and parses their TOML and JSON.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from sakip.report.audit import run_audit
from sakip.report.compute import compute_report
from sakip.report.dataset import load_dataset
from sakip.report.render import JSON_FORMAT, render_json

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").rglob("*.md")), ROOT / "README.md"]
FENCE = re.compile(r"^```(?P<lang>\w*)\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)
EXTRA_OF = {"xlsx": "openpyxl", "--charts": "matplotlib", "docx": "docx"}


def blocks(language: str) -> list[tuple[str, str]]:
    return [
        (f"{page.relative_to(ROOT)}#{n}", match["body"])
        for page in PAGES
        for n, match in enumerate(FENCE.finditer(page.read_text(encoding="utf-8")))
        if match["lang"] == language
    ]


def commands() -> list[str]:
    lines = [line.split("#")[0].strip() for _, body in blocks("") for line in body.splitlines()]
    # not the synopses: "sakip report [DATASET] [--format text|md|...]", "sakip validate DATASET"
    return [
        line
        for line in lines
        if line.startswith("sakip ") and not re.search(r"[\[|]|\b[A-Z]{3,}\b", line)
    ]


@pytest.mark.parametrize(("where", "body"), blocks("python"))
def test_every_python_block_is_a_doctest(where: str, body: str) -> None:
    assert ">>> " in body, f"{where}: a python block without >>> would not be tested"


@pytest.mark.parametrize(("where", "body"), blocks("toml"))
def test_toml_blocks_parse(where: str, body: str) -> None:
    tomllib.loads(body)


def test_the_tutorial_indicator_is_the_bundled_one() -> None:
    (block,) = [body for where, body in blocks("toml") if where.startswith("docs/tutorial.md")]
    shown = tomllib.loads(block)["objectives"]["indicators"][0]
    entry = next(e for e in load_dataset().entries if e.indicator.code == shown["code"])
    assert shown["name"] == entry.indicator.name
    assert (shown["target"], shown["realization"]) == (str(entry.target), str(entry.realization))
    assert shown["printed"]["capaian"] == str(entry.printed_capaian)


def test_the_json_layout_shown_is_the_one_written() -> None:
    ((_, body),) = blocks("json")
    shown = json.loads(body)
    report = compute_report(load_dataset())
    result = run_audit(report)
    written = json.loads(render_json(report, result.findings, checked=result.checked))
    assert shown["format"] == written["format"] == JSON_FORMAT
    assert set(shown) == set(written)
    for key in ("document", "unit", "summary"):
        assert set(shown[key]) <= set(written[key]), key
    assert set(shown["indicators"][0]) == set(written["indicators"][0])
    assert set(shown["tables"][0]) == set(written["tables"][0])
    assert set(shown["findings"][0]) == set(written["findings"][0])


def test_the_pages_show_commands() -> None:
    assert len(commands()) >= 5


@pytest.mark.parametrize("command", commands())
def test_commands_shown_in_the_docs_run(command: str, tmp_path: Path) -> None:
    for marker, module in EXTRA_OF.items():
        if marker in command and importlib.util.find_spec(module) is None:
            pytest.skip(f"needs {module}")
    words = shlex.split(command)
    out = None
    if ">" in words:
        words, out = words[: words.index(">")], tmp_path / words[words.index(">") + 1]
    result = subprocess.run(
        [sys.executable, "-m", "sakip", *words[1:]],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    if out is not None:
        out.write_text(result.stdout, encoding="utf-8")
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    if out is not None or "--out" in words or "--charts" in words:
        assert written and all(path.stat().st_size > 0 for path in written)
    else:
        assert result.stdout


def test_the_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line.strip() for line in readme.splitlines() if "'.[test]'" in line)
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_getting_started_includes_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- --8<-- [start:setup] -->", "<!-- --8<-- [end:setup] -->"
    section = readme[readme.index(start) : readme.index(end)]
    assert "pip install -q . && .venv/bin/sakip report" in section
    assert "pip install -q -e '.[test]'" in section
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    assert '--8<-- "README.md:setup"' in page
    assert '--8<-- "CHANGELOG.md"' in (ROOT / "docs" / "changelog.md").read_text(encoding="utf-8")
