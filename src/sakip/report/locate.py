"""Where a data-set problem is in the file the user wrote.

The :class:`~sakip.report.reader.Reader` names every problem by its path in
the document (``objectives[2].indicators[1].realizaton: ...``). The file it
came from knows more: a TOML file has lines and columns, a workbook has
sheets and cells. A *locate* function maps a path to that place, and
:func:`locate_problems` writes it after the path of every problem it can
place, so the same reader serves every input format.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sakip.errors import DataSetError

__all__ = ["Locate", "locate_error", "locate_problems"]

Locate = Callable[[str], str | None]
"""Maps a document path (``objectives[0].indicators[1].target``) to a place
in the file (``line 42, column 1`` or ``sheet Indikator, cell D5``), or
``None`` when it cannot tell."""

_SEPARATOR = ": "


def locate_problems(problems: Sequence[str], locate: Locate) -> list[str]:
    """Add the place in the file to every problem whose path it can place.

    A problem is ``"<path>: <message>"``; the place goes in parentheses
    after the path. Problems without a path, or whose path ``locate`` cannot
    place, are kept unchanged.

    Examples
    --------
    >>> places = {"document.year": "line 3, column 1"}
    >>> locate_problems(
    ...     ["document.year: must be an integer: '2024'", "unit: is missing"], places.get
    ... )
    ["document.year (line 3, column 1): must be an integer: '2024'", 'unit: is missing']
    """
    located = []
    for problem in problems:
        path, separator, message = problem.partition(_SEPARATOR)
        place = locate(path) if separator else None
        located.append(f"{path} ({place}){separator}{message}" if place else problem)
    return located


def locate_error(error: DataSetError, locate: Locate) -> DataSetError:
    """The same error with every problem placed by ``locate``.

    Examples
    --------
    >>> error = DataSetError("lkip.toml", ["unit.code: is missing"])
    >>> print(locate_error(error, {"unit.code": "line 7"}.get))
    lkip.toml: 1 problem
      unit.code (line 7): is missing
    """
    return DataSetError(error.field, locate_problems(error.problems, locate))
