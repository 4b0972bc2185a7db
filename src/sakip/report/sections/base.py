"""What every data-set section is: the :class:`Section` protocol and its shared parts.

A section of the data set (``[tahanan]``, ``[[nka]]``, ...) owns, in one
module of :mod:`sakip.report.sections`, how it is read (:meth:`Section.parse`),
its formula (:meth:`Section.compute`), the tables it adds to the report
(:meth:`Section.tables`), the audit of the figures it prints
(:meth:`Section.audit`) and the indicator realisations its result must equal
(:meth:`Section.feeds`). :mod:`sakip.report.sections.registry` lists the
sections in report order; :mod:`~sakip.report.dataset`,
:mod:`~sakip.report.compute` and :mod:`~sakip.report.audit` only walk that
list. ``docs/report.md`` ("Adding a section") shows a worked example.

Each formula runs once: :meth:`Section.parse` computes the result while it
validates (through :meth:`~sakip.report.reader.Reader.build`, so a formula's
error is a located problem) and returns it with the input as a
:class:`Parsed`; the report and the audit reuse that result.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

import attrs

from sakip.findings import Finding, check_printed
from sakip.numbers import RoundingPolicy
from sakip.report.reader import MISSING, Reader

if TYPE_CHECKING:
    from sakip.report.dataset import DataSet

__all__ = [
    "Cell",
    "Feed",
    "HasValue",
    "ParseContext",
    "Parsed",
    "Section",
    "SectionAlias",
    "Table",
    "Tally",
    "UnitEntry",
    "UnitSection",
    "check_figure",
    "feed",
    "indicator_ref",
    "known_unit",
    "printed_numbers",
    "unit_feeds",
]

InputT = TypeVar("InputT")
ResultT = TypeVar("ResultT")

Cell = str | int | Decimal | None
"""A table cell: text, a count, a displayed (already rounded) number, or empty."""


@attrs.frozen
class Table:
    """One table of the computed report.

    Attributes
    ----------
    key : str
        Stable identifier (``"pengukuran_kinerja"``), used by JSON and CSV.
    title : str
        Title for people.
    columns : tuple of str
        Column headings.
    rows : tuple of tuple of Cell
        Displayed values; numbers already rounded with the data set's policy.
    note : str
        What the table is computed from, or what could not be computed.

    Examples
    --------
    >>> Table("t", "Contoh", ("Ukuran", "Nilai"), (("Nilai", Decimal("3.70")),)).rows[0][1]
    Decimal('3.70')
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""


@attrs.frozen
class ParseContext:
    """What a section may check its fields against while it is read.

    Attributes
    ----------
    indicator_codes : frozenset of str
        The codes of the agreement's indicators (for ``indicator = "..."``).
    unit_codes : frozenset of str
        The codes of the unit and its sub-units.
    source : str
        The data set's file (a section may read a file next to it).

    Examples
    --------
    >>> ParseContext(frozenset({"1"}), frozenset({"bnnk"})).source
    '<data set>'
    """

    indicator_codes: frozenset[str]
    unit_codes: frozenset[str]
    source: str = "<data set>"


@attrs.frozen
class Parsed(Generic[InputT, ResultT]):
    """A section as read, with the result its formula gave while it was validated.

    Examples
    --------
    >>> Parsed("input", 3).result
    3
    """

    data: InputT
    result: ResultT


@attrs.frozen
class Feed:
    """An indicator whose realisation is a section's computed figure (a cross-check).

    Attributes
    ----------
    indicator : str
        The indicator's code (the section's ``indicator`` field).
    location : str
        Where the section's figure is printed.
    computed : Decimal
        The exact figure the section computes.
    policy : RoundingPolicy
        How the document rounds that figure: a realisation that differs only
        by this rounding is not reported.
    rule : str
        What the realisation should be, for the finding.

    Examples
    --------
    >>> from sakip.numbers import Rounding
    >>> Feed("14", "NKA", Decimal("99.975"), RoundingPolicy(2, Rounding.HALF_UP), "NKA").indicator
    '14'
    """

    indicator: str
    location: str
    computed: Decimal
    policy: RoundingPolicy
    rule: str


class Tally:
    """The locations of the printed figures the audit compared so far.

    Examples
    --------
    >>> tally = Tally()
    >>> tally.saw("a"); tally.saw("a"); len(tally.locations)
    1
    """

    def __init__(self) -> None:
        self.locations: set[str] = set()

    def saw(self, location: str) -> None:
        """Count a compared figure (a location reached twice counts once)."""
        self.locations.add(location)


class Section(ABC, Generic[InputT, ResultT]):
    """One section of the data set: reading, formula, tables, audit, cross-checks.

    Subclasses set :attr:`key` (the TOML key) and :attr:`array` (``[[key]]``
    rather than ``[key]``), and implement :meth:`compute` and :meth:`parse`
    (or :meth:`parse_entries` for an array); :meth:`tables`, :meth:`audit`
    and :meth:`feeds` default to nothing.

    Examples
    --------
    >>> from sakip.report.sections import TAHANAN
    >>> TAHANAN.key, TAHANAN.array
    ('tahanan', False)
    """

    key: ClassVar[str]
    array: ClassVar[bool] = False

    def load(self, root: Reader, context: ParseContext) -> Parsed[InputT, ResultT] | None:
        """The section read from the document's root; ``None`` when absent or unusable.

        ``[key]`` goes to :meth:`parse`, ``[[key]]`` to :meth:`parse_entries`.
        """
        if self.array:
            readers = root.array(self.key, required=False)
            return self.parse_entries(readers, context) if readers else None
        reader = root.table_at(self.key, required=False)
        return None if reader is None else self.parse(reader, context)

    def parse(self, reader: Reader, context: ParseContext) -> Parsed[InputT, ResultT] | None:
        """Read a ``[key]`` section's table; ``None`` when it is unusable.

        Every problem is recorded on the readers. The result is computed
        here, through ``reader.build`` at the location of what it is
        computed from, and kept in the returned :class:`Parsed`.
        """
        raise NotImplementedError(f"{self.key} is an [[{self.key}]] section: parse_entries")

    def parse_entries(
        self, readers: list[Reader], context: ParseContext
    ) -> Parsed[InputT, ResultT] | None:
        """Read the entries of a ``[[key]]`` section, as :meth:`parse` reads a table."""
        raise NotImplementedError(f"{self.key} is a [{self.key}] section: parse")

    @abstractmethod
    def compute(self, data: InputT) -> ResultT:
        """The section's formula on a valid input (raises a SakipError on a bad one)."""

    def tables(self, data: InputT, result: ResultT, dataset: DataSet) -> list[Table]:
        """The tables the section adds to the report, in order."""
        return []

    def audit(
        self, data: InputT, result: ResultT, dataset: DataSet, tally: Tally
    ) -> Iterator[Finding]:
        """The printed figures of the section that the rules contradict (each one tallied)."""
        return iter(())

    def feeds(self, data: InputT, result: ResultT, dataset: DataSet) -> Iterator[Feed]:
        """The indicators whose realisation is a figure of this section."""
        return iter(())

    def report_tables(self, dataset: DataSet) -> list[Table]:
        """:meth:`tables` of the data set's section (none when it has no such section)."""
        parsed = dataset.parsed(self)
        return [] if parsed is None else self.tables(parsed.data, parsed.result, dataset)

    def findings(self, dataset: DataSet, tally: Tally) -> Iterator[Finding]:
        """:meth:`audit`, then the cross-check of every indicator the section :meth:`feeds`."""
        parsed = dataset.parsed(self)
        if parsed is None:
            return
        yield from self.audit(parsed.data, parsed.result, dataset, tally)
        realizations = dataset.realizations
        for feed in self.feeds(parsed.data, parsed.result, dataset):
            yield from check_figure(
                tally,
                f"{feed.location}, indikator {feed.indicator}",
                "realisasi",
                realizations[feed.indicator],
                feed.computed,
                feed.policy,
                feed.rule,
            )


class SectionAlias(Generic[InputT]):
    """A read-only attribute of :class:`~sakip.report.dataset.DataSet`: one section's input.

    ``empty`` is the value when the data set has no such section (``()``
    for the sections that list one entry per unit).

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> dataset = load_dataset()
    >>> dataset.tahanan.detainees, dataset.ikm
    (22, ())
    """

    def __init__(self, section: Section[InputT, Any], empty: InputT | None = None) -> None:
        self.section = section
        self.empty = empty

    def __get__(self, dataset: DataSet | None, owner: object = None) -> InputT | None:
        """``dataset.section(...)``, or ``empty`` when the data set has none."""
        if dataset is None:
            return self.empty
        found = dataset.section(self.section)
        return self.empty if found is None else found


def feed(
    indicator: str | None, location: str, computed: Decimal, policy: RoundingPolicy, rule: str
) -> Iterator[Feed]:
    """The one :class:`Feed` of a section whose ``indicator`` field is set (none when unset).

    Examples
    --------
    >>> from sakip.numbers import Rounding
    >>> policy = RoundingPolicy(2, Rounding.HALF_UP)
    >>> [f.indicator for f in feed("12", "BAB III", Decimal(100), policy, "the index")]
    ['12']
    >>> list(feed(None, "BAB III", Decimal(100), policy, "the index"))
    []
    """
    if indicator is not None:
        yield Feed(indicator, location, computed, policy, rule)


class UnitEntry(Protocol):
    """An entry of a section that lists one entry per unit (``[[nka]]``, ``[[ikpa]]``...)."""

    @property
    def unit(self) -> str:
        """The unit's code."""

    @property
    def location(self) -> str:
        """Where the entry's figures are printed."""

    @property
    def indicator(self) -> str | None:
        """The indicator whose realisation is the entry's value."""


class HasValue(Protocol):
    """A result with its exact ``value``."""

    @property
    def value(self) -> Decimal:
        """The exact figure."""


def unit_feeds(
    entries: Iterable[UnitEntry],
    results: Mapping[str, HasValue],
    dataset: DataSet,
    policy: RoundingPolicy,
    rule: str,
) -> Iterator[Feed]:
    """The feeds of a one-entry-per-unit section: each entry's value, for its own indicator.

    Examples
    --------
    >>> from sakip.report.dataset import load_dataset
    >>> from sakip.report.sections import NKA
    >>> dataset = load_dataset()
    >>> entries = dataset.section(NKA)
    >>> entries = (attrs.evolve(entries[0], indicator="14"), *entries[1:])
    >>> [(f.indicator, f.location) for f in unit_feeds(
    ...     entries, dataset.result(NKA), dataset, dataset.policies["nka"], "NKA")]
    [('14', 'BAB III A sasaran 11, L1414-L1415, BNN Provinsi Kalimantan Tengah')]
    """
    for entry in entries:
        where = f"{entry.location}, {dataset.unit_name(entry.unit)}"
        yield from feed(entry.indicator, where, results[entry.unit].value, policy, rule)


EntryT = TypeVar("EntryT", bound=UnitEntry)
ValueT = TypeVar("ValueT", bound=HasValue)


class UnitSection(Section[tuple[EntryT, ...], Mapping[str, ValueT]]):
    """A ``[[key]]`` section with one entry per unit and the results by unit code.

    Each entry's ``indicator`` field names the indicator whose realisation is
    that unit's value: :meth:`feeds` is :func:`unit_feeds` with the
    data set's policy :attr:`feed_policy` and the rule :attr:`feed_rule`.

    Examples
    --------
    >>> from sakip.report.sections import IKPA
    >>> isinstance(IKPA, UnitSection), IKPA.feed_policy
    (True, 'ikpa')
    """

    array = True
    feed_policy: ClassVar[str]
    feed_rule: ClassVar[str]

    def feeds(
        self, data: tuple[EntryT, ...], result: Mapping[str, ValueT], dataset: DataSet
    ) -> Iterator[Feed]:
        """Each entry's value, for the indicator the entry names."""
        policy = dataset.policies[self.feed_policy]
        return unit_feeds(data, result, dataset, policy, self.feed_rule)


def check_figure(
    tally: Tally,
    where: str,
    what: str,
    printed: Decimal | None,
    computed: Decimal,
    policy: RoundingPolicy,
    rule: str,
) -> Iterator[Finding]:
    """Tally a printed figure (when there is one) and yield its finding if it differs.

    Examples
    --------
    >>> from sakip.numbers import Rounding
    >>> tally = Tally()
    >>> policy = RoundingPolicy(2, Rounding.HALF_UP)
    >>> [str(f) for f in check_figure(tally, "NKA", "nilai", Decimal("99.50"),
    ...                               Decimal("99.975"), policy, "rule")]
    ['NKA, nilai: printed 99.50, computed 99.98 (rule)']
    >>> list(check_figure(tally, "NKA", "capaian", None, Decimal(1), policy, "rule"))
    []
    >>> sorted(tally.locations)
    ['NKA, nilai']
    """
    if printed is None:
        return
    tally.saw(f"{where}, {what}")
    finding = check_printed(
        f"{where}, {what}", printed=printed, computed=computed, policy=policy, rule=rule
    )
    if finding is not None:
        yield finding


def known_unit(reader: Reader, key: str, unit_codes: frozenset[str]) -> Any:
    """The unit code in ``key``; a problem (and MISSING) when it is not a unit of the data set.

    Examples
    --------
    >>> problems: list[str] = []
    >>> known_unit(Reader({"unit": "x"}, "nka[0]", problems), "unit", frozenset({"a"}))
    MISSING
    >>> problems
    ["nka[0].unit: must be a unit of the data set (['a']): 'x'"]
    """
    code = reader.text(key)
    if code is not MISSING and code not in unit_codes:
        reader.problem(f"must be a unit of the data set ({sorted(unit_codes)})", code, key=key)
        return MISSING
    return code


def indicator_ref(reader: Reader, codes: frozenset[str]) -> Any:
    """The optional ``indicator`` field: an indicator code of the agreement, or None.

    Examples
    --------
    >>> problems: list[str] = []
    >>> indicator_ref(Reader({"indicator": "99"}, "nka[0]", problems), frozenset({"14"}))
    MISSING
    >>> problems
    ["nka[0].indicator: must be an indicator code of the agreement: '99'"]
    """
    code = reader.text("indicator", required=False)
    if isinstance(code, str) and code not in codes:
        reader.problem("must be an indicator code of the agreement", code, key="indicator")
        return MISSING
    return code


def printed_numbers(reader: Reader | None, keys: set[str]) -> dict[str, Decimal]:
    """The printed figures of a ``printed = {...}`` table (only ``keys``; exact decimals).

    Examples
    --------
    >>> printed_numbers(Reader({"value": "99.50"}, "nka[0].printed", []), {"value", "capaian"})
    {'value': Decimal('99.50')}
    """
    if reader is None:
        return {}
    reader.check_keys(keys)
    out = {}
    for key in sorted(keys):
        value = reader.number(key, required=False, exact=True)
        if isinstance(value, Decimal):
            out[key] = value
    return out
