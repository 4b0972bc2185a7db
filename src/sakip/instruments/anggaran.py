"""Anggaran: budget realization (realisasi anggaran) and reconciliation of budget tables.

An LKIP reports how much of its budget (pagu) a unit spent (realisasi, the
realization), per output, per spending type (jenis belanja), per unit and in
total, with the frozen part of the budget (blokir) in its own column, and
what remains (sisa). Amounts are exact rupiah: ``int`` for whole rupiah (as
LKIP and SAKTI tables print them), ``Decimal`` with two places for amounts
with sen (as regional APBD tables print ``1.234.567.354,53``); no float and
no rounding of money ever enters these formulas; percentages are exact
Decimals.

:func:`score` gives the realization of a budget table (every line and the
total, :class:`AnggaranResult`); :func:`line_realization` that of one line
(:class:`BudgetRealization`). Budget tables in reports often fail to add up:
:func:`reconcile` checks printed tables (parts against totals, sisa against
pagu and realization, printed percentages against the amounts, one table
against another) and returns every difference as a :class:`Finding`.

Budget tables are scored a few at a time: many tables are scored with the
generic loop :func:`sakip.batch.score_each` over :func:`score`, which returns
the shared :class:`~sakip.batch.ScoreBatch` (no categories: realization has
no band scheme).

Examples
--------
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> tables = [
...     {"lines": [BudgetLine("Layanan Perkantoran", pagu=4281671000, realization=4001008445)]},
...     {"lines": [BudgetLine("Layanan SKHPN", pagu=127600000, realization=127600000)]},
... ]
>>> score_each(score, tables, policy=RoundingPolicy(2, Rounding.HALF_UP)).decimals()
[Decimal('93.45'), Decimal('100.00')]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal

import attrs
import numpy as np

from sakip._result import RoundedValue, rounded_under
from sakip.bands import Band
from sakip.coerce import to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.findings import Finding
from sakip.instruments._money import Money, whole_or_sen
from sakip.instruments._money import minus as _minus
from sakip.instruments._money import plus as _plus
from sakip.instruments._money import total as _total
from sakip.numbers import NumberLike, Rounding, RoundingPolicy, percent, round_to, to_decimal

__all__ = [
    "Agreement",
    "AnggaranResult",
    "BlokirTreatment",
    "BudgetLine",
    "BudgetRealization",
    "PrintedRow",
    "PrintedTable",
    "line_realization",
    "reconcile",
    "rupiah",
    "score",
]

#: What an amount of rupiah may be given as (see :func:`rupiah`).
Amount = int | Decimal | np.integer


class BlokirTreatment(enum.Enum):
    """Whether frozen budget (blokir) counts as realized.

    Every ``blokir_treatment=`` takes the member or its value (``"unspent"``,
    ``"realized"``).

    Attributes
    ----------
    UNSPENT
        Blokir is budget not spent: the realization counted is
        ``realization`` alone and blokir stays in sisa. The default: the
        SAKTI output table of the report computes every row this way (97,04
        and 88,96 need it).
    REALIZED
        Blokir is counted with the realization (``realization + blokir``),
        as the report says of its spending-type table ("blokir dimasukkan
        dalam realisasi").

    Examples
    --------
    >>> BlokirTreatment("realized")
    <BlokirTreatment.REALIZED: 'realized'>
    """

    UNSPENT = "unspent"
    REALIZED = "realized"


def rupiah(value: Amount, *, field: str = "amount") -> Money:
    """An amount of rupiah, exactly: whole rupiah as ``int``, sen as a two-place ``Decimal``.

    Parameters
    ----------
    value : int or Decimal
        A number of rupiah with at most two decimals (sen, 1/100 rupiah):
        ``1234567354`` or ``Decimal("1234567354.53")``; read printed text
        (``"1.234.567.354,53"``) with :func:`sakip.parse_number` first.
        numpy integers are accepted.
    field : str, optional
        Name used in error messages.

    Returns
    -------
    int or Decimal
        An ``int`` when the amount is whole (``Decimal("16524000.00")``
        too, so whole-rupiah tables are computed in integers exactly as
        before); otherwise a ``Decimal`` with exactly two places
        (``Decimal("1.5")`` gives ``Decimal("1.50")``), built without any
        decimal context.

    Raises
    ------
    InvalidTypeError
        A float (money must not pass through binary floating point), a
        string (read it with :func:`sakip.parse_number` first), a bool or
        anything else.
    InvalidValueError
        A Decimal with more than two decimals (a fraction of a sen:
        trailing zeros do not count), NaN or infinity.

    References
    ----------
    UU 7/2011 on the currency: 1 rupiah = 100 sen; APBD realization tables
    (Peraturan Daerah on the pertanggungjawaban pelaksanaan APBD) print
    amounts with two decimals.

    Examples
    --------
    >>> rupiah(7988525000), rupiah(Decimal("16524000"))
    (7988525000, 16524000)
    >>> from sakip import parse_number
    >>> rupiah(parse_number("1.234.567.354,53"), field="pagu")
    Decimal('1234567354.53')
    >>> rupiah(Decimal("1.505"), field="pagu")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'pagu' must have at most two decimals (sen) of rupiah: 1.505
    >>> rupiah(1.0, field="pagu")  # type: ignore[arg-type]
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
        return whole_or_sen(value, field=field)
    raise InvalidTypeError(
        field, "must be an int or Decimal of rupiah (use parse_number for text)", value
    )


def _amount(value: Amount, *, field: str) -> Money:
    """A non-negative amount of rupiah (pagu, realization, blokir)."""
    amount = rupiah(value, field=field)
    if amount < 0:
        raise InvalidValueError(field, "must be >= 0", amount)
    return amount


# attrs converters: mypy's attrs plugin takes only named functions, so each binds the
# shared amount check (or sakip.coerce) to its field's name.
def _pagu(value: Amount) -> Money:
    return _amount(value, field="pagu")


def _realization(value: Amount) -> Money:
    return _amount(value, field="realization")


def _blokir(value: Amount) -> Money:
    return _amount(value, field="blokir")


def _treatment(value: BlokirTreatment | str) -> BlokirTreatment:
    return to_enum(value, BlokirTreatment, field="blokir_treatment")


@attrs.frozen
class BudgetLine:
    """One row of a budget table: an output, a spending type or a unit.

    Parameters
    ----------
    label : str
        What the row is (``"Layanan Perkantoran"``, ``"Belanja Pegawai"``).
    pagu : int or Decimal, keyword-only
        Budget (pagu), rupiah with at most two decimals (sen), ``>= 0``
        (:func:`rupiah`: whole amounts are kept as ``int``).
    realization : int or Decimal, keyword-only
        Realization (realisasi), rupiah with at most two decimals, ``>= 0``.
    blokir : int or Decimal, default 0, keyword-only
        Frozen budget, rupiah with at most two decimals,
        ``0 <= blokir <= pagu``.
    code : str, optional, keyword-only
        The row's code (``"3236.EBA.994"``).

    Raises
    ------
    InvalidValueError, InvalidTypeError
        As :func:`rupiah`; negative amounts; blokir above pagu; a label that
        is not a str.

    Examples
    --------
    >>> BudgetLine("Lembaga Rehabilitasi yang Operasional",
    ...            pagu=74153000, realization=66553000, blokir=7600000).blokir
    7600000
    """

    label: str
    pagu: Money = attrs.field(kw_only=True, converter=_pagu)
    realization: Money = attrs.field(kw_only=True, converter=_realization)
    blokir: Money = attrs.field(default=0, kw_only=True, converter=_blokir)
    code: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.blokir > self.pagu:
            raise InvalidValueError(f"{self.label}: blokir", "must not exceed pagu", self.blokir)


@attrs.frozen
class BudgetRealization:
    """The realization of one budget line.

    Attributes
    ----------
    label : str
    pagu, realization, blokir : int or Decimal
        As given (:func:`rupiah`): ``int`` when whole, a two-place
        ``Decimal`` with sen.
    counted : int or Decimal
        Realization counted: ``realization`` (UNSPENT) or ``realization +
        blokir`` (REALIZED).
    sisa : int or Decimal
        Remaining budget ``pagu - counted``; negative when more than the pagu
        was realized.
    value : Decimal or None
        ``counted / pagu x 100`` (percent), unrounded; None for a line with
        neither budget nor realization (printed "-").
    blokir_treatment : BlokirTreatment

    Examples
    --------
    >>> line = line_realization(pagu=3642614000, realization=3738905716)
    >>> line.over_pagu, line.sisa
    (True, -96291716)
    """

    label: str
    pagu: Money
    realization: Money
    blokir: Money
    counted: Money
    sisa: Money
    value: Decimal | None
    blokir_treatment: BlokirTreatment

    @property
    def over_pagu(self) -> bool:
        """Whether the counted realization exceeds the pagu."""
        return self.counted > self.pagu

    def rounded(self, policy: RoundingPolicy) -> Decimal | None:
        """``value`` under ``policy`` (None for a line without budget or realization).

        Examples
        --------
        >>> line_realization(pagu=211832000, realization=205553420).rounded(
        ...     RoundingPolicy(2, Rounding.HALF_UP))
        Decimal('97.04')
        """
        return rounded_under(self.value, policy)


def _realize(line: BudgetLine, treatment: BlokirTreatment) -> BudgetRealization:
    added = line.blokir if treatment is BlokirTreatment.REALIZED else 0
    counted = _plus(line.realization, added, field="realization")
    if line.pagu == 0:
        if counted:
            raise InvalidValueError(
                f"{line.label}: pagu", "must be > 0 when there is realisation", line.pagu
            )
        value = None
    else:
        value = percent(counted, line.pagu, part_field="realization", whole_field="pagu")
    return BudgetRealization(
        label=line.label,
        pagu=line.pagu,
        realization=line.realization,
        blokir=line.blokir,
        counted=counted,
        sisa=_minus(line.pagu, counted, field="sisa"),
        value=value,
        blokir_treatment=treatment,
    )


def line_realization(
    *,
    pagu: Amount,
    realization: Amount,
    blokir: Amount = 0,
    blokir_treatment: BlokirTreatment | str = BlokirTreatment.UNSPENT,
    label: str = "",
) -> BudgetRealization:
    """Realization percentage and sisa of one budget line.

    Parameters
    ----------
    pagu, realization, blokir : int or Decimal
        As in :class:`BudgetLine` (``blokir`` 0 by default).
    blokir_treatment : BlokirTreatment or its value, default UNSPENT
        Whether blokir counts as realized (see :class:`BlokirTreatment`):
        ``BlokirTreatment.REALIZED`` or ``"realized"``.
    label : str, optional
        Name of the line.

    Returns
    -------
    BudgetRealization

    Raises
    ------
    InvalidTypeError
        A float or text amount (see :func:`rupiah`).
    InvalidValueError
        Negative amounts, an amount with more than two decimals, blokir
        above pagu, realization against a zero pagu, a
        ``blokir_treatment`` that is none of the values.

    Notes
    -----
    ``value = counted / pagu x 100`` and ``sisa = pagu - counted``, with
    ``counted = realization`` (+ ``blokir`` when REALIZED). A zero pagu with
    no realization gives ``value = None`` (the report prints "-"); a
    realization against a zero pagu raises. A realization above the pagu is
    computed (over 100 %, negative sisa) and flagged by ``over_pagu``,
    because reports do print it; :func:`reconcile` lists it as a finding.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B (Akuntabilitas Keuangan).

    Examples
    --------
    Output 3257.QDB.001 of the report: pagu 211.832.000, blokir 3.290.000,
    realisasi 205.553.420, printed 97,04 (SAKTI, half up):

    >>> from sakip import round_to, Rounding
    >>> line = line_realization(pagu=211832000, realization=205553420, blokir=3290000)
    >>> round_to(line.value, 2, Rounding.HALF_UP), line.sisa
    (Decimal('97.04'), 6278580)
    >>> counted = line_realization(
    ...     pagu=211832000, realization=205553420, blokir=3290000, blokir_treatment="realized"
    ... )
    >>> round_to(counted.value, 2, Rounding.HALF_UP), counted.sisa
    (Decimal('98.59'), 2988580)

    An APBD line with sen (read with :func:`sakip.parse_number`):

    >>> from sakip import parse_number
    >>> apbd = line_realization(pagu=parse_number("1.500.000.000,00"),
    ...                         realization=parse_number("1.234.567.354,53"))
    >>> apbd.pagu, apbd.realization, apbd.sisa
    (1500000000, Decimal('1234567354.53'), Decimal('265432645.47'))
    >>> round_to(apbd.value, 2, Rounding.HALF_UP)
    Decimal('82.30')
    """
    treatment = _treatment(blokir_treatment)
    line = BudgetLine(label, pagu=pagu, realization=realization, blokir=blokir)
    return _realize(line, treatment)


@attrs.frozen
class AnggaranResult(RoundedValue):
    """The realization of a budget table: every line and the total of the lines.

    Attributes
    ----------
    value : Decimal
        Realization percentage of the total (``total.value``), unrounded.
    lines : tuple of BudgetRealization
        One per line, in the given order.
    total : BudgetRealization
        The sums of pagu, realization and blokir over the lines.
    category : None
        Always None: realization has no band scheme.

    ``rounded(policy)``: SAKTI rounds half up, the LKIP's totals truncate.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score([BudgetLine("Belanja Pegawai", pagu=3, realization=2)])
    >>> result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)), result.category
    (Decimal('66.66'), None)
    """

    value: Decimal
    lines: tuple[BudgetRealization, ...]
    total: BudgetRealization
    category: Band | None = None


def score(
    lines: Iterable[BudgetLine],
    *,
    blokir_treatment: BlokirTreatment | str = BlokirTreatment.UNSPENT,
    total_label: str = "Jumlah",
) -> AnggaranResult:
    """Realization per line and in total for a budget table.

    Parameters
    ----------
    lines : sequence of BudgetLine
        The rows: outputs, spending types or units (at least one; a ``str``
        is refused).
    blokir_treatment : BlokirTreatment or its value, default UNSPENT
        As in :func:`line_realization`.
    total_label : str, default "Jumlah"
        Label of the total line.

    Returns
    -------
    AnggaranResult

    Raises
    ------
    InvalidValueError
        No lines; a line with realization against a zero pagu; a table whose
        total pagu is 0 (it has no realization percentage); a
        ``blokir_treatment`` that is none of the values.
    InvalidTypeError
        A row that is not a :class:`BudgetLine`, ``lines`` given as a ``str``
        or a scalar.

    Notes
    -----
    Each line as :func:`line_realization`; the total is the realization of
    the summed amounts (not a mean of percentages). Sums are exact: integers
    for whole rupiah, exact two-place Decimals when an amount has sen (a
    total that comes out whole is an ``int``).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B (per output, per jenis
    belanja, per satker).

    Examples
    --------
    The report's units (satker) table, total truncated as printed (97,03):

    >>> from sakip import round_to, Rounding
    >>> result = score([
    ...     BudgetLine("BNN Provinsi Kalimantan Tengah", pagu=7988525000, realization=7675626440),
    ...     BudgetLine("BNNK Palangka Raya", pagu=1746607000, realization=1728106059),
    ...     BudgetLine("BNNK Kotawaringin Barat", pagu=1611961000, realization=1607121464),
    ... ])
    >>> result.total.pagu, result.total.realization
    (11347093000, 11010853963)
    >>> round_to(result.value, 2, Rounding.TRUNCATE)
    Decimal('97.03')
    """
    treatment = _treatment(blokir_treatment)
    rows = to_sequence(lines, field="lines")
    if not rows:
        raise InvalidValueError("lines", "must have at least one line", rows)
    for row in rows:
        if not isinstance(row, BudgetLine):
            raise InvalidTypeError("lines", "must hold BudgetLine rows", row)
    results = tuple(_realize(row, treatment) for row in rows)
    total_line = BudgetLine(
        total_label,
        pagu=_total((row.pagu for row in rows), field="pagu"),
        realization=_total((row.realization for row in rows), field="realization"),
        blokir=_total((row.blokir for row in rows), field="blokir"),
    )
    total = _realize(total_line, treatment)
    if total.value is None:
        raise InvalidValueError(
            "lines", "must have a total pagu > 0 (no realization percentage without budget)", 0
        )
    return AnggaranResult(value=total.value, lines=results, total=total)


# --- reconciliation ------------------------------------------------------------------------


def _cell(value: Amount | None, *, field: str) -> Money | None:
    """A printed amount cell: rupiah (sen allowed, :func:`rupiah`), or None for an empty cell."""
    return None if value is None else rupiah(value, field=field)


def _printed_pagu(value: Amount | None) -> Money | None:
    return _cell(value, field="pagu")


def _printed_realization(value: Amount | None) -> Money | None:
    return _cell(value, field="realization")


def _printed_blokir(value: Amount | None) -> Money | None:
    return _cell(value, field="blokir")


def _printed_sisa(value: Amount | None) -> Money | None:
    return _cell(value, field="sisa")


def _printed_percentage(value: str | Decimal | None) -> Decimal | None:
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
    pagu, realization, blokir, sisa : int or Decimal, optional, keyword-only
        Rupiah as printed, with at most two decimals (sen; read printed text
        with :func:`sakip.parse_number`); ``realization`` is the Realisasi
        column.
    percentage : str or Decimal, optional, keyword-only
        As printed, with its places (``"100.00"``, ``"96.095"``): the places
        decide the rounding checked.

    Raises
    ------
    InvalidValueError
        A percentage or sisa without both pagu and realization.

    Examples
    --------
    >>> PrintedRow("Belanja Pegawai", pagu=4218311000, realization=3770214000,
    ...            sisa=281590276, percentage="93.32").percentage
    Decimal('93.32')
    """

    label: str
    pagu: Money | None = attrs.field(default=None, kw_only=True, converter=_printed_pagu)
    realization: Money | None = attrs.field(
        default=None, kw_only=True, converter=_printed_realization
    )
    blokir: Money | None = attrs.field(default=None, kw_only=True, converter=_printed_blokir)
    sisa: Money | None = attrs.field(default=None, kw_only=True, converter=_printed_sisa)
    percentage: Decimal | None = attrs.field(
        default=None, kw_only=True, converter=_printed_percentage
    )

    def __attrs_post_init__(self) -> None:
        needs = (("percentage", self.percentage), ("sisa", self.sisa))
        for name, cell in needs:
            if cell is not None and (self.pagu is None or self.realization is None):
                raise InvalidValueError(
                    f"{self.label}: {name}", "can only be checked with pagu and realization", cell
                )


def _rows(rows: Iterable[PrintedRow]) -> tuple[PrintedRow, ...]:
    items = to_sequence(rows, field="rows")
    for row in items:
        if not isinstance(row, PrintedRow):
            raise InvalidTypeError("rows", "must hold PrintedRow objects", row)
    return items


def _total_row(value: PrintedRow | None) -> PrintedRow | None:
    if value is not None and not isinstance(value, PrintedRow):
        raise InvalidTypeError("total", "must be a PrintedRow", value)
    return value


def _rounding(value: Rounding | str) -> Rounding:
    return to_enum(value, Rounding, field="rounding")


def _total_rounding(value: Rounding | str | None) -> Rounding | None:
    return None if value is None else to_enum(value, Rounding, field="total_rounding")


@attrs.frozen
class PrintedTable:
    """A printed budget table: its rows, its printed total and its rounding.

    Parameters
    ----------
    location : str
        Where it is printed (``"BAB III B, tabel jenis belanja"``).
    rows : sequence of PrintedRow
        The parts (may be empty for a figure stated in the text; a ``str`` is
        refused).
    rounding : Rounding or its value
        How the table's percentages were rounded (SAKTI: half up).
    total : PrintedRow, optional
        The printed total row.
    total_rounding : Rounding or its value, optional
        How the total's percentage was rounded, when the table mixes them.
    blokir_treatment : BlokirTreatment or its value, default UNSPENT
        How the table counts blokir.

    Raises
    ------
    InvalidValueError
        Neither rows nor a total; a rounding or blokir treatment that is
        none of the enum's values.
    InvalidTypeError
        A row or total that is not a :class:`PrintedRow`.

    Examples
    --------
    >>> PrintedTable("BAB III B, satker", [PrintedRow("BNNK Palangka Raya")], "half_up").rounding
    <Rounding.HALF_UP: 'half_up'>
    """

    location: str
    rows: tuple[PrintedRow, ...] = attrs.field(converter=_rows)
    rounding: Rounding = attrs.field(converter=_rounding)
    total: PrintedRow | None = attrs.field(default=None, converter=_total_row)
    total_rounding: Rounding | None = attrs.field(
        default=None,
        converter=_total_rounding,
    )
    blokir_treatment: BlokirTreatment = attrs.field(
        default=BlokirTreatment.UNSPENT, converter=_treatment
    )

    def __attrs_post_init__(self) -> None:
        if not self.rows and self.total is None:
            raise InvalidValueError(self.location, "must have rows or a total", None)


def _figure(value: NumberLike) -> int | Decimal:
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


def _finding(
    location: str,
    rule: str,
    printed: Decimal | int | str | None,
    computed: Decimal | int | str | None,
) -> Finding:
    return Finding(location=location, printed=printed, computed=computed, rule=rule)


# Attribute of PrintedRow -> the column's label in a finding's location (the printed term).
_COLUMNS = {"pagu": "pagu", "blokir": "blokir", "realization": "realisasi", "sisa": "sisa"}


def _check_row(
    table: PrintedTable, row: PrintedRow, rounding: Rounding, findings: list[Finding]
) -> None:
    where = f"{table.location} / {row.label}"
    if row.pagu is None or row.realization is None:
        return
    blokir = row.blokir or 0
    realized = table.blokir_treatment is BlokirTreatment.REALIZED
    counted = _plus(row.realization, blokir if realized else 0, field="realization")
    if counted > row.pagu:
        findings.append(
            _finding(f"{where} / realisasi", "realization must not exceed pagu", counted, row.pagu)
        )
    expected_sisa = _minus(row.pagu, counted, field="sisa")
    if row.sisa is not None and row.sisa != expected_sisa:
        findings.append(
            _finding(
                f"{where} / sisa", "sisa must equal pagu - realisasi", row.sisa, expected_sisa
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
    tables : sequence of PrintedTable
        Tables (or text statements, as a table with only a total) to check.
    agreements : sequence of Agreement
        Figures of two tables that must be equal.

    Returns
    -------
    tuple of Finding
        In order: per table, each row then the total row (realization above
        pagu, sisa, percentage), then the sums of the parts against the
        printed total (pagu, blokir, realisasi, sisa); then the agreements.
        Locations and rules name the columns as printed (``realisasi``).
        Empty when everything reconciles.

    Raises
    ------
    InvalidTypeError
        A table that is not a :class:`PrintedTable`, an agreement that is
        not an :class:`Agreement`, ``tables`` or ``agreements`` given as a
        ``str`` or a scalar.

    Notes
    -----
    An empty cell (None, the report's "-") counts as 0 in a sum; a column
    that no row prints is not summed. A row's percentage is recomputed from
    its own printed amounts with the table's rounding, to the printed places;
    the total's percentage from the printed total amounts (the difference
    between the printed total and the sum of the parts is a finding of its
    own). ``sisa`` must equal ``pagu - realization`` (minus blokir when the
    table counts blokir as realized).

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III B and BAB IV B.

    Examples
    --------
    The report's spending-type table (BAB III B): its parts do not add up.

    >>> table = PrintedTable(
    ...     "BAB III B, jenis belanja",
    ...     [
    ...         PrintedRow("Belanja Pegawai", pagu=4218311000, realization=3770214000),
    ...         PrintedRow("Belanja Barang", pagu=3642614000, realization=3738905716),
    ...     ],
    ...     total=PrintedRow("Jumlah", pagu=7988525000, realization=7675626440),
    ...     rounding=Rounding.HALF_UP,
    ... )
    >>> for finding in reconcile([table]):
    ...     print(finding.location, finding.printed, finding.computed)
    BAB III B, jenis belanja / Belanja Barang / realisasi 3738905716 3642614000
    BAB III B, jenis belanja / Jumlah / pagu 7988525000 7860925000
    BAB III B, jenis belanja / Jumlah / realisasi 7675626440 7509119716
    """
    table_items = to_sequence(tables, field="tables")
    agreement_items = to_sequence(agreements, field="agreements")
    findings: list[Finding] = []
    for table in table_items:
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
        for column, label in _COLUMNS.items():
            printed = getattr(total, column)
            cells = [getattr(row, column) for row in table.rows]
            if printed is None or all(cell is None for cell in cells):
                continue
            computed = _total((cell or 0 for cell in cells), field=column)
            if computed != printed:
                findings.append(
                    _finding(
                        f"{table.location} / {total.label} / {label}",
                        "total must equal the sum of the rows",
                        printed,
                        computed,
                    )
                )
    for agreement in agreement_items:
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
