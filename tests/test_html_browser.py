"""The HTML page (sakip.report.html_out), its text and in a real headless browser.

The browser is Chromium from the distribution (``.ci/run`` installs it); the
test drives it over the Chrome DevTools protocol on a pipe
(``--remote-debugging-pipe``: no port is opened), loads the page from a
``file://`` URL, collects every console message, exception and log entry of
level error, reads the live DOM, takes a screenshot and prints the page to
PDF. The screenshot and the PDF are saved under the CI artifact folder
(``$SAKIP_ARTIFACTS``, default ``build/artifacts``) and their paths printed.

Known values: the bundled LKIP (BNNP Kalimantan Tengah 2024), mean capaian
107,34 (BAB III A), indicator 10 at 102,77.
"""

from __future__ import annotations

import base64
import html
import importlib.util
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sakip.errors import DataSetError
from sakip.numbers import NumberStyle
from sakip.report.audit import run_audit
from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import load_dataset, parse_dataset
from sakip.report.html_out import SASARAN_COLUMN, render_html
from sakip.report.render import _cell

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("SAKIP_ARTIFACTS", ROOT / "build" / "artifacts"))
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="module")
def report() -> LkipReport:
    return compute_report(load_dataset())


def _document() -> dict[str, Any]:
    import tomllib

    from sakip.report.dataset import bundled_dataset_path

    return tomllib.loads(bundled_dataset_path().read_text(encoding="utf-8"))


# --- the page as text -------------------------------------------------------------------


def test_page_is_self_contained(report: LkipReport) -> None:
    page = render_html(report, charts=False)
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    # Nothing is fetched: no external reference, and a policy that forbids any.
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert "<link" not in page and "<script" not in page
    assert "default-src 'none'" in page
    assert "@media print" in page and "break-before: page" in page


def test_hostile_text_is_escaped() -> None:
    document = _document()
    indicator = document["objectives"][10]["indicators"][0]  # 14, with a history
    indicator["name"] = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    document["document"]["title"] = "</title><script>alert(2)</script>"
    document["unit"]["name"] = '"><svg onload=alert(3)>'
    hostile = compute_report(parse_dataset(document))
    page = render_html(hostile, run_audit(hostile).findings)
    assert "<script" not in page and "<img" not in page and "<svg onload" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;/title&gt;&lt;script&gt;alert(2)" in page


def test_numbers_are_indonesian_and_right_aligned(report: LkipReport) -> None:
    page = render_html(report, charts=False)
    assert '<td class="num">102,77</td>' in page
    assert "<b>107,34 %</b>" in page  # the summary's mean capaian
    assert "102.77" not in page


# --- the page in a real browser ---------------------------------------------------------


def _find_browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def _browser() -> str:
    """A Chromium on PATH, installed from the distribution if it is missing and we can."""
    found = _find_browser()
    if found:
        return found
    why = "no chromium on PATH"
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        result = subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium"],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        )
        found = _find_browser()
        if found:
            return found
        why += f"; apt-get install chromium failed: {result.stderr.strip()[-300:]}"
    else:
        why += "; cannot install one (no apt-get, or not root)"
    pytest.skip(f"no browser: {why} (install Chromium, e.g. apt-get install chromium)")


class DevTools:
    """A minimal Chrome DevTools protocol client on ``--remote-debugging-pipe``."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser, self._commands = os.pipe()
        self._responses, from_browser = os.pipe()

        def plumb() -> None:  # the browser reads commands on fd 3, writes on fd 4
            os.dup2(to_browser, 100)
            os.dup2(from_browser, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--no-first-run",
                "--disable-extensions",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=plumb,
        )
        os.close(to_browser)
        os.close(from_browser)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        os.close(self._commands)
        os.close(self._responses)
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._responses], [], [], left)[0]:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self._responses, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        decoded: dict[str, Any] = json.loads(message)
        return decoded

    def call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._commands, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 120
        while True:
            answer = self._read(deadline)
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer["result"]
                return result
            self.events.append(answer)

    def wait_for(self, method: str, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read(deadline))
        except TimeoutError:
            pass

    def errors(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, log entries of level error."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params["type"] in {
                "error",
                "warning",
                "assert",
            }:
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in {"error", "warning"}:
                found.append(f"log {params['entry']['source']}: {params['entry']['text']}")
        return found


@pytest.fixture
def devtools(tmp_path: Path) -> Iterator[DevTools]:
    client = DevTools(_browser(), tmp_path / "profile")
    try:
        yield client
    finally:
        client.close()


def _open(client: DevTools, url: str) -> str:
    target = client.call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = client.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Page", "Runtime", "Log"):
        client.call(f"{domain}.enable", session=session)
    client.call(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1200, "height": 1800, "deviceScaleFactor": 1, "mobile": False},
        session=session,
    )
    navigation = client.call("Page.navigate", {"url": url}, session=session)
    assert "errorText" not in navigation, navigation
    client.wait_for("Page.loadEventFired")
    client.drain(1.0)  # messages logged just after the load
    return session


def _evaluate(client: DevTools, session: str, expression: str) -> Any:
    answer = client.call(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session
    )
    assert "exceptionDetails" not in answer, answer
    return answer["result"]["value"]


_TABLES_JS = """
Array.from(document.querySelectorAll('table[data-key]')).map(t => ({
  key: t.dataset.key,
  title: t.closest('section').querySelector('h2').textContent,
  head: Array.from(t.tHead.rows[0].cells).map(c => c.textContent),
  groups: Array.from(t.tBodies[0].rows).filter(r => r.classList.contains('group'))
    .map(r => r.textContent),
  rows: Array.from(t.tBodies[0].rows).filter(r => !r.classList.contains('group'))
    .map(r => Array.from(r.cells).map(c => [c.textContent, getComputedStyle(c).textAlign])),
  width: t.getBoundingClientRect().width,
}))
"""


def _artifact(name: str, data: bytes, capsys: pytest.CaptureFixture[str]) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    path.write_bytes(data)
    with capsys.disabled():
        print(f"\nartifact: {path}", file=sys.stderr)
    return path


def test_the_page_in_a_browser(
    report: LkipReport, devtools: DevTools, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_audit(report)
    page = tmp_path / "lkip.html"
    page.write_text(render_html(report, result.findings, checked=result.checked), "utf-8")
    session = _open(devtools, page.as_uri())
    assert devtools.errors() == []
    tables = {t["key"]: t for t in _evaluate(devtools, session, _TABLES_JS)}
    # Every table of the report, in the DOM as computed: title, header, rows, alignment.
    assert list(tables) == [t.key for t in report.tables] + ["audit"]
    for table in report.tables:
        shown = tables[table.key]
        assert shown["title"] == table.title
        grouped = SASARAN_COLUMN in table.columns
        at = table.columns.index(SASARAN_COLUMN) if grouped else None
        columns = [c for i, c in enumerate(table.columns) if i != at]
        assert shown["head"] == columns, table.key
        expected = [
            [_cell(v, NumberStyle.INDONESIAN) for i, v in enumerate(row) if i != at]
            for row in table.rows
        ]
        assert [[text for text, _ in row] for row in shown["rows"]] == expected, table.key
        numeric = [
            [isinstance(v, int | Decimal) for i, v in enumerate(row) if i != at]
            for row in table.rows
        ]
        aligned = [[align == "right" for _, align in row] for row in shown["rows"]]
        assert aligned == numeric, table.key
        if grouped:
            assert shown["groups"] == list(dict.fromkeys(row[at] for row in table.rows))
    assert len(tables["audit"]["rows"]) == len(result.findings) == 20
    # The charts: the capaian chart and one per history, drawn with a size.
    sizes = _evaluate(
        devtools,
        session,
        "Array.from(document.querySelectorAll('figure svg'))"
        ".map(s => s.getBoundingClientRect().height)",
    )
    if importlib.util.find_spec("matplotlib") is None:  # without the charts extra
        assert sizes == [] and "pip install 'sakip[charts]'" in page.read_text("utf-8")
    else:
        assert len(sizes) == 1 + 18 and all(height > 100 for height in sizes)
    shot = devtools.call("Page.captureScreenshot", {"format": "png"}, session=session)
    screenshot = _artifact("lkip-html.png", base64.b64decode(shot["data"]), capsys)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = devtools.call(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}, session=session
    )
    printed = _artifact("lkip-html.pdf", base64.b64decode(pdf["data"]), capsys)
    assert printed.read_bytes()[:5] == b"%PDF-"
    assert devtools.errors() == []


def test_the_browser_test_sees_console_errors(devtools: DevTools, tmp_path: Path) -> None:
    # The check above can fail: a page that logs an error and fetches from the network.
    page = tmp_path / "bad.html"
    page.write_text(
        "<!DOCTYPE html><html><body><p>x</p>"
        "<script>console.error('boom')</script>"
        '<img src="missing-picture.png"></body></html>',
        "utf-8",
    )
    _open(devtools, page.as_uri())
    errors = devtools.errors()
    assert any("boom" in e for e in errors), errors
    assert any("missing-picture.png" in e or "ERR_FILE_NOT_FOUND" in e for e in errors), errors


def test_the_policy_blocks_what_a_page_would_fetch(devtools: DevTools, tmp_path: Path) -> None:
    # The page's Content-Security-Policy: a script or remote picture would be refused (and
    # reported), so the page stays self-contained even if one slipped in.
    page = tmp_path / "csp.html"
    head = render_html(compute_report(load_dataset()), charts=False).split("</head>")[0]
    page.write_text(
        head + "</head><body><script>document.title = 'ran'</script>"
        '<img src="http://127.0.0.1:9/x.png"></body></html>',
        "utf-8",
    )
    session = _open(devtools, page.as_uri())
    assert _evaluate(devtools, session, "document.title") != "ran"
    assert any("Content Security Policy" in e for e in devtools.errors()), devtools.errors()


def test_html_unescape_roundtrip_of_titles(report: LkipReport) -> None:
    page = render_html(report, charts=False)
    titles = [html.unescape(t) for t in re.findall(r"<h2>([^<]*)</h2>", page)]
    assert [t.title for t in report.tables] == titles[1 : 1 + len(report.tables)]


class _Cells(HTMLParser):
    """The tags of a page, and the cell texts of its Pengukuran Kinerja table."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.rows: list[list[str]] = []
        self._in_table = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes |= {name for name, _ in attrs}
        if tag == "table":
            self._in_table = ("data-key", "pengukuran_kinerja") in attrs
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag in {"td", "th"}:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_table = False
        elif self._cell is not None and tag in {"td", "th"}:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


_PAGE_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "b"}
_PAGE_TAGS |= {"section", "div", "nav", "ol", "li", "a", "table", "thead", "tbody", "tr"}
_PAGE_TAGS |= {"th", "td"}


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40),
    st.sampled_from(["<", ">", "&", '"', "'", "</td>", "<script>", "&amp;", "-->", "<!--"]),
)
def test_any_indicator_name_shows_as_written(name: str, markup: str) -> None:
    # Property: whatever a data set names an indicator, the page shows exactly that text in
    # its cell, and the page's elements and attributes are only the page's own.
    document = _document()
    document["objectives"][0]["indicators"][0]["name"] = markup + name + markup
    try:
        dataset = parse_dataset(document)
    except DataSetError:
        assume(False)
        return
    report = compute_report(dataset)
    parser = _Cells()
    parser.feed(render_html(report, run_audit(report).findings, charts=False))
    assert parser.tags <= _PAGE_TAGS | {"caption"}
    assert parser.attributes <= {
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "href",
        "data-key", "scope", "colspan",
    }  # fmt: skip
    first = [row for row in parser.rows if len(row) > 1][1]  # after the header row
    assert first[1] == dataset.entries[0].indicator.name
