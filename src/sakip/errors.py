"""Exceptions raised by :mod:`sakip`.

Every error is a :class:`SakipError`; the concrete classes also inherit the
matching builtin (``ValueError`` or ``TypeError``) so that code written
against the builtins keeps working.  Messages follow one shape, naming the
field, the rule that was broken and the offending value::

    'target' must be > 0 for a higher-is-better indicator: 0

The three parts are also kept as attributes (``field``, ``rule``,
``value``) for tools that want to show them in their own way.
"""

from __future__ import annotations

from decimal import Decimal

__all__ = [
    "AmbiguousNumberError",
    "DataSetError",
    "InvalidTypeError",
    "InvalidValueError",
    "MissingExtraError",
    "NumberFormatError",
    "OutOfBandError",
    "SakipError",
    "SchemeError",
]


def show_value(value: object) -> str:
    """Render a value for an error message: Decimals plainly, others by ``repr``.

    Examples
    --------
    >>> show_value(Decimal("2.50")), show_value("1.216"), show_value(None)
    ('2.50', "'1.216'", 'None')
    """
    if isinstance(value, Decimal):
        return str(value)
    return repr(value)


class SakipError(Exception):
    """Base class of every error raised by :mod:`sakip`.

    Parameters
    ----------
    field : str
        The name of the argument, column or data-set field that is wrong.
    rule : str
        The rule it breaks, phrased to follow the field name
        (``"must be > 0"``).
    value : object
        The offending value, shown with :func:`show_value`.

    Examples
    --------
    >>> err = InvalidValueError("target", "must be > 0", Decimal("0"))
    >>> str(err)
    "'target' must be > 0: 0"
    >>> isinstance(err, ValueError), err.field, err.rule
    (True, 'target', 'must be > 0')
    """

    def __init__(self, field: str, rule: str, value: object) -> None:
        self.field = field
        self.rule = rule
        self.value = value
        super().__init__(f"{field!r} {rule}: {show_value(value)}")

    def __reduce__(self) -> tuple[type[SakipError], tuple[str, str, object]]:
        return (type(self), (self.field, self.rule, self.value))


class InvalidValueError(SakipError, ValueError):
    """A value of the right type breaks a rule (range, sign, consistency)."""


class InvalidTypeError(SakipError, TypeError):
    """A value of a type that :mod:`sakip` refuses to convert silently."""


class NumberFormatError(InvalidValueError):
    """Text that is not a number in any form :func:`sakip.parse_number` reads."""


class AmbiguousNumberError(NumberFormatError):
    """Text such as ``1.216`` whose decimal separator cannot be decided.

    Pass ``decimal_separator=","`` (Indonesian) or ``"."`` (English) to
    :func:`sakip.parse_number` to state it.
    """


class SchemeError(InvalidValueError):
    """A band scheme that is not sorted, overlaps, or has an undeclared gap."""


class OutOfBandError(InvalidValueError):
    """A value that lies outside every band of a scheme, or in a declared gap."""


class MissingExtraError(InvalidValueError):
    """An output or conversion that needs an optional dependency that is not installed.

    The message names what needs it and how to install it: ``sakip[xlsx]``
    (openpyxl), ``sakip[charts]`` (matplotlib), ``sakip[pandas]``.

    Examples
    --------
    >>> str(MissingExtraError("to_dataframe", "needs pandas (pip install 'sakip[pandas]')", "pandas"))
    "'to_dataframe' needs pandas (pip install 'sakip[pandas]'): 'pandas'"
    """


class DataSetError(InvalidValueError):
    """An LKIP data set that cannot be used; ``problems`` lists every problem found.

    Parameters
    ----------
    source : str
        The file (or other source) the data set came from.
    problems : sequence of str
        One line per problem, each with its location.

    Examples
    --------
    >>> err = DataSetError("kalteng.toml", ["indicators[2].target: must be > 0: 0"])
    >>> err.problems
    ('indicators[2].target: must be > 0: 0',)
    """

    def __init__(self, source: str, problems: list[str] | tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        super().__init__(source, f"has {count} problem{'s' if count != 1 else ''}", count)
        self.args = (f"{source}: {count} problem{'s' if count != 1 else ''}",)

    def __str__(self) -> str:
        return "\n".join([str(self.args[0]), *(f"  {p}" for p in self.problems)])

    def __reduce__(self) -> tuple[type[DataSetError], tuple[str, tuple[str, ...]]]:  # type: ignore[override]
        return (type(self), (self.field, self.problems))
