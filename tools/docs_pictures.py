"""Draw the pictures of docs/excel-and-word.md into docs/img/ (run by hand, then commit).

    .venv/bin/python tools/docs_pictures.py                  # every picture
    .venv/bin/python tools/docs_pictures.py --only xlsx      # only the workbook's sheets

Needs the ``charts``, ``docx`` and ``xlsx`` extras; the HTML picture needs Chromium, the
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


def trim(path: Path, width: int | None = None) -> None:
    """Cut the white margins of a picture (and keep at most ``width`` pixels of its left part)."""
    from PIL import Image, ImageChops

    with Image.open(path) as image:
        rgb = image.convert("RGB")
        box = ImageChops.difference(rgb, Image.new("RGB", rgb.size, "white")).getbbox()
        if box is not None:
            left, top, right, bottom = box
            if width is not None:
                right = min(right, left + width)
            rgb = rgb.crop((max(left - 8, 0), max(top - 8, 0), right + 8, bottom + 8))
        rgb.save(path)


def office_picture(
    source: Path, target: Path, *, page: int = 1, dpi: int = 70, width: int | None = None
) -> bool:
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
    trim(target, width)
    shrink(target)
    return True


def docx_picture(report: LkipReport, folder: Path) -> None:
    """The first page of the Word document."""
    result = run_audit(report)
    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "lkip.docx"
        source.write_bytes(render_docx(report, result.findings, checked=result.checked))
        office_picture(source, folder / "docx-page.png")


def _one_sheet(data: bytes, sheet: str, target: Path) -> Path:
    """A copy of the workbook ``data`` that keeps only ``sheet`` (LibreOffice prints every sheet)."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    for name in book.sheetnames:
        if name != sheet:
            del book[name]
    book.save(target)
    return target


def xlsx_picture(report: LkipReport, folder: Path) -> None:
    """Two sheets of the workbook ``sakip report --format xlsx`` writes, as LibreOffice prints them."""
    from sakip.report.xlsx_out import render_xlsx

    result = run_audit(report)
    data = render_xlsx(report, result.findings, checked=result.checked)
    with tempfile.TemporaryDirectory() as work:
        for sheet, name in (
            ("Ringkasan", "xlsx-ringkasan"),
            ("Pengukuran Kinerja", "xlsx-pengukuran"),
        ):
            source = _one_sheet(data, sheet, Path(work) / f"{name}.xlsx")
            office_picture(source, folder / f"{name}.png", dpi=110)


def template_picture(report: LkipReport, folder: Path) -> None:
    """The Indikator sheet of ``sakip template --from`` the bundled data set."""
    from sakip.report.dataset import bundled_dataset_path
    from sakip.report.workbook_template import dataset_document, render_template

    data = render_template(dataset_document(bundled_dataset_path()))
    with tempfile.TemporaryDirectory() as work:
        source = _one_sheet(data, "Indikator", Path(work) / "template.xlsx")
        office_picture(source, folder / "template-indikator.png", dpi=220, width=1400)


PICTURES: dict[str, Callable[[LkipReport, Path], None]] = {
    "charts": chart_pictures,
    "html": html_picture,
    "docx": docx_picture,
    "xlsx": xlsx_picture,
    "template": template_picture,
}


def main(argv: list[str] | None = None) -> None:
    """Draw every picture (or those asked for) into the folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", choices=sorted(PICTURES), action="append", help="draw only these"
    )
    parser.add_argument("--out", type=Path, default=IMG, help="folder (default docs/img)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    report = compute_report(load_dataset())
    for name, draw in PICTURES.items():
        if not args.only or name in args.only:
            draw(report, args.out)


if __name__ == "__main__":
    main()
