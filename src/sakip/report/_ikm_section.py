"""The ``[[ikm]]`` section of an LKIP data set: SKM results from printed NRR or raw answers.

Split from :mod:`sakip.report._instrument_sections` (issue 14): each entry is
one unit's survey (Survei Kepuasan Masyarakat), either as the SKM report
prints it (``nrr``: the NRR per unsur, with ``respondents``) or as the raw
answers in a CSV file next to the data set (``answers``, read by
:mod:`sakip.report.answers_csv` and scored by
:func:`sakip.instruments.ikm.score`), for one ``semester`` or for the year,
the semesters pooled by respondents (:func:`sakip.instruments.ikm.pool`,
PermenPANRB 14/2017). ``weights`` is the weighting of the NRR the report
used (``"exact"``, 1/9, the regulation and the default; ``"0.111"`` or
``"0.11"``, the legacy printed weights of
:class:`sakip.instruments.ikm.IkmWeighting`).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import sakip.instruments.ikm as ikm
from sakip.likert import MissingPolicy
from sakip.report import answers_csv
from sakip.report.reader import MISSING, Reader, present

__all__ = ["IkmInput", "read_ikm"]

_WEIGHTINGS = {weighting.value: weighting for weighting in ikm.IkmWeighting}
_DIALECTS = {dialect.value: dialect for dialect in answers_csv.Dialect}
PRINTED_KEYS = ("index", "converted")
_KEYS = {
    "unit", "location", "indicator", "respondents", "nrr", "weights", "printed",
    "answers", "semester", "dialect", "columns",
}  # fmt: skip
_ANSWER_KEYS = ("semester", "dialect", "columns")


@attrs.frozen
class IkmInput:
    """One unit's SKM result: respondents, NRR per unsur, the weighting, the printed figures.

    From raw answers (``answers``), ``computed`` is the IKM scored from the
    CSV file, and ``respondents`` and ``nrr`` are its own (the NRR exact);
    ``semester`` is the semester it covers (``None``: every row, the
    semesters pooled by respondents).

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().ikm
    ()
    >>> year = IkmInput("bnnk", "SKM", 1, (Decimal(4),) * 9)
    >>> year.key, IkmInput("bnnk", "SKM", 1, (Decimal(4),) * 9, semester="1").key
    ('bnnk', 'bnnk, semester 1')
    """

    unit: str
    location: str
    respondents: int
    nrr: tuple[Decimal, ...]
    weights: ikm.IkmWeighting = ikm.IkmWeighting.EXACT
    indicator: str | None = None
    printed: Mapping[str, Decimal] = attrs.field(factory=dict, hash=False)
    answers: str | None = None
    semester: str | None = None
    computed: ikm.IkmResult | None = attrs.field(default=None, eq=False, hash=False, repr=False)

    @property
    def key(self) -> str:
        """The entry's key in the data set: its unit, and its semester when it has one."""
        return self.unit if self.semester is None else f"{self.unit}, semester {self.semester}"

    def result(self) -> ikm.IkmResult:
        """The IKM computed with the stated weighting (scored from the answers when given).

        Examples
        --------
        >>> IkmInput("bnnp", "SKM", 1, (Decimal(4),) * 9, weights=ikm.IkmWeighting("0.11")
        ...          ).result().converted
        Decimal('99')
        """
        if self.computed is not None:
            return self.computed
        return ikm.from_nrr(respondents=self.respondents, nrr=self.nrr, weights=self.weights)


def _semester(reader: Reader) -> Any:
    """``semester``: an integer or a string, compared as text with the CSV's column."""
    value = reader.raw("semester", required=False)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return str(value)
    if isinstance(value, str) and value.strip():
        text = reader.text("semester")  # the text policy: no control characters
        return text.strip() if isinstance(text, str) else MISSING
    reader.problem("must be a semester (an integer such as 1, or a string)", value, key="semester")
    return MISSING


def _columns(reader: Reader) -> Any:
    """``columns``: the unsur columns the CSV header must name (default U1-U9)."""
    if not reader.has("columns"):
        return answers_csv.UNSUR_COLUMNS
    values = reader.values("columns")
    reader.require_items("columns", "column")
    names = tuple(value.strip() for value in values if isinstance(value, str) and value.strip())
    if len(names) != len(values) or len(set(names)) != len(names):
        reader.problem("must be distinct column names (strings)", values, key="columns")
        return MISSING
    return names


class _Sheets:
    """The answer files read for one data set, each read once."""

    def __init__(self, base: Path | None) -> None:
        self.base = base
        self.read: dict[tuple[Path, object, object], answers_csv.AnswerSheet | None] = {}

    def sheet(self, reader: Reader, columns: Any, dialect: Any) -> answers_csv.AnswerSheet | None:
        """The sheet ``answers`` names; every problem recorded at ``answers``."""
        name = reader.text("answers")  # the text policy: no control characters
        if name is MISSING:
            return None
        if self.base is None:
            reader.problem("needs the data set's folder (read the data set from a file)", name,
                           key="answers")  # fmt: skip
            return None
        path, rule = answers_csv.answers_path(self.base, name)
        if path is None or rule is not None:
            reader.problem(rule or "cannot be read", name, key="answers")
            return None
        if not present(columns, dialect):
            return None
        cache = (path, columns, dialect)
        if cache in self.read:
            if self.read[cache] is None:
                reader.problem(f"{path.name} has problems (listed above)", key="answers")
            return self.read[cache]
        sheet, problems = answers_csv.read_answers(path, columns=columns, dialect=dialect)
        for problem in problems:
            reader.problem(problem, key="answers")
        self.read[cache] = sheet
        return sheet


def _from_answers(
    reader: Reader, sheets: _Sheets, weights: Any, semester: Any
) -> ikm.IkmResult | None:
    """The IKM of the answers the entry names, for its semester or pooled by semester."""
    columns = _columns(reader)
    dialect = reader.choice("dialect", _DIALECTS) if reader.has("dialect") else None
    sheet = sheets.sheet(reader, columns, dialect)
    if sheet is None or not present(weights, semester):
        return None
    options = {"missing": MissingPolicy.EXCLUDE, "weights": weights, "unsur": len(sheet.columns)}
    if semester is not None:
        if sheet.groups is None:
            reader.problem(
                f"{sheet.name} has no {answers_csv.GROUP_COLUMN!r} column",
                semester,
                key="semester",
            )
            return None
        if semester not in sheet.semesters():
            reader.problem(
                f"must be a semester of {sheet.name} ({list(sheet.semesters())})",
                semester,
                key="semester",
            )
            return None
        return reader.build(ikm.score, sheet.select(semester), **options)
    if not sheet.groups:
        return reader.build(ikm.score, sheet.rows, **options)
    # The year: each semester scored, then pooled by respondents (PermenPANRB 14/2017).
    parts = [reader.build(ikm.score, sheet.select(name), **options) for name in sheet.semesters()]
    if any(part is None for part in parts):
        return None
    return reader.build(ikm.pool, parts)


def read_ikm(
    readers: list[Reader], codes: set[str], unit_codes: set[str], base: Path | None = None
) -> tuple[IkmInput, ...]:
    """Read the ``[[ikm]]`` entries, recording every problem on the readers.

    ``base`` is the folder of the data-set file, where ``answers`` files
    are found; without it an entry with ``answers`` is a problem.

    Examples
    --------
    >>> problems: list[str] = []
    >>> entry = {"unit": "bnnk", "respondents": 2, "nrr": ["3.5"] * 9}
    >>> [e.result().value for e in read_ikm([Reader(entry, "ikm[0]", problems)], set(), {"bnnk"})]
    [Decimal('3.5')]
    >>> _ = read_ikm([Reader({"unit": "bnnk", "answers": "skm.csv"}, "ikm[0]", problems)],
    ...              set(), {"bnnk"})
    >>> problems
    ["ikm[0].answers: needs the data set's folder (read the data set from a file): 'skm.csv'"]
    """
    out: list[IkmInput] = []
    sheets = _Sheets(base)
    for reader in readers:
        reader.check_keys(_KEYS)
        code = reader.text("unit")
        if code is not MISSING and code not in unit_codes:
            reader.problem(
                f"must be a unit of the data set ({sorted(unit_codes)})", code, key="unit"
            )
            code = MISSING
        indicator = reader.text("indicator", required=False)
        if isinstance(indicator, str) and indicator not in codes:
            reader.problem(
                "must be an indicator code of the agreement", indicator, key="indicator"
            )
            indicator = MISSING
        weights = reader.choice("weights", _WEIGHTINGS, default=ikm.IkmWeighting.EXACT)
        printed: dict[str, Decimal] = {}
        table = reader.table_at("printed", required=False)
        if table is not None:
            table.check_keys(set(PRINTED_KEYS))
            for key in PRINTED_KEYS:
                number = table.number(key, required=False, exact=True)
                if isinstance(number, Decimal):
                    printed[key] = number
        location = reader.text("location", required=False) or reader.where()
        if reader.has("answers"):
            entry = _answers_entry(reader, sheets, code, location, weights, indicator, printed)
        else:
            entry = _nrr_entry(reader, code, location, weights, indicator, printed)
        if entry is None:
            continue
        if entry.key in {other.key for other in out}:
            reader.problem(
                "repeats a unit" if entry.semester is None else "repeats a unit and semester",
                entry.key,
                key="unit",
            )
            continue
        out.append(entry)
    return tuple(out)


def _nrr_entry(
    reader: Reader, code: Any, location: str, weights: Any, indicator: Any,
    printed: dict[str, Decimal],
) -> IkmInput | None:  # fmt: skip
    """An entry from the printed NRR per unsur and the respondents."""
    for key in _ANSWER_KEYS:
        if reader.has(key):
            reader.problem("is only used with answers (a CSV file)", key=key)
    if not reader.has("nrr"):
        reader.problem("must give nrr (the printed NRR per unsur) or answers (a CSV file)")
        return None
    respondents = reader.integer("respondents", minimum=1)
    values = reader.values("nrr")
    reader.require_items("nrr", "NRR")
    nrr = []
    for position, value in enumerate(values):
        sub = Reader({"v": value}, reader.where(f"nrr[{position}]"), reader.problems)
        nrr.append(sub.number("v", exact=True))
    if not present(code, indicator, respondents, weights, *nrr) or not nrr:
        return None
    entry = IkmInput(code, location, respondents, tuple(nrr), weights, indicator, printed)
    return entry if reader.build(entry.result) is not None else None


def _answers_entry(
    reader: Reader, sheets: _Sheets, code: Any, location: str, weights: Any, indicator: Any,
    printed: dict[str, Decimal],
) -> IkmInput | None:  # fmt: skip
    """An entry from the raw answers of a CSV file, for a semester or the year."""
    if reader.has("nrr"):
        reader.problem("is not used with answers (give nrr or answers)", key="nrr")
    semester = _semester(reader)
    result = _from_answers(reader, sheets, weights, semester)
    respondents = reader.integer("respondents", required=False, minimum=1)
    if result is None or not present(code, indicator, respondents, weights, semester):
        return None
    if respondents is not None and respondents != result.respondents:
        reader.problem(
            f"must equal the respondents read from the answers ({result.respondents})",
            respondents,
            key="respondents",
        )
        return None
    return IkmInput(
        unit=code,
        location=location,
        respondents=result.respondents,
        nrr=result.nrr,
        weights=weights,
        indicator=indicator,
        printed=printed,
        answers=str(reader.raw("answers")),
        semester=semester,
        computed=result,
    )
