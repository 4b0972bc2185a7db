"""Anggaran: budget realisation (realisasi anggaran) and reconciliation of budget tables.

An LKIP reports how much of its budget (pagu) a unit spent (realisasi), per
output, per spending type (jenis belanja), per unit and in total, with the
frozen part of the budget (blokir) in its own column, and what remains
(sisa). Amounts are integers of rupiah: no float and no rounding of money
ever enters these formulas; percentages are exact Decimals.

Budget tables in reports often fail to add up. :func:`reconcile` checks
printed tables (parts against totals, sisa against pagu and realisasi,
printed percentages against the amounts, one table against another) and
returns every difference as a :class:`Finding`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs
import numpy as np
import numpy.typing as npt

from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import InexactArrayError, divide_round, scaled_to_decimals
from sakip.findings import Finding
from sakip.numbers import Rounding, check_places, percent, round_to, to_decimal

__all__ = [
    "Agreement",
    "BlokirTreatment",
    "BudgetLine",
    "BudgetResult",
    "PrintedRow",
    "PrintedTable",
    "Realisation",
    "RealisationBatch",
    "realisation",
    "reconcile",
    "rupiah",
    "score",
    "score_batch",
]


class BlokirTreatment(enum.Enum):
    """Whether frozen budget (blokir) counts as realised.

    Attributes
    ----------
    UNSPENT
        Blokir is budget not spent: realisation is ``realisasi`` alone and
        blokir stays in sisa. The default: the SAKTI output table of the
        report computes every row this way (97,04 and 88,96 need it).
    REALISED
        Blokir is counted with realisation (``realisasi + blokir``), as the
        report says of its spending-type table ("blokir dimasukkan dalam
        realisasi").
    """

    UNSPENT = "unspent"
    REALISED = "realised"


def rupiah(value: object, *, field: str = "amount") -> int:
    """An amount of rupiah as an exact ``int``; floats and fractions are refused.

    Parameters
    ----------
    value : int or Decimal
        A whole number of rupiah (a ``Decimal`` must have no fraction).
        numpy integers are accepted.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    int

    Raises
    ------
    InvalidTypeError
        A float (money must not pass through binary floating point), a
        string (read it with :func:`sakip.parse_number` first), a bool or
        anything else.
    InvalidValueError
        A Decimal with a fraction of a rupiah, NaN or infinity.

    Examples
    --------
    >>> rupiah(7988525000), rupiah(Decimal("16524000"))
    (7988525000, 16524000)
    >>> rupiah(Decimal("1.5"), field="pagu")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'pagu' must be a whole number of rupiah: 1.5
    >>> rupiah(1.0, field="pagu")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidTypeError: 'pagu' must be an int or Decimal of rupiah, not a float: 1.0
    """
    if isinstance(value, bool | np.bool_):
        raise InvalidTypeError(field, "must be an int or Decimal of rupiah, not a bool", value)
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        raise InvalidTypeError(field, "must be an int or Decimal of rupiah, not a float", value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValueError(field, "must be a finite number", value)
        if value != value.to_integral_value():
            raise InvalidValueError(field, "must be a whole number of rupiah", value)
        return int(value)
    raise InvalidTypeError(
        field, "must be an int or Decimal of rupiah (use parse_number for text)", value
    )


def _non_negative(value: object, field: str) -> int:
    amount = rupiah(value, field=field)
    if amount < 0:
        raise InvalidValueError(field, "must be >= 0", amount)
    return amount


def _pagu(value: object) -> int:
    return _non_negative(value, "pagu")


def _realisasi(value: object) -> int:
    return _non_negative(value, "realisasi")


def _blokir(value: object) -> int:
    return _non_negative(value, "blokir")


@attrs.frozen
class BudgetLine:
    """One row of a budget table: an output, a spending type or a unit.

    Parameters
    ----------
    label : str
        What the row is (``"Layanan Perkantoran"``, ``"Belanja Pegawai"``).
    pagu : int or Decimal
        Budget (pagu), whole rupiah, ``>= 0``.
    realisasi : int or Decimal
        Realisation, whole rupiah, ``>= 0``.
    blokir : int or Decimal, default 0
        Frozen budget, whole rupiah, ``0 <= blokir <= pagu``.
    code : str, optional
        The row's code (``"3236.EBA.994"``).

    Raises
    ------
    InvalidValueError, InvalidTypeError
        As :func:`rupiah`; negative amounts; blokir above pagu.

    Examples
    --------
    >>> BudgetLine("Lembaga Rehabilitasi yang Operasional", 74153000, 66553000, 7600000).blokir
    7600000
    """

    label: str
    pagu: int = attrs.field(converter=_pagu)
    realisasi: int = attrs.field(converter=_realisasi)
    blokir: int = attrs.field(default=0, converter=_blokir)
    code: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.blokir > self.pagu:
            raise InvalidValueError(f"{self.label}: blokir", "must not exceed pagu", self.blokir)


@attrs.frozen
class Realisation:
    """Realisation of one budget line.

    Attributes
    ----------
    label : str
    pagu, realisasi, blokir : int
        As given, whole rupiah.
    counted : int
        Realisation counted: ``realisasi`` (UNSPENT) or ``realisasi + blokir``
        (REALISED).
    sisa : int
        Remaining budget ``pagu - counted``; negative when more than the pagu
        was realised.
    value : Decimal or None
        ``counted / pagu x 100`` (percent), unrounded; None for a line with
        neither budget nor realisation (printed "-").
    blokir_treatment : BlokirTreatment
    """

    label: str
    pagu: int
    realisasi: int
    blokir: int
    counted: int
    sisa: int
    value: Decimal | None
    blokir_treatment: BlokirTreatment

    @property
    def over_pagu(self) -> bool:
        """Whether the counted realisation exceeds the pagu."""
        return self.counted > self.pagu


def _treatment(value: object) -> BlokirTreatment:
    if not isinstance(value, BlokirTreatment):
        raise InvalidTypeError("blokir_treatment", "must be a BlokirTreatment", value)
    return value


def _realise(line: BudgetLine, treatment: BlokirTreatment) -> Realisation:
    counted = line.realisasi + (line.blokir if treatment is BlokirTreatment.REALISED else 0)
    if line.pagu == 0:
        if counted:
            raise InvalidValueError(
                f"{line.label}: pagu", "must be > 0 when there is realisation", line.pagu
            )
        value = None
    else:
        value = percent(counted, line.pagu, part_field="realisasi", whole_field="pagu")
    return Realisation(
        label=line.label,
        pagu=line.pagu,
        realisasi=line.realisasi,
        blokir=line.blokir,
        counted=counted,
        sisa=line.pagu - counted,
        value=value,
        blokir_treatment=treatment,
    )


def realisation(
    *,
    pagu: object,
    realisasi: object,
    blokir: object = 0,
    blokir_treatment: BlokirTreatment = BlokirTreatment.UNSPENT,
    label: str = "",
) -> Realisation:
    """Realisation percentage and sisa of one budget line.

    Parameters
    ----------
    pagu : int or Decimal
        Budget, whole rupiah, ``>= 0``.
    realisasi : int or Decimal
        Realisation, whole rupiah, ``>= 0``.
    blokir : int or Decimal, default 0
        Frozen budget, whole rupiah, ``<= pagu``.
    blokir_treatment : BlokirTreatment, default UNSPENT
        Whether blokir counts as realised (see :class:`BlokirTreatment`).
    label : str, optional
        Name of the line.

    Returns
    -------
    Realisation

    Raises
    ------
    InvalidTypeError
        A float or text amount (see :func:`rupiah`).
    InvalidValueError
        Negative amounts, blokir above pagu, realisation against a zero pagu.

    Notes
    -----
    ``value = counted / pagu x 100`` and ``sisa = pagu - counted``, with
    ``counted = realisasi`` (+ ``blokir`` when REALISED). A zero pagu with no
    realisation gives ``value = None`` (the report prints "-"); realisation
    against a zero pagu raises. Realisation above the pagu is computed (over
    100 %, negative sisa) and flagged by ``over_pagu``, because reports do
    print it; :func:`reconcile` lists it as a finding.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B (Akuntabilitas Keuangan).

    Examples
    --------
    Output 3257.QDB.001 of the report: pagu 211.832.000, blokir 3.290.000,
    realisasi 205.553.420, printed 97,04 (SAKTI, half up):

    >>> from sakip import round_to, Rounding
    >>> line = realisation(pagu=211832000, realisasi=205553420, blokir=3290000)
    >>> round_to(line.value, 2, Rounding.HALF_UP), line.sisa
    (Decimal('97.04'), 6278580)
    >>> counted = realisation(
    ...     pagu=211832000, realisasi=205553420, blokir=3290000,
    ...     blokir_treatment=BlokirTreatment.REALISED,
    ... )
    >>> round_to(counted.value, 2, Rounding.HALF_UP), counted.sisa
    (Decimal('98.59'), 2988580)
    """
    line = BudgetLine(label, pagu, realisasi, blokir)
    return _realise(line, _treatment(blokir_treatment))


@attrs.frozen
class BudgetResult:
    """Realisation of a budget table: every line and the total of the lines.

    Attributes
    ----------
    value : Decimal or None
        Realisation percentage of the total (``total.value``).
    lines : tuple of Realisation
        One per line, in the given order.
    total : Realisation
        The sums of pagu, realisasi and blokir over the lines.
    """

    value: Decimal | None
    lines: tuple[Realisation, ...]
    total: Realisation


def score(
    lines: Iterable[BudgetLine],
    *,
    blokir_treatment: BlokirTreatment = BlokirTreatment.UNSPENT,
    total_label: str = "Jumlah",
) -> BudgetResult:
    """Realisation per line and in total for a budget table.

    Parameters
    ----------
    lines : iterable of BudgetLine
        The rows: outputs, spending types or units (at least one).
    blokir_treatment : BlokirTreatment, default UNSPENT
        Whether blokir counts as realised (see :class:`BlokirTreatment`).
    total_label : str, default "Jumlah"
        Label of the total line.

    Returns
    -------
    BudgetResult

    Raises
    ------
    InvalidValueError
        No lines; a line with realisation against a zero pagu.
    InvalidTypeError
        A row that is not a :class:`BudgetLine`.

    Notes
    -----
    Each line as :func:`realisation`; the total is the realisation of the
    summed amounts (not a mean of percentages). Sums are exact integers.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B (per output, per jenis
    belanja, per satker).

    Examples
    --------
    The report's units (satker) table, total truncated as printed (97,03):

    >>> from sakip import round_to, Rounding
    >>> result = score([
    ...     BudgetLine("BNN Provinsi Kalimantan Tengah", 7988525000, 7675626440),
    ...     BudgetLine("BNNK Palangka Raya", 1746607000, 1728106059),
    ...     BudgetLine("BNNK Kotawaringin Barat", 1611961000, 1607121464),
    ... ])
    >>> result.total.pagu, result.total.realisasi
    (11347093000, 11010853963)
    >>> round_to(result.value, 2, Rounding.TRUNCATE)
    Decimal('97.03')
    """
    treatment = _treatment(blokir_treatment)
    rows = tuple(lines)
    if not rows:
        raise InvalidValueError("lines", "must have at least one line", rows)
    for row in rows:
        if not isinstance(row, BudgetLine):
            raise InvalidTypeError("lines", "must hold BudgetLine rows", row)
    results = tuple(_realise(row, treatment) for row in rows)
    total_line = BudgetLine(
        total_label,
        sum(row.pagu for row in rows),
        sum(row.realisasi for row in rows),
        sum(row.blokir for row in rows),
    )
    total = _realise(total_line, treatment)
    return BudgetResult(value=total.value, lines=results, total=total)


Int64Array = npt.NDArray[np.int64]

_INT64_MAX = 2**63 - 1


@attrs.frozen(eq=False)
class RealisationBatch:
    """Realisation of many lines as integer arrays.

    Attributes
    ----------
    value : numpy.ndarray of int64
        Percentages rounded to ``places`` with ``rounding``, x ``10**places``.
    places : int
    rounding : Rounding
    counted : numpy.ndarray of int64
        Realisation counted (rupiah).
    sisa : numpy.ndarray of int64
        ``pagu - counted`` (rupiah).
    """

    value: Int64Array
    places: int
    rounding: Rounding
    counted: Int64Array
    sisa: Int64Array

    def values(self) -> list[Decimal]:
        """The rounded percentages as Decimals.

        Examples
        --------
        >>> score_batch(pagu=[211832000], realisasi=[205553420],
        ...             rounding=Rounding.HALF_UP).values()
        [Decimal('97.04')]
        """
        return scaled_to_decimals(self.value, self.places)


def _int_array(values: npt.ArrayLike, field: str) -> Int64Array:
    array = np.asarray(values)
    if array.dtype.kind == "f":
        raise InvalidTypeError(field, "must be integers of rupiah, not floats", array.dtype)
    if array.dtype == object:
        amounts = [rupiah(item, field=field) for item in array.ravel()]
        for amount in amounts:
            if abs(amount) > _INT64_MAX:
                raise InexactArrayError(field, "must fit in int64 (use the scalar path)", amount)
        array = np.array(amounts, dtype=np.int64).reshape(array.shape)
    if array.dtype.kind not in "iu":
        raise InvalidTypeError(field, "must be an integer array of rupiah", array.dtype)
    if array.size and int(array.min()) < 0:
        raise InvalidValueError(field, "must be >= 0", int(array.min()))
    result: Int64Array = array.astype(np.int64, copy=False)
    return result


def score_batch(
    *,
    pagu: npt.ArrayLike,
    realisasi: npt.ArrayLike,
    blokir: npt.ArrayLike | None = None,
    blokir_treatment: BlokirTreatment = BlokirTreatment.UNSPENT,
    places: int = 2,
    rounding: Rounding,
) -> RealisationBatch:
    """Realisation percentages of many lines, exactly, from integer arrays.

    Parameters
    ----------
    pagu, realisasi : array_like of int
        Whole rupiah (integer arrays; floats are refused), broadcast together.
    blokir : array_like of int, optional
        Frozen budget; zeros by default.
    blokir_treatment : BlokirTreatment, default UNSPENT
    places : int, default 2
        Decimal places of the percentages.
    rounding : Rounding
        SAKTI rounds half up; the LKIP's own totals truncate.

    Returns
    -------
    RealisationBatch
        Element for element ``round_to(realisation(...).value, places, rounding)``.

    Raises
    ------
    InvalidTypeError
        Float or non-integer arrays.
    InvalidValueError
        Negative amounts, blokir above pagu, a zero pagu (the scalar path
        returns None for 0 / 0; the batch path has no such cell and raises).
    InexactArrayError
        Amounts too large for ``int64`` once scaled: ``2 x counted x
        10**(places + 2)`` must fit, so about 4,6 x 10**14 rupiah per line at
        two places (use the scalar path beyond).

    Notes
    -----
    ``counted / pagu`` is rounded to ``places + 2`` decimals with
    :func:`~sakip.exact_array.divide_round`, which is the percentage rounded
    to ``places``: no multiplication by 100 can overflow first.

    Examples
    --------
    >>> batch = score_batch(
    ...     pagu=[4281671000, 211832000, 39825000],
    ...     realisasi=[4001008445, 205553420, 35430000],
    ...     blokir=[0, 3290000, 384000],
    ...     rounding=Rounding.HALF_UP,
    ... )
    >>> batch.values()
    [Decimal('93.45'), Decimal('97.04'), Decimal('88.96')]
    """
    treatment = _treatment(blokir_treatment)
    if not isinstance(rounding, Rounding):
        raise InvalidTypeError("rounding", "must be a Rounding", rounding)
    check_places(places)
    budget = _int_array(pagu, "pagu")
    spent = _int_array(realisasi, "realisasi")
    frozen = np.zeros((), dtype=np.int64) if blokir is None else _int_array(blokir, "blokir")
    budget, spent, frozen = np.broadcast_arrays(budget, spent, frozen)
    if (frozen > budget).any():
        raise InvalidValueError("blokir", "must not exceed pagu", int(frozen[frozen > budget][0]))
    if (budget == 0).any():
        raise InvalidValueError("pagu", "must be > 0 in the batch path", 0)
    realised = treatment is BlokirTreatment.REALISED
    if realised and spent.size and int(spent.max()) > _INT64_MAX - int(frozen.max()):
        # realisasi + blokir must not wrap around in int64.
        raise InexactArrayError(
            "realisasi", "+ blokir must fit in int64 (use the scalar path)", int(spent.max())
        )
    counted = spent + frozen if realised else spent.copy()
    value = divide_round(counted, budget, places + 2, rounding)
    return RealisationBatch(
        value=value, places=places, rounding=rounding, counted=counted, sisa=budget - counted
    )


# --- reconciliation ------------------------------------------------------------------------


def _optional(value: object, field: str) -> int | None:
    return None if value is None else rupiah(value, field=field)


def _opt_pagu(value: object) -> int | None:
    return _optional(value, "pagu")


def _opt_realisasi(value: object) -> int | None:
    return _optional(value, "realisasi")


def _opt_blokir(value: object) -> int | None:
    return _optional(value, "blokir")


def _opt_sisa(value: object) -> int | None:
    return _optional(value, "sisa")


def _printed_percentage(value: object) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, float):
        raise InvalidTypeError(
            "percentage", "must be a str or Decimal as printed (a float loses '100.00')", value
        )
    return to_decimal(value, field="percentage")


@attrs.frozen
class PrintedRow:
    """A row of a budget table as printed; None marks an empty cell or "-".

    Parameters
    ----------
    label : str
    pagu, realisasi, blokir, sisa : int or Decimal, optional
        Whole rupiah as printed.
    percentage : str or Decimal, optional
        As printed, with its places (``"100.00"``, ``"96.095"``): the places
        decide the rounding checked.

    Raises
    ------
    InvalidValueError
        A percentage or sisa without both pagu and realisasi.

    Examples
    --------
    >>> PrintedRow("Belanja Pegawai", pagu=4218311000, realisasi=3770214000,
    ...            sisa=281590276, percentage="93.32").percentage
    Decimal('93.32')
    """

    label: str
    pagu: int | None = attrs.field(default=None, converter=_opt_pagu)
    realisasi: int | None = attrs.field(default=None, converter=_opt_realisasi)
    blokir: int | None = attrs.field(default=None, converter=_opt_blokir)
    sisa: int | None = attrs.field(default=None, converter=_opt_sisa)
    percentage: Decimal | None = attrs.field(default=None, converter=_printed_percentage)

    def __attrs_post_init__(self) -> None:
        needs = (("percentage", self.percentage), ("sisa", self.sisa))
        for name, cell in needs:
            if cell is not None and (self.pagu is None or self.realisasi is None):
                raise InvalidValueError(
                    f"{self.label}: {name}", "can only be checked with pagu and realisasi", cell
                )


def _rows(rows: Iterable[PrintedRow]) -> tuple[PrintedRow, ...]:
    return tuple(rows)


@attrs.frozen
class PrintedTable:
    """A printed budget table: its rows, its printed total and its rounding.

    Parameters
    ----------
    location : str
        Where it is printed (``"BAB III B, tabel jenis belanja"``).
    rows : sequence of PrintedRow
        The parts (may be empty for a figure stated in the text).
    total : PrintedRow, optional
        The printed total row.
    rounding : Rounding
        How the table's percentages were rounded (SAKTI: half up).
    total_rounding : Rounding, optional
        How the total's percentage was rounded, when the table mixes them.
    blokir_treatment : BlokirTreatment, default UNSPENT
        How the table counts blokir.

    Raises
    ------
    InvalidValueError
        Neither rows nor a total.
    """

    location: str
    rows: tuple[PrintedRow, ...] = attrs.field(converter=_rows)
    rounding: Rounding
    total: PrintedRow | None = None
    total_rounding: Rounding | None = None
    blokir_treatment: BlokirTreatment = BlokirTreatment.UNSPENT

    def __attrs_post_init__(self) -> None:
        if not self.rows and self.total is None:
            raise InvalidValueError(self.location, "must have rows or a total", None)
        for rounding in (self.rounding, self.total_rounding):
            if rounding is not None and not isinstance(rounding, Rounding):
                raise InvalidTypeError("rounding", "must be a Rounding", rounding)
        _treatment(self.blokir_treatment)


def _figure(value: object) -> int | Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return to_decimal(value, field="figure")


@attrs.frozen
class Agreement:
    """Two printed figures that must be equal (the same amount in two tables).

    Parameters
    ----------
    location : str
        Where the first figure is printed.
    printed : int, str or Decimal
        The first figure.
    other_location : str
        Where the second is printed.
    other : int, str or Decimal
        The second figure.

    Examples
    --------
    >>> Agreement("tabel output / Jumlah / realisasi", 7676554161,
    ...           "teks BAB III B / realisasi", 7675626440).other
    7675626440
    """

    location: str
    printed: int | Decimal = attrs.field(converter=_figure)
    other_location: str
    other: int | Decimal = attrs.field(converter=_figure)


def _finding(location: str, rule: str, printed: object, computed: object) -> Finding:
    return Finding(location=location, printed=printed, computed=computed, rule=rule)


_COLUMNS = ("pagu", "blokir", "realisasi", "sisa")


def _check_row(
    table: PrintedTable, row: PrintedRow, rounding: Rounding, findings: list[Finding]
) -> None:
    where = f"{table.location} / {row.label}"
    if row.pagu is None or row.realisasi is None:
        return
    blokir = row.blokir or 0
    counted = row.realisasi + (blokir if table.blokir_treatment is BlokirTreatment.REALISED else 0)
    if counted > row.pagu:
        findings.append(
            _finding(f"{where} / realisasi", "realisation must not exceed pagu", counted, row.pagu)
        )
    if row.sisa is not None and row.sisa != row.pagu - counted:
        findings.append(
            _finding(
                f"{where} / sisa", "sisa must equal pagu - realisasi", row.sisa, row.pagu - counted
            )
        )
    if row.percentage is not None:
        if row.pagu == 0:
            findings.append(
                _finding(
                    f"{where} / %", "no percentage exists for a zero pagu", row.percentage, None
                )
            )
            return
        exponent = row.percentage.as_tuple().exponent
        assert isinstance(exponent, int)
        places = max(0, -exponent)
        computed = round_to(percent(counted, row.pagu), places, rounding)
        if computed != row.percentage:
            findings.append(
                _finding(
                    f"{where} / %",
                    f"percentage must equal realisasi / pagu x 100 ({rounding.value}, "
                    f"{places} places)",
                    row.percentage,
                    computed,
                )
            )


def reconcile(
    tables: Iterable[PrintedTable] = (), agreements: Iterable[Agreement] = ()
) -> tuple[Finding, ...]:
    """Every difference within and between printed budget tables.

    Parameters
    ----------
    tables : iterable of PrintedTable
        Tables (or text statements, as a table with only a total) to check.
    agreements : iterable of Agreement
        Figures of two tables that must be equal.

    Returns
    -------
    tuple of Finding
        In order: per table, each row then the total row (realisation above
        pagu, sisa, percentage), then the sums of the parts against the
        printed total (pagu, blokir, realisasi, sisa); then the agreements.
        Empty when everything reconciles.

    Raises
    ------
    InvalidTypeError
        A table that is not a :class:`PrintedTable` or an agreement that is
        not an :class:`Agreement`.

    Notes
    -----
    An empty cell (None, the report's "-") counts as 0 in a sum; a column
    that no row prints is not summed. A row's percentage is recomputed from
    its own printed amounts with the table's rounding, to the printed places;
    the total's percentage from the printed total amounts (the difference
    between the printed total and the sum of the parts is a finding of its
    own). ``sisa`` must equal ``pagu - realisasi`` (minus blokir when the
    table counts blokir as realised).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B and BAB IV B.

    Examples
    --------
    The report's spending-type table (BAB III B): its parts do not add up.

    >>> table = PrintedTable(
    ...     "BAB III B, jenis belanja",
    ...     [
    ...         PrintedRow("Belanja Pegawai", pagu=4218311000, realisasi=3770214000),
    ...         PrintedRow("Belanja Barang", pagu=3642614000, realisasi=3738905716),
    ...     ],
    ...     total=PrintedRow("Jumlah", pagu=7988525000, realisasi=7675626440),
    ...     rounding=Rounding.HALF_UP,
    ... )
    >>> for finding in reconcile([table]):
    ...     print(finding.location, finding.printed, finding.computed)
    BAB III B, jenis belanja / Belanja Barang / realisasi 3738905716 3642614000
    BAB III B, jenis belanja / Jumlah / pagu 7988525000 7860925000
    BAB III B, jenis belanja / Jumlah / realisasi 7675626440 7509119716
    """
    findings: list[Finding] = []
    for table in tables:
        if not isinstance(table, PrintedTable):
            raise InvalidTypeError("tables", "must hold PrintedTable objects", table)
        for row in table.rows:
            _check_row(table, row, table.rounding, findings)
        total = table.total
        if total is None:
            continue
        _check_row(table, total, table.total_rounding or table.rounding, findings)
        if not table.rows:
            continue
        for column in _COLUMNS:
            printed = getattr(total, column)
            cells = [getattr(row, column) for row in table.rows]
            if printed is None or all(cell is None for cell in cells):
                continue
            computed = sum(cell or 0 for cell in cells)
            if computed != printed:
                findings.append(
                    _finding(
                        f"{table.location} / {total.label} / {column}",
                        "total must equal the sum of the rows",
                        printed,
                        computed,
                    )
                )
    for agreement in agreements:
        if not isinstance(agreement, Agreement):
            raise InvalidTypeError("agreements", "must hold Agreement objects", agreement)
        if agreement.printed != agreement.other:
            findings.append(
                _finding(
                    agreement.location,
                    f"must equal {agreement.other_location}",
                    agreement.printed,
                    agreement.other,
                )
            )
    return tuple(findings)
