"""Reading a parsed TOML document field by field, collecting every problem.

A :class:`Reader` walks nested tables and arrays, reads typed fields, and
records each problem with its location (``objectives[2].indicators[0].target``)
instead of stopping at the first; the caller raises one
:class:`~sakip.errors.DataSetError` listing them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from decimal import Decimal
from difflib import get_close_matches
from typing import Any, TypeVar

from sakip.errors import NumberFormatError, SakipError, show_value
from sakip.numbers import to_decimal
from sakip.report.safety import text_problem

__all__ = ["MISSING", "Reader"]

T = TypeVar("T")


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""Marks a required field that was absent, after its problem was recorded."""


class Reader:
    """A view of one TOML table at a location, sharing a list of problems.

    Examples
    --------
    >>> problems: list[str] = []
    >>> reader = Reader({"year": "2024", "name": "x"}, "document", problems)
    >>> reader.integer("year"), reader.text("name"), reader.text("title")
    (MISSING, 'x', MISSING)
    >>> for problem in problems:
    ...     print(problem)
    document.year: must be an integer: '2024'
    document.title: is missing
    """

    def __init__(self, table: object, location: str, problems: list[str]) -> None:
        self.location = location
        self.problems = problems
        if isinstance(table, Mapping):
            self.table: Mapping[str, Any] = table
        else:
            self.table = {}
            self.problem("must be a table", table)

    def where(self, key: str | int | None = None) -> str:
        """The location of a field of this table."""
        if key is None:
            return self.location
        if isinstance(key, int):
            return f"{self.location}[{key}]"
        return f"{self.location}.{key}" if self.location else key

    def problem(
        self, message: str, value: object = MISSING, *, key: str | int | None = None
    ) -> None:
        """Record a problem at this table (or one of its fields)."""
        text = f"{self.where(key)}: {message}"
        if value is not MISSING:
            text += f": {show_value(value)}"
        self.problems.append(text)

    def has(self, key: str) -> bool:
        """Whether the field is present."""
        return key in self.table

    def raw(self, key: str, *, required: bool = True) -> Any:
        """The raw value of a field; records a problem when a required one is absent."""
        if key in self.table:
            return self.table[key]
        if required:
            self.problem("is missing", key=key)
        return MISSING if required else None

    def text(self, key: str, *, required: bool = True) -> Any:
        """A non-empty string field that keeps the text policy (:func:`~sakip.report.safety.text_problem`)."""
        value = self.raw(key, required=required)
        if value is MISSING or value is None:
            return value
        if not isinstance(value, str) or not value.strip():
            self.problem("must be a non-empty string", value, key=key)
            return MISSING
        rule = text_problem(value)
        if rule is not None:
            # Shown without the value, which may be long or hold the control character.
            self.problem(rule, key=key)
            return MISSING
        return value

    def integer(self, key: str, *, required: bool = True, minimum: int | None = None) -> Any:
        """An integer field (a TOML integer, not a string or a float)."""
        value = self.raw(key, required=required)
        if value is MISSING or value is None:
            return value
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem("must be an integer", value, key=key)
            return MISSING
        if minimum is not None and value < minimum:
            self.problem(f"must be >= {minimum}", value, key=key)
            return MISSING
        return value

    def boolean(self, key: str, *, default: bool) -> bool:
        """A boolean field with a default."""
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            self.problem("must be true or false", value, key=key)
            return default
        return value

    def number(self, key: str, *, required: bool = True, exact: bool = False) -> Any:
        """A number field: a TOML integer, or a string such as ``"3.60"``.

        With ``exact=True`` (printed figures, whose decimals matter) a TOML
        float is refused, because ``3.60`` written as a float loses its
        trailing zero.
        """
        value = self.raw(key, required=required)
        if value is MISSING or value is None:
            return value
        if exact and isinstance(value, float):
            self.problem(
                'must be written as a string ("3.60") to keep its decimals', value, key=key
            )
            return MISSING
        try:
            return to_decimal(value, field=self.where(key))
        except NumberFormatError:
            self.problem('must be a plain decimal number such as "3.60"', value, key=key)
        except SakipError as error:  # NaN, infinity, out of range, a bool...
            rule = error.rule if isinstance(value, str | int | float) else "must be a number"
            self.problem(rule, value, key=key)
        return MISSING

    def choice(self, key: str, options: Mapping[str, T], *, default: T | None = None) -> Any:
        """A string field naming one of ``options``."""
        if key not in self.table and default is not None:
            return default
        value = self.text(key)
        if value is MISSING:
            return MISSING
        if value not in options:
            self.problem(f"must be one of {sorted(options)}", value, key=key)
            return MISSING
        return options[value]

    def table_at(self, key: str, *, required: bool = True) -> Reader | None:
        """A sub-table; ``None`` when an optional one is absent."""
        if key not in self.table:
            if required:
                self.problem("is missing", key=key)
                return Reader({}, self.where(key), [])
            return None
        return Reader(self.table[key], self.where(key), self.problems)

    def _list(self, key: str, required: bool, kind: str) -> list[Any]:
        if key not in self.table:
            if required:
                self.problem("is missing", key=key)
            return []
        value = self.table[key]
        if not isinstance(value, list):
            self.problem(f"must be {kind}", value, key=key)
            return []
        return value

    def array(self, key: str, *, required: bool = True) -> list[Reader]:
        """An array of tables, as readers."""
        where = self.where(key)
        items = self._list(key, required, "an array of tables")
        return [Reader(item, f"{where}[{i}]", self.problems) for i, item in enumerate(items)]

    def values(self, key: str, *, required: bool = True) -> list[Any]:
        """An array of plain values."""
        return self._list(key, required, "an array")

    def require_items(self, key: str, what: str) -> None:
        """Record a problem when the field is an empty array (a list that says nothing)."""
        if isinstance(self.table.get(key), list) and not self.table[key]:
            self.problem(f"must list at least one {what}", key=key)

    def check_keys(self, allowed: set[str]) -> None:
        """Record a problem for every field not in ``allowed`` (a misspelt key is not silently ignored).

        The problem names the closest allowed key when one is close
        (:func:`difflib.get_close_matches`), else every allowed key.

        Examples
        --------
        >>> problems: list[str] = []
        >>> Reader({"realizaton": 1, "zzz": 2}, "entry", problems).check_keys(
        ...     {"target", "realization"}
        ... )
        >>> for problem in problems:
        ...     print(problem)
        entry.realizaton: is not a field here; did you mean 'realization'?
        entry.zzz: is not a field here (expected one of ['realization', 'target'])
        """
        for key in self.table:
            if key in allowed:
                continue
            close = get_close_matches(key, sorted(allowed), n=1) if isinstance(key, str) else []
            hint = (
                f"; did you mean {close[0]!r}?"
                if close
                else f" (expected one of {sorted(allowed)})"
            )
            self.problem(f"is not a field here{hint}", key=key)

    @contextmanager
    def attempt(self, key: str | int | None = None) -> Iterator[None]:
        """Record a :class:`SakipError` raised in the block as a problem here."""
        try:
            yield
        except SakipError as error:
            self.problems.append(f"{self.where(key)}: {error}")

    def build(
        self, factory: Callable[..., T], /, *args: Any, at: str | int | None = None, **kwargs: Any
    ) -> T | None:
        """Call ``factory(*args, **kwargs)``; a :class:`SakipError` becomes a problem and ``None``."""
        try:
            return factory(*args, **kwargs)
        except SakipError as error:
            self.problems.append(f"{self.where(at)}: {error}")
            return None


def present(*values: object) -> bool:
    """Whether none of the values is :data:`MISSING` (all were read)."""
    return all(value is not MISSING for value in values)


def decimal_or_none(value: object) -> Decimal | None:
    """``None`` for an absent optional value, else the Decimal."""
    return value if isinstance(value, Decimal) else None
