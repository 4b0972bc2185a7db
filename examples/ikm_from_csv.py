"""IKM from raw survey answers in a CSV: per semester and for the year.

Usage: python examples/ikm_from_csv.py [answers.csv]

The CSV has one row per respondent: ``responden``, ``semester`` and the nine
unsur ``U1``..``U9`` answered 1-4, a blank cell for an unanswered question
(left out of its unsur, never counted as 0). It may be plain (``,``) or the
Indonesian Excel export (``;``, decimal commas, BOM): it is read by
``sakip.report.answers_csv``, as a data set's ``[[ikm]] answers`` is (see
docs/dataset.md; ``examples/data/bnnk-contoh-2024.toml`` does so). Without an argument the small
invented survey ``examples/data/skm-contoh-2024.csv`` is used.

The year pools the semesters by respondents (PermenPANRB 14/2017; the LKIP's
"jumlah total skor semester 1 dan 2 dibagi jumlah total responden"), never
as the mean of the semester indices.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sakip import Rounding, ikm, round_to
from sakip.likert import MissingPolicy
from sakip.report.answers_csv import AnswerSheet, read_answers

DEFAULT = Path(__file__).parent / "data" / "skm-contoh-2024.csv"


def load(path: Path) -> AnswerSheet:
    """The answers, read as a data set's ``[[ikm]]`` reads them; every bad cell is named."""
    sheet, problems = read_answers(path)  # plain or excel-id (";", decimal commas, BOM)
    if sheet is None:
        sys.exit("\n".join(problems))
    return sheet


def show(label: str, result: ikm.IkmResult) -> None:
    index = round_to(result.value, 4, Rounding.HALF_UP)
    converted = round_to(result.converted, 2, Rounding.HALF_UP)
    print(
        f"{label:<12} {result.respondents:>3} responden  IKM {index}  "
        f"konversi {converted}  mutu {result.mutu} ({result.kinerja})"
    )


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    sheet = load(path)
    results = {
        name: ikm.score(sheet.select(name), missing=MissingPolicy.EXCLUDE)
        for name in sheet.semesters()
    }
    for name, result in results.items():
        show(f"Semester {name}", result)
    year = ikm.pool(results.values())
    show("Tahun", year)
    print(
        "NRR per unsur (tahun):", " ".join(str(round_to(v, 2, Rounding.HALF_UP)) for v in year.nrr)
    )


if __name__ == "__main__":
    main(sys.argv)
