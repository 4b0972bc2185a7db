"""``[kpkk]``: the KPKK questionnaire matrix and what the report prints of it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

import sakip.instruments.kpkk as kpkk
from sakip.findings import Finding
from sakip.report.reader import Reader, present
from sakip.report.safety import text_problem
from sakip.report.sections import base

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = ["KPKK", "KpkkInput", "KpkkSection"]

_PRINTED_KEYS = (
    "respondent_totals", "respondent_means", "respondent_categories",
    "aspect_sums", "aspect_means", "aspect_categories",
)  # fmt: skip


@attrs.frozen
class KpkkInput:
    """The KPKK questionnaire matrix and what the report prints of it.

    Examples
    --------
    >>> KpkkInput("BAB III", ("Aspek",), ((3,),)).printed
    {}
    """

    location: str
    aspects: tuple[str, ...]
    scores: tuple[tuple[int, ...], ...]
    printed: Mapping[str, Any] = attrs.field(factory=dict, hash=False)
    indicator: str | None = None


class KpkkSection(base.Section[KpkkInput, kpkk.KpkkResult]):
    """``[kpkk]``: scores per respondent and aspect; the overall mean may feed an indicator.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> load_dataset().result(KPKK).category.label
    'Baik'
    """

    key = "kpkk"

    def parse(
        self, reader: Reader, context: base.ParseContext
    ) -> base.Parsed[KpkkInput, kpkk.KpkkResult] | None:
        """Read the aspects, the score matrix and the printed figures; score them."""
        reader.check_keys({"location", "aspects", "scores", "printed", "indicator"})
        aspects = reader.values("aspects")
        reader.require_items("aspects", "aspect")
        for position, aspect in enumerate(aspects):
            if not isinstance(aspect, str) or not aspect.strip():
                reader.problem("must be a non-empty string", aspect, key=f"aspects[{position}]")
            elif rule := text_problem(aspect):  # the one text policy, as Reader.text applies it
                reader.problem(rule, key=f"aspects[{position}]")
        rows = reader.values("scores")
        matrix = []
        for position, row in enumerate(rows):
            if not isinstance(row, list) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in row
            ):
                reader.problem("must be rows of integer scores", row, key=f"scores[{position}]")
                continue
            if len(row) != len(aspects):
                reader.problem(
                    f"must have one score per aspect ({len(aspects)})",
                    len(row),
                    key=f"scores[{position}]",
                )
                continue
            matrix.append(tuple(row))
        printed = _printed(reader.table_at("printed", required=False), len(rows), len(aspects))
        indicator = base.indicator_ref(reader, context.indicator_codes)
        location = reader.text("location", required=False) or reader.where()
        if len(matrix) != len(rows) or not matrix:
            if not rows:
                reader.problem("must have at least one respondent", key="scores")
            return None
        aspect_names = tuple(str(a) for a in aspects)
        data = KpkkInput(location, aspect_names, tuple(matrix), printed, indicator or None)
        result = reader.build(self.compute, data, at="scores")
        if result is None:
            return None
        for label in printed.get("respondents_per_category", {}):
            if label not in result.scheme.labels:
                reader.problem(
                    f"must be labels of {result.scheme.name!r}",
                    label,
                    key=f"printed.respondents_per_category.{label}",
                )
        return base.Parsed(data, result) if present(indicator) else None

    def compute(self, data: KpkkInput) -> kpkk.KpkkResult:
        """Sums, means and categories per respondent and aspect, and overall."""
        return kpkk.score([list(row) for row in data.scores])

    def tables(
        self, data: KpkkInput, result: kpkk.KpkkResult, dataset: DataSet
    ) -> list[base.Table]:
        """The respondents' and the aspects' sums, means and categories."""
        policy = dataset.policies["survey"]
        respondents = zip(
            result.respondent_totals,
            result.respondent_means,
            result.respondent_categories,
            strict=True,
        )
        aspect_rows: list[tuple[base.Cell, ...]] = [
            (name, total, policy.apply(mean), category.label)
            for name, total, mean, category in zip(
                data.aspects,
                result.aspect_sums,
                result.aspect_means,
                result.aspect_categories,
                strict=True,
            )
        ]
        aspect_rows.append(
            ("Keseluruhan", result.grand_total, policy.apply(result.value), result.category.label)
        )
        columns = ("Jumlah", "Rata-rata", "Kategori")
        return [
            base.Table(
                "kpkk_responden",
                "KPKK per responden",
                ("Responden", *columns),
                tuple(
                    (position, total, policy.apply(mean), category.label)
                    for position, (total, mean, category) in enumerate(respondents, 1)
                ),
            ),
            base.Table("kpkk_aspek", "KPKK per aspek", ("Aspek", *columns), tuple(aspect_rows)),
        ]

    def audit(
        self, data: KpkkInput, result: kpkk.KpkkResult, dataset: DataSet, tally: base.Tally
    ) -> Iterator[Finding]:
        """Every printed sum, mean, category and count against the matrix."""
        printed = data.printed
        policy = dataset.policies["survey"]
        where = data.location
        sums = "sum of the row or column"
        yield from _counts(
            tally, where, printed, "respondent_totals", result.respondent_totals, sums
        )
        yield from _counts(tally, where, printed, "aspect_sums", result.aspect_sums, sums)
        for key, means in (
            ("respondent_means", result.respondent_means),
            ("aspect_means", result.aspect_means),
        ):
            for position, (shown, mean) in enumerate(
                zip(printed.get(key, ()), means, strict=False), 1
            ):
                yield from base.check_figure(
                    tally, where, f"{key}[{position}]", shown, mean, policy, "total / answers"
                )
        for key, categories in (
            ("respondent_categories", result.respondent_categories),
            ("aspect_categories", result.aspect_categories),
        ):
            labels = [category.label for category in categories]
            yield from _counts(tally, where, printed, key, labels, result.scheme.name)
        yield from base.check_figure(
            tally, where, "overall_mean", printed.get("overall_mean"), result.value, policy,
            "grand total / answers",
        )  # fmt: skip
        if printed.get("overall_category") is not None:
            tally.saw(f"{where}, overall_category")
        if printed.get("overall_category") not in (None, result.category.label):
            yield Finding(
                f"{where}, overall_category",
                printed["overall_category"],
                result.category.label,
                result.scheme.name,
            )
        for label, count in printed.get("respondents_per_category", {}).items():
            tally.saw(f"{where}, respondents {label}")
            if count != result.respondents_in(label):
                yield Finding(
                    f"{where}, respondents {label}",
                    count,
                    result.respondents_in(label),
                    result.scheme.name,
                )

    def feeds(
        self, data: KpkkInput, result: kpkk.KpkkResult, dataset: DataSet
    ) -> Iterator[base.Feed]:
        """The indicator whose realisation is the overall mean."""
        rule = "the indicator's realisation is the overall KPKK mean"
        return base.feed(
            data.indicator, data.location, result.value, dataset.policies["survey"], rule
        )


def _counts(
    tally: base.Tally,
    where: str,
    printed: Mapping[str, Any],
    key: str,
    computed: Sequence[int | str],
    rule: str,
) -> Iterator[Finding]:
    """Printed sums or labels compared one by one with the computed ones."""
    for position, (shown, value) in enumerate(
        zip(printed.get(key, ()), computed, strict=False), 1
    ):
        tally.saw(f"{where}, {key}[{position}]")
        if shown != value:
            yield Finding(f"{where}, {key}[{position}]", shown, value, rule)


def _printed(table: Reader | None, respondents: int, aspects: int) -> dict[str, Any]:
    """``[kpkk.printed]``: the figures the report prints, each list one value per row or aspect."""
    printed: dict[str, Any] = {}
    if table is None:
        return printed
    table.check_keys(
        {*_PRINTED_KEYS, "overall_mean", "overall_category", "respondents_per_category"}
    )
    lengths = {"respondent": (respondents, "respondent"), "aspect": (aspects, "aspect")}
    for key in _PRINTED_KEYS:
        if not table.has(key):
            continue
        if key.endswith("means"):
            printed[key] = tuple(_exact_list(table, key))
        elif key.endswith("categories"):
            printed[key] = tuple(_typed_list(table, key, str, "a category label"))
        else:
            printed[key] = tuple(_typed_list(table, key, int, "an integer"))
    for key in _PRINTED_KEYS:
        expected, what = lengths[key.split("_")[0]]
        given = table.values(key) if table.has(key) else None
        if given is not None and len(given) != expected:
            # A shorter or longer printed list would be compared only in part.
            table.problem(f"must have one value per {what} ({expected})", len(given), key=key)
    if table.has("overall_mean"):
        printed["overall_mean"] = table.number("overall_mean", exact=True)
    if table.has("overall_category"):
        printed["overall_category"] = table.text("overall_category")
    counts = table.table_at("respondents_per_category", required=False)
    if counts is not None:
        printed["respondents_per_category"] = {
            k: counts.integer(k, minimum=0) for k in counts.table
        }
    return printed


def _typed_list(reader: Reader, key: str, kind: type, what: str) -> list[Any]:
    out = []
    for position, value in enumerate(reader.values(key)):
        if isinstance(value, bool) or not isinstance(value, kind):
            reader.problem(f"must be {what}", value, key=f"{key}[{position}]")
        elif isinstance(value, str) and (rule := text_problem(value)):
            reader.problem(rule, key=f"{key}[{position}]")
        else:
            out.append(value)
    return out


def _exact_list(reader: Reader, key: str) -> list[Decimal]:
    out = []
    for position, value in enumerate(reader.values(key)):
        if not isinstance(value, str):
            reader.problem(
                'must be written as strings ("2.60") to keep their decimals',
                value,
                key=f"{key}[{position}]",
            )
            continue
        number = Reader({"v": value}, reader.where(f"{key}[{position}]"), reader.problems).number(
            "v"
        )
        if isinstance(number, Decimal):
            out.append(number)
    return out


KPKK = KpkkSection()
"""The ``[kpkk]`` section."""
