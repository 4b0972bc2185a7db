"""Conventions of other regulations: the PermenPANRB 8/2021 "nilai capaian" conversion.

PermenPANRB 8/2021 (*Sistem Manajemen Kinerja PNS*), Lampiran BAB
VI.A.1.b)2), converts the capaian of an individual performance indicator
(capaian IKI, in percent) into a score from 0 to 120 (nilai capaian IKI),
piecewise by category. :func:`nilai_capaian` computes it from a versioned,
cited table (:data:`NILAI_CAPAIAN_PERMENPANRB_8_2021`).

PermenPANRB 8/2021 was **revoked by PermenPANRB 6/2022** (*Pengelolaan
Kinerja Pegawai ASN*), which rates performance by quadrant and has no such
conversion: this is the 2021 rule, for documents written under it.

What was read and what was not (see the research note of issue 14):

- read in the regulation: the Cukup, Kurang and Sangat Kurang formulas
  (printed page 93, points (e)-(g)), "above 110 % converts to 120" (h), the
  override "100 % on a target that is the maximum attainable converts to
  120, Sangat Baik" (i), and the worked examples 100 % -> Baik -> 109 and
  93/95 (printed 98 %) -> Cukup -> 88 (printed page 243);
- not read: the category table on printed page 92. The Sangat Baik row
  (101-110 %, ``110 + (120 - 110) / (110 - 101) x (c - 101)``) comes from
  public applications that implement the regulation; it is marked
  ``verified=False``.

The printed bands are whole percentages (0-59, 60-79, 80-99, 100, 101-110)
and leave gaps: a capaian strictly between 59 and 60, 79 and 80, 99 and 100,
or 100 and 101 belongs to no band. By default (:attr:`CapaianRounding.EXACT`)
such a capaian raises :class:`~sakip.errors.OutOfBandError`; with
:attr:`CapaianRounding.WHOLE_PERCENT` the capaian is first rounded half up to
a whole percent, as the regulation's own example does (93/95 = 97,89 %,
printed 98 %, score 88): that reading is an inference.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal

import attrs

from sakip.bands import Band, BandScheme, GapPolicy, as_scheme
from sakip.coerce import _verified, to_bool, to_bounded, to_enum, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError, OutOfBandError
from sakip.numbers import UNBOUNDED, NumberLike, Rounding, RoundingPolicy, divide

__all__ = [
    "NILAI_CAPAIAN_CATEGORY_8_2021",
    "NILAI_CAPAIAN_PERMENPANRB_8_2021",
    "CapaianRounding",
    "NilaiCapaian",
    "NilaiCapaianRule",
    "NilaiCapaianTable",
    "NilaiCapaianVersion",
    "nilai_capaian",
]

_SOURCE_8_2021 = (
    "PermenPANRB 8/2021 (Sistem Manajemen Kinerja PNS), Lampiran BAB VI.A.1.b)2), "
    "printed pages 92-93; worked example printed page 243; revoked by PermenPANRB 6/2022"
)


class NilaiCapaianVersion(enum.Enum):
    """Which regulation's nilai-capaian table to use.

    Attributes
    ----------
    PERMENPANRB_8_2021
        PermenPANRB 8/2021, Lampiran BAB VI (revoked by PermenPANRB 6/2022).

    Examples
    --------
    >>> NilaiCapaianVersion("permenpanrb-8-2021")
    <NilaiCapaianVersion.PERMENPANRB_8_2021: 'permenpanrb-8-2021'>
    """

    PERMENPANRB_8_2021 = "permenpanrb-8-2021"


class CapaianRounding(enum.Enum):
    """How a capaian meets the table's whole-percent bands.

    Attributes
    ----------
    EXACT
        Convert the exact capaian (the default); a capaian in a gap between
        two printed bands (59 < c < 60, 79 < c < 80, 99 < c < 100,
        100 < c < 101) raises :class:`~sakip.errors.OutOfBandError`.
    WHOLE_PERCENT
        Round the capaian half up to a whole percent first, as the
        regulation's worked example prints 93/95 as 98 % (printed page 243).
        An inference: the regulation does not state the rounding.

    Examples
    --------
    >>> CapaianRounding("whole_percent")
    <CapaianRounding.WHOLE_PERCENT: 'whole_percent'>
    """

    EXACT = "exact"
    WHOLE_PERCENT = "whole_percent"


# attrs converters of NilaiCapaianRule, in the order of its fields (mypy's attrs plugin
# takes only named functions, so each binds a sakip.coerce function to its field's name).
def _label(value: str) -> str:
    return to_text(value, field="label")


def _lower(value: NumberLike) -> Decimal:
    return to_bounded(value, field="lower", low=0)


def _optional_upper(value: NumberLike | None) -> Decimal | None:
    return None if value is None else to_bounded(value, field="upper", low=0)


def _score(value: NumberLike) -> Decimal:
    return to_bounded(value, field="score", low=0)


def _source(value: str) -> str:
    return to_text(value, field="source")


@attrs.frozen
class NilaiCapaianRule:
    """One row of a nilai-capaian table: a closed capaian band and its straight line.

    The score rises linearly from ``score_lower`` at ``lower`` to
    ``score_upper`` at ``upper``; a row without ``upper`` (the top row)
    gives ``score_lower`` for every capaian above ``lower``.

    Parameters
    ----------
    label : str
        The category (kategori capaian IKI).
    lower, upper : number
        The band, ``[lower, upper]`` (both included; ``lower == upper`` for a
        single point); ``upper`` ``None`` for ``(lower, inf)``.
    score_lower, score_upper : number
        The scores at the two ends.
    source : str
        Where the row comes from.
    verified : bool, default True
        ``False`` when the row was not read in the regulation itself.

    Examples
    --------
    >>> cukup = NILAI_CAPAIAN_PERMENPANRB_8_2021.rules[2]
    >>> cukup.label, cukup.score(98)
    ('Cukup', Decimal('88'))
    """

    label: str = attrs.field(converter=_label)
    lower: Decimal = attrs.field(converter=_lower)
    upper: Decimal | None = attrs.field(converter=_optional_upper)
    score_lower: Decimal = attrs.field(converter=_score)
    score_upper: Decimal = attrs.field(converter=_score)
    source: str = attrs.field(converter=_source)
    verified: bool = attrs.field(default=True, converter=_verified)

    def __attrs_post_init__(self) -> None:
        if self.upper is not None and self.upper < self.lower:
            raise InvalidValueError("upper", f"must be >= lower ({self.lower})", self.upper)

    def contains(self, achievement: Decimal) -> bool:
        """Whether the rule's band holds ``capaian`` (closed at both ends, open above the top row).

        Examples
        --------
        >>> baik = NILAI_CAPAIAN_PERMENPANRB_8_2021.rules[3]
        >>> baik.contains(Decimal(100)), baik.contains(Decimal("100.5"))
        (True, False)
        """
        if self.upper is None:
            return achievement > self.lower
        return self.lower <= achievement <= self.upper

    def score(self, achievement: NumberLike) -> Decimal:
        """The score of a capaian on this rule's line (exact, or to 60 digits).

        Examples
        --------
        >>> sangat_baik = NILAI_CAPAIAN_PERMENPANRB_8_2021.rules[4]
        >>> RoundingPolicy(4, Rounding.HALF_UP).apply(sangat_baik.score(105))
        Decimal('114.4444')
        """
        value = to_bounded(achievement, field="achievement", low=0)
        if self.upper is None or self.upper == self.lower:
            return self.score_lower
        rise = UNBOUNDED.multiply(
            UNBOUNDED.subtract(self.score_upper, self.score_lower),
            UNBOUNDED.subtract(value, self.lower),
        )
        step = divide(
            rise, UNBOUNDED.subtract(self.upper, self.lower), numerator_field="achievement"
        )
        return UNBOUNDED.add(self.score_lower, step)


def _version(value: NilaiCapaianVersion | str) -> NilaiCapaianVersion:
    return to_enum(value, NilaiCapaianVersion, field="version")


def _rules(rules: Sequence[NilaiCapaianRule]) -> tuple[NilaiCapaianRule, ...]:
    items = to_sequence(rules, field="rules")
    for index, rule in enumerate(items):
        if not isinstance(rule, NilaiCapaianRule):
            raise InvalidTypeError(f"rules[{index}]", "must be a NilaiCapaianRule", rule)
    return tuple(items)


@attrs.frozen
class NilaiCapaianTable:
    """A versioned nilai-capaian table: rules from low to high capaian, and the override.

    Attributes
    ----------
    version : NilaiCapaianVersion
    rules : tuple of NilaiCapaianRule
        From the lowest capaian to the highest.
    maximal_target_score : Decimal
        The score of a capaian of exactly 100 % on a target that is the
        maximum attainable (point (i): 120, Sangat Baik).
    categories : BandScheme
        The categories as a band scheme (for :class:`NilaiCapaian.category`).
    source : str
    revoked_by : str or None
        The regulation that revoked this one.
    notes : str
        What is unverified, and the gaps.

    Examples
    --------
    >>> table = NILAI_CAPAIAN_PERMENPANRB_8_2021
    >>> table.revoked_by, table.verified
    ('PermenPANRB 6/2022', False)
    """

    version: NilaiCapaianVersion = attrs.field(converter=_version)
    rules: tuple[NilaiCapaianRule, ...] = attrs.field(converter=_rules)
    maximal_target_score: Decimal = attrs.field(converter=_score)
    categories: BandScheme = attrs.field(converter=as_scheme)
    source: str = attrs.field(converter=_source)
    revoked_by: str | None
    notes: str

    def __attrs_post_init__(self) -> None:
        if not self.rules:
            raise InvalidValueError("rules", "must not be empty", self.rules)
        for below, above in zip(self.rules, self.rules[1:], strict=False):
            if below.upper is None or above.lower < below.upper:
                raise InvalidValueError(
                    "rules", "must be sorted from low to high without overlap", above.label
                )

    @property
    def verified(self) -> bool:
        """Whether every rule was read in the regulation itself."""
        return all(rule.verified for rule in self.rules)


NILAI_CAPAIAN_CATEGORY_8_2021 = BandScheme(
    "Kategori capaian IKI (PermenPANRB 8/2021)",
    [
        Band("Sangat Kurang", 0, 59, upper_closed=True),
        Band("Kurang", 60, 79, upper_closed=True),
        Band("Cukup", 80, 99, upper_closed=True),
        Band("Baik", 100, 101),
        Band("Sangat Baik", 101, None),
    ],
    source=_SOURCE_8_2021,
    year=2021,
    gap_policy=GapPolicy.RAISE,
    verified=False,
    notes=(
        "Printed as whole percentages: 0-59, 60-79, 80-99, 100, 101-110, above 110. "
        "'Baik' is exactly 100 % in the regulation; a band cannot be one point, so it is "
        "written [100, 101) here and nilai_capaian refuses 100 < c < 101 unless the capaian "
        "is rounded to a whole percent first. The 101-110 % row and the category of a capaian "
        "above 110 % (Sangat Baik, as point (i) calls a score of 120) were not read in the "
        "regulation (its printed page 92): unverified."
    ),
)
"""The categories of the capaian IKI, PermenPANRB 8/2021 (unverified rows: see ``notes``).

Examples
--------
>>> NILAI_CAPAIAN_CATEGORY_8_2021.classify(98).label
'Cukup'
"""

NILAI_CAPAIAN_PERMENPANRB_8_2021 = NilaiCapaianTable(
    version=NilaiCapaianVersion.PERMENPANRB_8_2021,
    rules=[
        NilaiCapaianRule("Sangat Kurang", 0, 59, 0, 49, "PermenPANRB 8/2021 p. 93 (g)"),
        NilaiCapaianRule("Kurang", 60, 79, 50, 69, "PermenPANRB 8/2021 p. 93 (f)"),
        NilaiCapaianRule("Cukup", 80, 99, 70, 89, "PermenPANRB 8/2021 p. 93 (e)"),
        NilaiCapaianRule("Baik", 100, 100, 109, 109, "PermenPANRB 8/2021 p. 243 (example)"),
        NilaiCapaianRule(
            "Sangat Baik",
            101,
            110,
            110,
            120,
            "e-kinerja applications implementing PermenPANRB 8/2021 (p. 92 not read)",
            verified=False,
        ),
        NilaiCapaianRule("Sangat Baik", 110, None, 120, 120, "PermenPANRB 8/2021 p. 93 (h)"),
    ],
    maximal_target_score=Decimal(120),
    categories=NILAI_CAPAIAN_CATEGORY_8_2021,
    source=_SOURCE_8_2021,
    revoked_by="PermenPANRB 6/2022",
    notes=NILAI_CAPAIAN_CATEGORY_8_2021.notes,
)
"""The nilai-capaian table of PermenPANRB 8/2021 (revoked by PermenPANRB 6/2022).

Examples
--------
>>> [(rule.label, str(rule.lower), str(rule.upper)) for rule in
...  NILAI_CAPAIAN_PERMENPANRB_8_2021.rules][:3]
[('Sangat Kurang', '0', '59'), ('Kurang', '60', '79'), ('Cukup', '80', '99')]
"""

_TABLES = {NilaiCapaianVersion.PERMENPANRB_8_2021: NILAI_CAPAIAN_PERMENPANRB_8_2021}

_WHOLE_PERCENT = RoundingPolicy(0, Rounding.HALF_UP)


@attrs.frozen
class NilaiCapaian:
    """A capaian converted into its score (nilai capaian) and category.

    Attributes
    ----------
    value : Decimal
        The score, 0 to 120, exact (or to 60 significant digits where the
        line's slope does not terminate, as 49/59).
    category : Band
        The category in the table's :attr:`NilaiCapaianTable.categories`.
    achievement : Decimal
        The capaian converted (rounded to a whole percent with
        :attr:`CapaianRounding.WHOLE_PERCENT`).
    rule : NilaiCapaianRule or None
        The row used; ``None`` for the maximal-target override.
    verified : bool
        ``False`` when the row used was not read in the regulation.

    Examples
    --------
    >>> result = nilai_capaian(100)
    >>> result.value, result.category.label, result.verified
    (Decimal('109'), 'Baik', True)
    """

    value: Decimal
    category: Band
    achievement: Decimal
    rule: NilaiCapaianRule | None
    verified: bool

    def rounded(self, policy: RoundingPolicy) -> Decimal:
        """The score under a rounding policy.

        Examples
        --------
        >>> nilai_capaian(30).rounded(RoundingPolicy(2, Rounding.HALF_UP))
        Decimal('24.92')
        """
        return policy.apply(self.value)


def nilai_capaian(
    achievement: NumberLike,
    *,
    version: NilaiCapaianVersion | str = NilaiCapaianVersion.PERMENPANRB_8_2021,
    rounding: CapaianRounding | str = CapaianRounding.EXACT,
    maximal_target: bool = False,
) -> NilaiCapaian:
    """The nilai capaian (score 0-120) and category of a capaian, by a versioned table.

    Parameters
    ----------
    achievement : int, str, Decimal or float
        The capaian in percent (from :func:`sakip.capaian.achievement`),
        ``>= 0``.
    version : NilaiCapaianVersion or its value, default "permenpanrb-8-2021"
        The regulation's table (the only one known; revoked by PermenPANRB
        6/2022).
    rounding : CapaianRounding or its value, default EXACT
        Convert the exact capaian (a capaian in a gap between the printed
        whole-percent bands raises), or round it half up to a whole percent
        first (the reading of the regulation's example).
    maximal_target : bool, default False
        The target is the maximum attainable for the indicator (100 % of
        "bebas dari temuan material"): a capaian of exactly 100 then scores
        120, Sangat Baik (point (i)); no effect on any other capaian.

    Returns
    -------
    NilaiCapaian

    Raises
    ------
    InvalidValueError
        A negative capaian, or a ``version`` or ``rounding`` that is neither
        a member nor a value of its enum.
    InvalidTypeError
        ``maximal_target`` not a bool.
    OutOfBandError
        With ``CapaianRounding.EXACT``, a capaian in a gap (59 < c < 60,
        79 < c < 80, 99 < c < 100, 100 < c < 101).

    Notes
    -----
    PermenPANRB 8/2021, Lampiran BAB VI.A.1.b)2), printed page 93:

    ======================  ==================  ===================================
    capaian (%)             category            nilai capaian
    ======================  ==================  ===================================
    above 110               Sangat Baik [I]     120 (h)
    101-110                 Sangat Baik [S]     110 + (120 - 110)/(110 - 101) (c - 101)
    100                     Baik                109 (example, p. 243)
    80-99                   Cukup               70 + (89 - 70)/(99 - 80) (c - 80) (e)
    60-79                   Kurang              50 + (69 - 50)/(79 - 60) (c - 60) (f)
    0-59                    Sangat Kurang       c / 59 x 49 (g)
    ======================  ==================  ===================================

    The score never decreases as the capaian rises and stays in [0, 120].

    Examples
    --------
    PermenPANRB 8/2021, printed page 243 (SKP of a Direktur Jenderal):
    target 85, realisation 85 -> 100 % -> Baik -> 109; target 95,
    realisation 93 -> 97,89 %, printed 98 % -> Cukup -> 88:

    >>> nilai_capaian(100).value
    Decimal('109')
    >>> from sakip.capaian import achievement
    >>> result = nilai_capaian(achievement(target=95, realization=93), rounding="whole_percent")
    >>> result.achievement, result.value, result.category.label
    (Decimal('98'), Decimal('88'), 'Cukup')
    >>> nilai_capaian(115).value, nilai_capaian(100, maximal_target=True).value
    (Decimal('120'), Decimal('120'))
    >>> nilai_capaian("99.5")
    Traceback (most recent call last):
    ...
    sakip.errors.OutOfBandError: 'nilai capaian permenpanrb-8-2021' has no band for 99.5 (the printed bands are whole percentages: pass rounding='whole_percent' to round first): 99.5
    """
    value = to_bounded(achievement, field="achievement", low=0)
    table = _TABLES[to_enum(version, NilaiCapaianVersion, field="version")]
    method = to_enum(rounding, CapaianRounding, field="rounding")
    maximal = to_bool(maximal_target, field="maximal_target")
    if method is CapaianRounding.WHOLE_PERCENT:
        value = _WHOLE_PERCENT.apply(value)
    if maximal and value == 100:
        category = table.categories.bands[-1]
        return NilaiCapaian(table.maximal_target_score, category, value, None, True)
    for rule in table.rules:
        if rule.contains(value):
            category = table.categories.classify(value)
            return NilaiCapaian(rule.score(value), category, value, rule, rule.verified)
    raise OutOfBandError(
        f"nilai capaian {table.version.value}",
        f"has no band for {value} (the printed bands are whole percentages: "
        "pass rounding='whole_percent' to round first)",
        value,
    )
