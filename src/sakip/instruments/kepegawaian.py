"""Pemenuhan pegawai terhadap DSP (staffing against the Daftar Susunan Pegawai).

Measures how far each BNN unit's staff (*pegawai*) fills the number of
posts its DSP (*Daftar Susunan Pegawai*, the staffing establishment)
requires, with the staff broken down by status: PNS (civil servants),
POLRI (police officers on secondment), PPNP (*pegawai pemerintah non
pegawai negeri*, non-civil-servant government staff) and PPK (contract
government employees, PPPK)::

    pemenuhan = filled / required x 100

:func:`score` gives the totals per unit and per status and the fulfilment
percentages; :func:`check_total` and :func:`check_fulfilment` compare them
with the figures a report prints and return a
:class:`sakip.findings.Finding` instead of raising. Many units or sets of
units at once (a few hundred a year) go through the shared loop over the
exact scalar path, :func:`sakip.batch.score_each`; this module has no numpy
path of its own.

Examples
--------
Each unit's fulfilment, as the report prints it (truncated to 3 places):

>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> rows = [{"units": [UnitStaff("BNNP", {"PNS": 68}, required=153)]},
...         {"units": [UnitStaff("BNNK Palangka Raya", {"PNS": 31}, required=74)]}]
>>> score_each(score, rows, policy=RoundingPolicy(3, Rounding.TRUNCATE)).decimals()
[Decimal('44.444'), Decimal('41.891')]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from sakip._result import RoundedValue
from sakip.bands import Band
from sakip.coerce import NumberLike, to_count, to_enum, to_positive_int, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.findings import Finding, check_printed
from sakip.numbers import RoundingPolicy, percent, to_decimal

__all__ = [
    "EmploymentStatus",
    "KepegawaianResult",
    "UnitFulfilment",
    "UnitStaff",
    "check_fulfilment",
    "check_total",
    "fulfilment",
    "score",
]


class EmploymentStatus(enum.Enum):
    """Staff status as the LKIP staff table lists it.

    Attributes
    ----------
    PNS
        *Pegawai Negeri Sipil*, civil servants.
    POLRI
        Officers of the national police (*Kepolisian Negara RI*) serving in BNN.
    PPNP
        *Pegawai Pemerintah Non Pegawai Negeri*, non-civil-servant staff.
    PPK
        *Pegawai Pemerintah dengan Perjanjian Kerja* (PPPK), contract staff;
        the report heads the column "PPK".
    """

    PNS = "PNS"
    POLRI = "POLRI"
    PPNP = "PPNP"
    PPK = "PPK"


def _status(value: EmploymentStatus | str, field: str = "status") -> EmploymentStatus:
    return to_enum(value, EmploymentStatus, field=field)


def _staff(
    value: Mapping[EmploymentStatus | str, NumberLike],
) -> tuple[tuple[EmploymentStatus, int], ...]:
    # sakip.coerce has no mapping reader: the keys are statuses, the values counts.
    if not isinstance(value, Mapping):
        raise InvalidTypeError("staff", "must be a mapping of status to count", value)
    counts = dict.fromkeys(EmploymentStatus, 0)
    seen: set[EmploymentStatus] = set()
    for key, count in value.items():
        status = _status(key, "staff")
        if status in seen:
            raise InvalidValueError("staff", "must name each status once", key)
        seen.add(status)
        counts[status] = to_count(count, field=f"staff[{status.value}]")
    return tuple(counts.items())


def _unit_name(value: str) -> str:
    return to_text(value, field="unit")


def _required(value: NumberLike) -> int:
    return to_positive_int(value, field="required")


@attrs.frozen
class UnitStaff:
    """One unit's staff by status and its DSP requirement.

    Parameters
    ----------
    unit : str
        The unit (*satker*), as the report names it.
    staff : mapping of EmploymentStatus or str to int
        Staff in post per status, keyed by the member or its value
        (``"PNS"``, not ``"pns"``); a status left out has 0 (the report's "-").
    required : int or str or Decimal
        Posts the DSP requires (*kebutuhan pegawai sesuai DSP*), >= 1.

    Raises
    ------
    InvalidValueError
        An unknown status, a status named twice, a negative or fractional
        count, ``required`` of 0.
    InvalidTypeError
        A unit name that is not a str, ``staff`` that is not a mapping.

    Examples
    --------
    >>> unit = UnitStaff("BNNK Palangka Raya", {"PNS": 12, "POLRI": 4, "PPNP": 14, "PPK": 1},
    ...                  required=74)
    >>> unit.filled, unit.count(EmploymentStatus.PPK)
    (31, 1)
    """

    unit: str = attrs.field(converter=_unit_name)
    staff: tuple[tuple[EmploymentStatus, int], ...] = attrs.field(converter=_staff)
    required: int = attrs.field(kw_only=True, converter=_required)

    def count(self, status: EmploymentStatus | str) -> int:
        """Staff of one status (the member or its value).

        Raises
        ------
        InvalidValueError
            Anything but an :class:`EmploymentStatus` or its value.

        Examples
        --------
        >>> UnitStaff("A", {"PNS": 7, "POLRI": 3}, required=74).count("POLRI")
        3
        """
        return dict(self.staff)[_status(status)]

    @property
    def filled(self) -> int:
        """All staff in post, every status."""
        return sum(count for _, count in self.staff)


def fulfilment(*, filled: NumberLike, required: NumberLike) -> Decimal:
    """DSP fulfilment: ``filled / required x 100``, unrounded.

    Parameters
    ----------
    filled : int or str or Decimal
        Staff in post (whole number >= 0).
    required : int or str or Decimal
        Posts the DSP requires (whole number >= 1).

    Returns
    -------
    Decimal
        Percent; above 100 when a unit has more staff than posts.

    Raises
    ------
    InvalidValueError
        Negative or fractional counts, ``required`` of 0.

    Notes
    -----
    ``filled / required x 100``. A DSP of 0 posts has no fulfilment and
    raises; over-staffing is not capped.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB I (jumlah pegawai and DSP).

    Examples
    --------
    The report prints 44 %, 41,891 % and 29,729 % (truncated):

    >>> from sakip.numbers import Rounding, round_to
    >>> [round_to(fulfilment(filled=f, required=r), p, Rounding.TRUNCATE)
    ...  for f, r, p in [(68, 153, 0), (31, 74, 3), (22, 74, 3)]]
    [Decimal('44'), Decimal('41.891'), Decimal('29.729')]
    """
    top = to_count(filled, field="filled")
    bottom = _required(required)
    return percent(top, bottom, part_field="filled", whole_field="required")


@attrs.frozen
class UnitFulfilment:
    """One unit's line of :class:`KepegawaianResult`.

    Attributes
    ----------
    unit : str
    by_status : tuple of (EmploymentStatus, int)
        Staff per status, in :class:`EmploymentStatus` order.
    filled : int
        The unit's total (the table's TOTAL column).
    required : int
        The DSP requirement.
    fulfilment : Decimal
        ``filled / required x 100``, unrounded.
    """

    unit: str
    by_status: tuple[tuple[EmploymentStatus, int], ...]
    filled: int
    required: int
    fulfilment: Decimal


@attrs.frozen
class KepegawaianResult(RoundedValue):
    """Staff totals and DSP fulfilment of a set of units.

    Attributes
    ----------
    value : Decimal
        Overall fulfilment, ``sum(filled) / sum(required) x 100``, unrounded.
    units : tuple of UnitFulfilment
        One per unit, in input order.
    by_status : tuple of (EmploymentStatus, int)
        Column totals per status (the table's TOTAL row).
    filled : int
        All staff of all units.
    required : int
        All DSP posts of all units.
    category : Band or None
        Always ``None``: the report prints the fulfilment without a category.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score([UnitStaff("A", {"PNS": 68}, required=153)])
    >>> result.rounded(RoundingPolicy(0, Rounding.TRUNCATE)), result.category
    (Decimal('44'), None)
    """

    value: Decimal
    units: tuple[UnitFulfilment, ...]
    by_status: tuple[tuple[EmploymentStatus, int], ...]
    filled: int
    required: int
    category: Band | None = None

    def unit(self, name: str) -> UnitFulfilment:
        """The line of the unit called ``name``.

        Raises
        ------
        InvalidValueError
            No unit of that name.

        Examples
        --------
        >>> result = score([UnitStaff("BNNK Palangka Raya", {"PNS": 31}, required=74)])
        >>> result.unit("BNNK Palangka Raya").filled
        31
        """
        wanted = to_text(name, field="unit")
        for line in self.units:
            if line.unit == wanted:
                return line
        raise InvalidValueError("unit", f"must be one of {[u.unit for u in self.units]}", wanted)

    def count(self, status: EmploymentStatus | str) -> int:
        """Staff of one status over all units.

        Examples
        --------
        >>> result = score([UnitStaff("A", {"PNS": 35, "PPNP": 20}, required=153),
        ...                 UnitStaff("B", {"PNS": 12, "PPK": 1}, required=74)])
        >>> result.count(EmploymentStatus.PNS), result.count("PPK")
        (47, 1)
        """
        return dict(self.by_status)[_status(status)]


def score(units: Iterable[UnitStaff]) -> KepegawaianResult:
    """Totals per unit and per status, and DSP fulfilment.

    Parameters
    ----------
    units : sequence of UnitStaff
        At least one unit; names must be distinct (a ``str`` is refused).

    Returns
    -------
    KepegawaianResult

    Raises
    ------
    InvalidValueError
        No unit, or a unit named twice.
    InvalidTypeError
        ``units`` that is not a sequence, or an item that is not a
        :class:`UnitStaff`.

    Notes
    -----
    Per unit ``filled / required x 100``; overall
    ``sum(filled) / sum(required) x 100`` (weighted by posts, not the mean of
    the unit percentages). The report prints no overall figure.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB I, staff table and the paragraph
    after it.

    Examples
    --------
    >>> result = score([
    ...     UnitStaff("BNNP Kalimantan Tengah", {"PNS": 35, "POLRI": 13, "PPNP": 20},
    ...               required=153),
    ...     UnitStaff("BNNK Palangka Raya", {"PNS": 12, "POLRI": 4, "PPNP": 14, "PPK": 1},
    ...               required=74),
    ...     UnitStaff("BNNK Kotawaringin Barat", {"PNS": 7, "POLRI": 3, "PPNP": 12},
    ...               required=74),
    ... ])
    >>> result.filled, [result.count(s) for s in EmploymentStatus]
    (121, [54, 20, 46, 1])
    >>> from sakip.numbers import Rounding, round_to
    >>> round_to(result.unit("BNNK Palangka Raya").fulfilment, 3, Rounding.TRUNCATE)
    Decimal('41.891')
    """
    lines: list[UnitFulfilment] = []
    names: set[str] = set()
    totals = dict.fromkeys(EmploymentStatus, 0)
    for index, unit in enumerate(to_sequence(units, field="units")):
        if not isinstance(unit, UnitStaff):
            raise InvalidTypeError(f"units[{index}]", "must be a UnitStaff", unit)
        if unit.unit in names:
            raise InvalidValueError(f"units[{index}].unit", "must not repeat", unit.unit)
        names.add(unit.unit)
        for status, count in unit.staff:
            totals[status] += count
        lines.append(
            UnitFulfilment(
                unit.unit,
                unit.staff,
                unit.filled,
                unit.required,
                fulfilment(filled=unit.filled, required=unit.required),
            )
        )
    if not lines:
        raise InvalidValueError("units", "must not be empty", 0)
    filled = sum(line.filled for line in lines)
    required = sum(line.required for line in lines)
    return KepegawaianResult(
        fulfilment(filled=filled, required=required),
        tuple(lines),
        tuple(totals.items()),
        filled,
        required,
    )


def _where(result: KepegawaianResult, location: str, what: str) -> str:
    if not isinstance(result, KepegawaianResult):
        raise InvalidTypeError("result", "must be a KepegawaianResult (from score)", result)
    place = to_text(location, field="location")
    return f"{place}: {what}" if place else what


def check_total(
    result: KepegawaianResult, *, printed: NumberLike, location: str = ""
) -> Finding | None:
    """Compare a printed staff total with the computed one.

    Parameters
    ----------
    result : KepegawaianResult
        From :func:`score`.
    printed : int, str or Decimal
        The total as the report prints it.
    location : str, optional
        Where it is printed; the finding's location is
        ``"<location>: total staff"``.

    Returns
    -------
    sakip.findings.Finding or None
        ``None`` when they agree; a finding is returned, never raised.

    Raises
    ------
    InvalidValueError
        ``printed`` that is not a number.
    InvalidTypeError
        A ``result`` that is not a :class:`KepegawaianResult`, a ``location``
        that is not a str.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB I: the text says 119 staff, the
    table sums (and prints) 121.

    Examples
    --------
    >>> result = score([UnitStaff("A", {"PNS": 68}, required=153),
    ...                 UnitStaff("B", {"PNS": 53}, required=148)])
    >>> check_total(result, printed=121) is None
    True
    >>> print(check_total(result, printed=119, location="BAB I, text"))
    BAB I, text: total staff: printed 119, computed 121 (sum of staff over all units and statuses)
    """
    where = _where(result, location, "total staff")
    number = to_decimal(printed, field="printed")
    computed = Decimal(result.filled)
    if number == computed:
        return None
    return Finding(
        where,
        number,
        computed,
        "sum of staff over all units and statuses",
    )


def check_fulfilment(
    result: KepegawaianResult,
    *,
    unit: str,
    printed: NumberLike,
    policy: RoundingPolicy,
    location: str = "",
) -> Finding | None:
    """Compare a printed fulfilment percentage with the computed one, rounded alike.

    Parameters
    ----------
    result : KepegawaianResult
        From :func:`score`.
    unit : str
        The unit whose percentage is printed.
    printed : int, str or Decimal
        The percentage as printed (``"41.891"``).
    policy : RoundingPolicy
        How the report rounds it (the LKIP truncates:
        ``RoundingPolicy(3, Rounding.TRUNCATE)``). A figure printed with
        fewer places (``44``) is compared at its own places.
    location : str, optional
        Where it is printed; the finding's location is
        ``"<location>: fulfilment of <unit>"``.

    Returns
    -------
    sakip.findings.Finding or None
        ``None`` when the printed figure is the computed one under ``policy``.

    Raises
    ------
    InvalidValueError
        An unknown unit, or ``printed`` that is not a number.
    InvalidTypeError
        A ``result`` that is not a :class:`KepegawaianResult`, a ``location``
        that is not a str.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB I (44 %, 41,891 %, 29,729 %).

    Examples
    --------
    >>> result = score([UnitStaff("BNNK Palangka Raya", {"PNS": 31}, required=74)])
    >>> from sakip.numbers import Rounding
    >>> check_fulfilment(result, unit="BNNK Palangka Raya", printed="41.891",
    ...                  policy=RoundingPolicy(3, Rounding.TRUNCATE)) is None
    True
    >>> check_fulfilment(result, unit="BNNK Palangka Raya", printed="41.891",
    ...                  policy=RoundingPolicy(3, Rounding.HALF_UP)).computed
    Decimal('41.892')
    """
    where = _where(result, location, f"fulfilment of {unit}")
    line = result.unit(unit)
    return check_printed(
        where,
        printed=printed,
        computed=line.fulfilment,
        policy=policy,
        rule=f"filled / required x 100 = {line.filled} / {line.required} x 100",
    )
