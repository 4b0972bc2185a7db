"""Nilai tingkat keamanan barang bukti (evidence security index).

Measures whether the drug and non-drug evidence (*barang bukti*) a BNN unit
holds leaves storage in the kind and amount it came in. Each item has two
records: the *BA penitipan* (minutes of deposit, when the investigator hands
it over) and the *BA pengeluaran* (minutes of release, for destruction or
for the prosecution). A pair scores ``a = 1`` when type and quantity agree,
allowing for normal shrinkage (*penyusutan secara wajar*, such as laboratory
samples), and ``a = 0`` otherwise::

    nilai = mean(a) x 100

:func:`score` computes it from pairs of records and lists the pairs that do
not match; :func:`check_ledger` checks the per-type ledger the report prints
(received = destroyed + used + remaining). Quantities carry their unit
(gram, butir, ...) and units never mix. Many units are scored with
:func:`sakip.batch.score_each` over :func:`score` (why: see there).

Examples
--------
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> same = EvidencePair("LKN-1", received=EvidenceRecord("ganja", "2 gram"),
...                     released=EvidenceRecord("ganja", "2 gram"))
>>> less = EvidencePair("LKN-2", received=EvidenceRecord("shabu", "3 gram"),
...                     released=EvidenceRecord("shabu", "2 gram"))
>>> rows = [{"pairs": [same]}, {"pairs": [same, less, same]}, {"pairs": [], "empty": 100}]
>>> score_each(score, rows, policy=RoundingPolicy(2, Rounding.HALF_UP)).decimals()
[Decimal('100.00'), Decimal('66.67'), Decimal('100.00')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from sakip._result import RoundedValue
from sakip.bands import Band
from sakip.coerce import NumberLike, to_bounded, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError, NumberFormatError
from sakip.numbers import UNBOUNDED, parse_number, percent

__all__ = [
    "BarangBuktiResult",
    "EvidencePair",
    "EvidenceRecord",
    "LedgerCheck",
    "LedgerEntry",
    "Mismatch",
    "Quantity",
    "check_ledger",
    "score",
]


def _folded(value: object, field: str) -> str:
    """A type or unit name (``to_text``), compared without case or repeated blanks."""
    text = " ".join(to_text(value, field=field).split()).casefold()
    if not text:
        raise InvalidValueError(field, "must not be empty", value)
    return text


def _unit(value: str) -> str:
    return _folded(value, "unit")


def _amount(value: NumberLike) -> Decimal:
    return to_bounded(value, field="amount", low=0)


@attrs.frozen
class Quantity:
    """An amount of evidence with its unit.

    Parameters
    ----------
    amount : int, str, Decimal or float
        ``>= 0``, read with :func:`sakip.coerce.to_bounded`.
    unit : str
        ``"gram"``, ``"butir"``, ...; compared without case (``"Butir"`` is
        ``"butir"``). No unit is converted into another: ``"g"`` and
        ``"gram"`` are different units, and so are ``"kilogram"`` and
        ``"gram"``.

    Raises
    ------
    InvalidValueError
        A negative amount, an empty unit; adding, subtracting or comparing
        quantities of different units; a subtraction that goes below zero.

    Examples
    --------
    >>> Quantity("945.97", "gram") + Quantity("270.60", "gram")
    Quantity(amount=Decimal('1216.57'), unit='gram')
    >>> Quantity(2, "butir") + Quantity(1, "gram")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'unit' must match to add quantities ('butir' and 'gram'): 'gram'
    """

    amount: Decimal = attrs.field(converter=_amount)
    unit: str = attrs.field(converter=_unit)

    @classmethod
    def parse(cls, text: str, *, decimal_separator: str | None = None) -> Quantity:
        """Read a quantity as the report prints it, such as ``"1.216,57 gram"``.

        Parameters
        ----------
        text : str
            A number (read with :func:`sakip.parse_number`), spaces, a unit.
        decimal_separator : {",", "."}, optional
            Passed to :func:`sakip.parse_number` for forms like ``1.216``.

        Returns
        -------
        Quantity

        Raises
        ------
        NumberFormatError
            No unit, or a number that :func:`sakip.parse_number` refuses.

        Examples
        --------
        >>> Quantity.parse("1.216,57 gram"), Quantity.parse("2 Butir")
        (Quantity(amount=Decimal('1216.57'), unit='gram'), Quantity(amount=Decimal('2'), unit='butir'))
        """
        number, _, unit = to_text(text, field="text").partition(" ")
        if not unit.strip():
            raise NumberFormatError("text", "must end with a unit ('945,97 gram')", text)
        return cls(parse_number(number, decimal_separator=decimal_separator, field="text"), unit)

    def _same_unit(self, other: object, action: str) -> Quantity:
        if not isinstance(other, Quantity):
            raise InvalidTypeError("other", f"must be a Quantity to {action}", other)
        if other.unit != self.unit:
            raise InvalidValueError(
                "unit", f"must match to {action} ({self.unit!r} and {other.unit!r})", other.unit
            )
        return other

    def __add__(self, other: object) -> Quantity:
        other = self._same_unit(other, "add quantities")
        return Quantity(UNBOUNDED.add(self.amount, other.amount), self.unit)

    def __sub__(self, other: object) -> Quantity:
        other = self._same_unit(other, "subtract quantities")
        difference = UNBOUNDED.subtract(self.amount, other.amount)
        if difference < 0:
            raise InvalidValueError(
                "amount", f"must not go below zero ({self.amount} - {other.amount})", difference
            )
        return Quantity(difference, self.unit)

    def zero(self) -> Quantity:
        """A zero amount in the same unit.

        Examples
        --------
        >>> Quantity(2, "butir").zero()
        Quantity(amount=Decimal('0'), unit='butir')
        """
        return Quantity(0, self.unit)


def _quantity(value: Quantity | str) -> Quantity:
    if isinstance(value, Quantity):
        return value
    if isinstance(value, str):
        return Quantity.parse(value)
    raise InvalidTypeError("quantity", "must be a Quantity or a str such as '2 butir'", value)


def _evidence_type(value: str) -> str:
    return _folded(value, "evidence_type")


@attrs.frozen
class EvidenceRecord:
    """What one BA (*berita acara*) records about an item of evidence.

    Parameters
    ----------
    evidence_type : str
        ``"shabu"``, ``"ganja"``, ``"ekstasi"``, ... (compared without case).
    quantity : Quantity or str
        A :class:`Quantity`, or text such as ``"848,79 gram"``.
    document : str, optional
        The BA number, for the caller's reference.

    Examples
    --------
    >>> EvidenceRecord("Ganja", "848,79 gram").quantity.amount
    Decimal('848.79')
    """

    evidence_type: str = attrs.field(converter=_evidence_type)
    quantity: Quantity = attrs.field(converter=_quantity)
    document: str = ""


def _case(value: str) -> str:
    return to_text(value, field="case")


def _record(value: EvidenceRecord) -> EvidenceRecord:
    if not isinstance(value, EvidenceRecord):
        raise InvalidTypeError("record", "must be an EvidenceRecord", value)
    return value


@attrs.frozen
class EvidencePair:
    """The two records of one item: deposit (*BA penitipan*) and release (*BA pengeluaran*).

    Parameters
    ----------
    case : str
        The case (LKN number) the evidence belongs to.
    received : EvidenceRecord
        As recorded in the BA penitipan, when received from the investigator.
    released : EvidenceRecord
        As recorded in the BA pengeluaran, when released for destruction or
        handed over for prosecution.

    Examples
    --------
    >>> pair = EvidencePair(
    ...     "LKN/01/2024",
    ...     received=EvidenceRecord("ganja", "848,79 gram"),
    ...     released=EvidenceRecord("ganja", "848,79 gram"),
    ... )
    >>> pair.received == pair.released
    True
    """

    case: str = attrs.field(converter=_case)
    received: EvidenceRecord = attrs.field(kw_only=True, converter=_record)
    released: EvidenceRecord = attrs.field(kw_only=True, converter=_record)


@attrs.frozen
class Mismatch:
    """A pair that scores ``a = 0``, and why.

    Attributes
    ----------
    index : int
        Position of the pair in the input.
    pair : EvidencePair
    reason : str
        ``"type"``, ``"unit"``, ``"released exceeds received"`` or
        ``"shrinkage beyond tolerance"``.
    difference : Decimal or None
        ``received - released`` in the pair's unit, when the units agree.
    """

    index: int
    pair: EvidencePair
    reason: str
    difference: Decimal | None


@attrs.frozen
class BarangBuktiResult(RoundedValue):
    """The evidence security index and the pairs behind it.

    Attributes
    ----------
    value : Decimal
        ``matched / pairs x 100``, unrounded (percent).
    pairs : int
        Number of pairs scored.
    matched : int
        Pairs with ``a = 1``.
    mismatches : tuple of Mismatch
        Every pair with ``a = 0``, in input order.
    empty : bool
        True when there was no pair and ``value`` is the caller's ``empty``.
    category : Band or None
        Always ``None``: the LKIP compares the index with its target of 100
        and gives it no band of its own.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> pair = EvidencePair("LKN-1", received=EvidenceRecord("ganja", "2 gram"),
    ...                     released=EvidenceRecord("ganja", "1 gram"))
    >>> result = score([pair, pair, EvidencePair("LKN-2", received=EvidenceRecord("ganja", "1 gram"),
    ...                                          released=EvidenceRecord("ganja", "1 gram"))])
    >>> result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)), result.category, result.matched
    (Decimal('33.33'), None, 1)
    """

    value: Decimal
    pairs: int
    matched: int
    mismatches: tuple[Mismatch, ...]
    empty: bool
    category: Band | None = None


def _tolerances(tolerance: Mapping[str, NumberLike] | None) -> dict[str, Decimal]:
    if tolerance is None:
        return {}
    if not isinstance(tolerance, Mapping):
        raise InvalidTypeError("tolerance", "must be a mapping of unit to amount", tolerance)
    result: dict[str, Decimal] = {}
    for unit, amount in tolerance.items():
        name = _unit(unit)
        number = to_bounded(amount, field=f"tolerance[{unit!r}]", low=0)
        if name in result:
            raise InvalidValueError("tolerance", "must name each unit once", unit)
        result[name] = number
    return result


def _compare(index: int, pair: EvidencePair, tolerances: Mapping[str, Decimal]) -> Mismatch | None:
    received, released = pair.received, pair.released
    if received.evidence_type != released.evidence_type:
        return Mismatch(index, pair, "type", None)
    if received.quantity.unit != released.quantity.unit:
        return Mismatch(index, pair, "unit", None)
    difference = UNBOUNDED.subtract(received.quantity.amount, released.quantity.amount)
    if difference < 0:
        return Mismatch(index, pair, "released exceeds received", difference)
    if difference > tolerances.get(received.quantity.unit, Decimal(0)):
        return Mismatch(index, pair, "shrinkage beyond tolerance", difference)
    return None


def score(
    pairs: Iterable[EvidencePair],
    *,
    tolerance: Mapping[str, NumberLike] | None = None,
    empty: NumberLike | None = None,
) -> BarangBuktiResult:
    """The evidence security index from pairs of deposit and release records.

    Parameters
    ----------
    pairs : sequence of EvidencePair
        One pair per item of evidence released in the period (a list, a
        tuple or another iterable; a ``str`` is refused).
    tolerance : mapping of str to number, optional
        Normal shrinkage allowed, per unit, as an **absolute** amount in that
        unit (``{"gram": "0.5"}`` allows up to 0,5 gram less at release).
        Units not named get 0: the default demands equal quantities.
    empty : number, optional
        The value, in [0, 100], to give when there is no pair. Without it, no
        pair raises.

    Returns
    -------
    BarangBuktiResult

    Raises
    ------
    InvalidValueError
        No pair and no ``empty``; a negative tolerance.
    InvalidTypeError
        ``pairs`` that is not a sequence, an item that is not an
        :class:`EvidencePair`, a ``tolerance`` that is not a mapping.

    Notes
    -----
    ``a = 1`` when the evidence type is the same, the unit is the same and
    ``0 <= received - released <= tolerance[unit]``; otherwise ``a = 0``.
    Shrinkage only goes one way: a release larger than the deposit is a
    mismatch whatever the tolerance. ``value = sum(a) / pairs x 100``.
    The tolerance is absolute rather than relative because shrinkage such
    as laboratory samples is an amount taken out, not a share.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 13
    (Definisi Operasional, Metode Pengukuran).

    Examples
    --------
    >>> pairs = [
    ...     EvidencePair("LKN-1", received=EvidenceRecord("shabu", "10,50 gram"),
    ...                  released=EvidenceRecord("shabu", "10,48 gram")),
    ...     EvidencePair("LKN-2", received=EvidenceRecord("ganja", "848,79 gram"),
    ...                  released=EvidenceRecord("ganja", "848,79 gram")),
    ... ]
    >>> result = score(pairs)
    >>> result.value, [(m.pair.case, m.reason, m.difference) for m in result.mismatches]
    (Decimal('50'), [('LKN-1', 'shrinkage beyond tolerance', Decimal('0.02'))])
    >>> score(pairs, tolerance={"gram": "0.05"}).value
    Decimal('100')
    """
    tolerances = _tolerances(tolerance)
    mismatches: list[Mismatch] = []
    count = 0
    for index, pair in enumerate(to_sequence(pairs, field="pairs")):
        if not isinstance(pair, EvidencePair):
            raise InvalidTypeError(f"pairs[{index}]", "must be an EvidencePair", pair)
        count += 1
        mismatch = _compare(index, pair, tolerances)
        if mismatch is not None:
            mismatches.append(mismatch)
    if count == 0:
        if empty is None:
            raise InvalidValueError(
                "pairs", "must not be empty (pass empty= to give a value without pairs)", count
            )
        value = to_bounded(empty, field="empty", low=0, high=100)
        return BarangBuktiResult(value, 0, 0, (), empty=True)
    matched = count - len(mismatches)
    value = percent(matched, count, part_field="matched", whole_field="pairs")
    return BarangBuktiResult(value, count, matched, tuple(mismatches), empty=False)


def _optional_quantity(value: Quantity | str | None) -> Quantity | None:
    return None if value is None else _quantity(value)


@attrs.frozen
class LedgerEntry:
    """One evidence type in the period's ledger.

    Parameters
    ----------
    evidence_type : str
        ``"shabu"``, ... (compared without case).
    received : Quantity or str
        *Barang bukti masuk*.
    destroyed : Quantity or str
        *Dimusnahkan* (destroyed).
    remaining : Quantity or str
        *Belum dimusnahkan* (still held).
    used : Quantity or str, optional
        Released for other lawful purposes (laboratory, training, handed to
        the prosecution; UU 35/2009); zero in ``received``'s unit by default.

    Raises
    ------
    InvalidValueError
        Quantities of different units in one entry.

    Examples
    --------
    >>> entry = LedgerEntry("shabu", received="1.216,57 gram", destroyed="945,97 gram",
    ...                     remaining="270,60 gram")
    >>> entry.balance
    Decimal('0.00')
    """

    evidence_type: str = attrs.field(converter=_evidence_type)
    received: Quantity = attrs.field(kw_only=True, converter=_quantity)
    destroyed: Quantity = attrs.field(kw_only=True, converter=_quantity)
    remaining: Quantity = attrs.field(kw_only=True, converter=_quantity)
    used: Quantity | None = attrs.field(kw_only=True, default=None, converter=_optional_quantity)

    def __attrs_post_init__(self) -> None:
        for name in ("destroyed", "remaining", "used"):
            other = getattr(self, name)
            if other is not None and other.unit != self.received.unit:
                raise InvalidValueError(
                    f"{self.evidence_type}.{name}.unit",
                    f"must be the unit of received ({self.received.unit!r})",
                    other.unit,
                )

    @property
    def unit(self) -> str:
        """The entry's unit."""
        return self.received.unit

    @property
    def released(self) -> Quantity:
        """``destroyed + used``: everything that left storage.

        Examples
        --------
        >>> LedgerEntry("ganja", received="848,79 gram", destroyed="848,79 gram",
        ...             remaining="0 gram").released
        Quantity(amount=Decimal('848.79'), unit='gram')
        """
        used = self.used if self.used is not None else self.received.zero()
        return self.destroyed + used

    @property
    def balance(self) -> Decimal:
        """``received - (destroyed + used + remaining)``; zero when the ledger balances."""
        accounted = self.released + self.remaining
        return UNBOUNDED.subtract(self.received.amount, accounted.amount)


@attrs.frozen
class LedgerCheck:
    """The result of :func:`check_ledger` for one evidence type.

    Attributes
    ----------
    entry : LedgerEntry
    balanced : bool
        ``received == destroyed + used + remaining``.
    difference : Decimal
        ``received - (destroyed + used + remaining)`` in the entry's unit;
        positive means evidence unaccounted for, negative means more went
        out or is held than came in.
    """

    entry: LedgerEntry
    balanced: bool
    difference: Decimal


def check_ledger(entries: Iterable[LedgerEntry]) -> tuple[LedgerCheck, ...]:
    """Check that each evidence type's ledger balances.

    Parameters
    ----------
    entries : sequence of LedgerEntry
        One entry per evidence type (a ``str`` is refused).

    Returns
    -------
    tuple of LedgerCheck
        One per entry, in input order; an unbalanced ledger is reported, not
        raised, so an audit can list every difference.

    Raises
    ------
    InvalidValueError
        The same evidence type twice (its units or amounts would have to be
        merged, which is the caller's decision).
    InvalidTypeError
        ``entries`` that is not a sequence, or an item that is not a
        :class:`LedgerEntry`.

    Notes
    -----
    ``received = destroyed + used + remaining`` per type, exactly, in one
    unit. There is no tolerance: shrinkage that leaves storage must be
    booked (as ``used``) for the ledger to balance.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 10, indikator 13
    (Hasil Pengukuran table).

    Examples
    --------
    >>> checks = check_ledger([
    ...     LedgerEntry("ganja", received="848,79 gram", destroyed="848,79 gram",
    ...                 remaining="0 gram"),
    ...     LedgerEntry("ekstasi", received="2 butir", destroyed="0 butir",
    ...                 remaining="1 butir"),
    ... ])
    >>> [(c.entry.evidence_type, c.balanced, c.difference) for c in checks]
    [('ganja', True, Decimal('0.00')), ('ekstasi', False, Decimal('1'))]
    """
    checks: list[LedgerCheck] = []
    seen: set[str] = set()
    for index, entry in enumerate(to_sequence(entries, field="entries")):
        if not isinstance(entry, LedgerEntry):
            raise InvalidTypeError(f"entries[{index}]", "must be a LedgerEntry", entry)
        if entry.evidence_type in seen:
            raise InvalidValueError(
                f"entries[{index}].evidence_type", "must not repeat", entry.evidence_type
            )
        seen.add(entry.evidence_type)
        difference = entry.balance
        checks.append(LedgerCheck(entry, difference == 0, difference))
    return tuple(checks)
