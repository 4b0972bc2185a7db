"""IKM from raw survey answers in a CSV: per semester and for the year.

Usage: python examples/ikm_from_csv.py [answers.csv]

The CSV has one row per respondent: ``responden``, ``semester`` and the nine
unsur ``U1``..``U9`` answered 1-4, a blank cell for an unanswered question
(left out of its unsur, never counted as 0). Without an argument the small
invented survey ``examples/data/skm-contoh-2024.csv`` is used.

The year pools the semesters by respondents (PermenPANRB 14/2017; the LKIP's
"jumlah total skor semester 1 dan 2 dibagi jumlah total responden"), never
as the mean of the semester indices.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from sakip import InvalidValueError, Rounding, ikm, round_to
from sakip.likert import MissingPolicy

DEFAULT = Path(__file__).parent / "data" / "skm-contoh-2024.csv"
UNSUR = [f"U{n}" for n in range(1, 10)]


def read_answers(path: Path) -> dict[str, list[list[int | None]]]:
    """Answers by semester; a cell that is not blank or 1-4 raises, naming its place."""
    semesters: dict[str, list[list[int | None]]] = {}
    with path.open(newline="", encoding="utf-8") as file:
        for line, row in enumerate(csv.DictReader(file), start=2):
            answers: list[int | None] = []
            for column in UNSUR:
                text = (row.get(column) or "").strip()
                if not text:
                    answers.append(None)
                elif text in {"1", "2", "3", "4"}:
                    answers.append(int(text))
                else:
                    raise InvalidValueError(
                        f"{path.name}:{line}:{column}", "must be 1-4 or blank", text
                    )
            semesters.setdefault(row["semester"], []).append(answers)
    return semesters


def show(label: str, result: ikm.IkmResult) -> None:
    index = round_to(result.value, 4, Rounding.HALF_UP)
    converted = round_to(result.converted, 2, Rounding.HALF_UP)
    print(
        f"{label:<12} {result.respondents:>3} responden  IKM {index}  "
        f"konversi {converted}  mutu {result.mutu} ({result.kinerja})"
    )


def main(argv: list[str]) -> None:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    semesters = read_answers(path)
    results = {
        name: ikm.score(rows, missing=MissingPolicy.EXCLUDE) for name, rows in semesters.items()
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
