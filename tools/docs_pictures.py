"""Draw the pictures of docs/excel-and-word.md into docs/img/ (run by hand, then commit).

    .venv/bin/python tools/docs_pictures.py            # charts, HTML page, Word page
    .venv/bin/python tools/docs_pictures.py --xlsx     # also the first sheet of the workbook

Needs the ``charts`` and ``docx`` extras; the HTML picture needs Chromium, the
Word and Excel pictures LibreOffice (``soffice``) and ``pdftoppm`` (Debian:
``apt-get install chromium libreoffice-writer-nogui libreoffice-calc-nogui
poppler-utils``). A picture whose tool is missing is skipped with a message.
Every PNG is reduced to a palette so that it stays well under 300 KB.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sakip.report.audit import run_audit
from sakip.report.charts import render_capaian_chart, render_trend_chart
from sakip.report.compute import LkipReport, compute_report
from sakip.report.dataset import load_dataset
from sakip.report.docx_out import render_docx
from sakip.report.html_out import render_html

ROOT = Path(__file__).resolve().parent.parent
IMG = ROOT / "docs" / "img"
LIMIT = 300_000


def shrink(path: Path, colours: int = 256) -> None:
    """Reduce a PNG to a palette of ``colours`` (Pillow comes with matplotlib)."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colours, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)
    size = path.stat().st_size
    print(f"wrote {path} ({size // 1000} KB)")
    if size > LIMIT:
        raise SystemExit(f"{path}: {size} bytes, more than {LIMIT}")


def chart_pictures(report: LkipReport, folder: Path) -> None:
    """The capaian chart and the trend chart of indicator 14 (NKA)."""
    (folder / "chart-capaian.png").write_bytes(render_capaian_chart(report))
    shrink(folder / "chart-capaian.png")
    trend = render_trend_chart(report, report.table("riwayat_14"))
    (folder / "chart-trend-14.png").write_bytes(trend)
    shrink(folder / "chart-trend-14.png")


def html_picture(report: LkipReport, folder: Path) -> None:
    """The top of the HTML page as Chromium shows it."""
    browser = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    if browser is None:
        print("skipped html-page.png: no chromium", file=sys.stderr)
        return
    result = run_audit(report)
    with tempfile.TemporaryDirectory() as work:
        page = Path(work) / "lkip.html"
        page.write_text(render_html(report, result.findings, checked=result.checked), "utf-8")
        target = folder / "html-page.png"
        subprocess.run(
            [
                browser,
                "--headless",
                "--disable-gpu",
                "--no-sandbox",
                "--hide-scrollbars",
                f"--user-data-dir={work}/profile",
                "--window-size=1100,1500",
                f"--screenshot={target}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    shrink(target)


def office_picture(source: Path, target: Path, *, page: int = 1, dpi: int = 70) -> bool:
    """One page of an office file (docx, xlsx) as PNG: LibreOffice -> PDF -> pdftoppm.

    Returns False (and says why) when LibreOffice or pdftoppm is missing.
    """
    office, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if office is None or pdftoppm is None:
        print(f"skipped {target.name}: needs soffice and pdftoppm", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{work}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                work,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        pdf = Path(work) / (source.stem + ".pdf")
        stem = Path(work) / "page"
        subprocess.run(
            [pdftoppm, "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
             str(pdf), str(stem)],
            check=True,
            capture_output=True,
            timeout=120,
        )  # fmt: skip
        shutil.copyfile(stem.with_suffix(".png"), target)
    shrink(target)
    return True


def docx_picture(report: LkipReport, folder: Path) -> None:
    """The first page of the Word document."""
    result = run_audit(report)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "lkip.docx"
        source.write_bytes(render_docx(report, result.findings, checked=result.checked))
        office_picture(source, folder / "docx-page.png")


def xlsx_picture(report: LkipReport, folder: Path) -> None:
    """The first sheet of the workbook, as LibreOffice Calc prints it.

    Uses the workbook ``sakip report --format xlsx`` writes (``render_xlsx``);
    swap the renderer here when the workbook module changes.
    """
    from sakip.report.render import render_xlsx

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "lkip.xlsx"
        source.write_bytes(render_xlsx(report))
        office_picture(source, folder / "xlsx-sheet.png")


PICTURES: dict[str, Callable[[LkipReport, Path], None]] = {
    "charts": chart_pictures,
    "html": html_picture,
    "docx": docx_picture,
}


def main(argv: list[str] | None = None) -> None:
    """Draw every picture (or those asked for) into the folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--xlsx", action="store_true", help="also picture the xlsx workbook")
    parser.add_argument("--out", type=Path, default=IMG, help="folder (default docs/img)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = compute_report(load_dataset())
    pictures = dict(PICTURES)
    if args.xlsx:
        pictures["xlsx"] = xlsx_picture
    for draw in pictures.values():
        draw(report, args.out)


if __name__ == "__main__":
    main()
