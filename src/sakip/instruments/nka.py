"""NKA: Nilai Kinerja Anggaran (budget performance value).

The Ministry of Finance's SMART application combines two scores of a work
unit into its budget performance value: the planning score (NK Perencanaan
Anggaran: output achievement and use of standard costs) and the execution
score (NK Pelaksanaan Anggaran, which is the unit's IKPA). The combination
weights are data (:class:`NkaWeights`, :data:`NKA_WEIGHTS`); the category is
a :class:`~sakip.bands.Band` of :data:`sakip.schemes.NKA_CATEGORY`
(PMK 107/2024). The capaian of an NKA against its target is
:func:`sakip.capaian.achievement` (``NkaResult.achievement``). Many units
are scored with :func:`sakip.batch.score_each` over :func:`score` (why: see there).

Examples
--------
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> from sakip.schemes import NKA_CATEGORY
>>> batch = score_each(
...     score,
...     [{"planning": "100.00", "execution": "99.95"}, {"planning": 80, "execution": 80}],
...     policy=RoundingPolicy(2, Rounding.HALF_UP),
...     scheme=NKA_CATEGORY,
... )
>>> batch.decimals(), batch.labels()
([Decimal('99.98'), Decimal('80.00')], ['Sangat Baik', 'Cukup'])
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from sakip._result import AgainstTarget, graded
from sakip.bands import Band, BandScheme, as_scheme
from sakip.coerce import _verified, to_bounded
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.numbers import UNBOUNDED, NumberLike
from sakip.schemes import NKA_CATEGORY

__all__ = [
    "MAX_COMPONENT",
    "NKA_WEIGHTS",
    "NkaResult",
    "NkaWeights",
    "score",
]

MAX_COMPONENT = Decimal(120)
"""Largest component value accepted: the IKPA (execution score) may carry bonus points."""


# attrs converters: mypy's attrs plugin takes only named functions, so each binds a
# sakip.coerce function to its field's name.
def _planning_weight(value: NumberLike) -> Decimal:
    return to_bounded(value, field="weights.planning", low=0)


def _execution_weight(value: NumberLike) -> Decimal:
    return to_bounded(value, field="weights.execution", low=0)


@attrs.frozen
class NkaWeights:
    """Weights of the planning and execution scores in the NKA.

    Parameters
    ----------
    planning, execution : Decimal, int, str or float
        Fractions (0,5 means half), each ``>= 0``, summing to 1.
    source : str
        Where the weights come from.
    verified : bool, default True
        False when the weights were not read in the regulation.
    notes : str, optional

    Raises
    ------
    InvalidValueError
        A negative weight, or weights that do not sum to 1.
    InvalidTypeError
        A ``verified`` that is not a bool.

    Examples
    --------
    >>> NKA_WEIGHTS.planning, NKA_WEIGHTS.execution
    (Decimal('0.5'), Decimal('0.5'))
    >>> NkaWeights(planning="0.6", execution="0.5", source="example")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'weights' must sum to 1: 1.1
    """

    planning: Decimal = attrs.field(converter=_planning_weight)
    execution: Decimal = attrs.field(converter=_execution_weight)
    source: str
    verified: bool = attrs.field(default=True, converter=_verified)
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        total = UNBOUNDED.add(self.planning, self.execution)
        if total != 1:
            raise InvalidValueError("weights", "must sum to 1", total)


NKA_WEIGHTS = NkaWeights(
    planning="0.5",
    execution="0.5",
    source=(
        "LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 11 (SMART screens: "
        "100,00 and 99,95 give 99,98; 100,00 and 99,90 give 99,95)"
    ),
    verified=False,
    notes=(
        "Equal weights are what the report's SMART figures show; the weights were not read in "
        "PMK 22/PMK.02/2021, KMK 466/2023 or PMK 107/2024."
    ),
)
"""NKA = 0,5 x NK Perencanaan + 0,5 x NK Pelaksanaan (as seen in the report)."""


@attrs.frozen
class NkaResult(AgainstTarget):
    """The NKA of one unit.

    Attributes
    ----------
    value : Decimal
        ``w_p x planning + w_e x execution``, unrounded (SMART prints it
        rounded half up to two places).
    planning : Decimal
        NK Perencanaan Anggaran.
    execution : Decimal
        NK Pelaksanaan Anggaran (IKPA).
    weights : NkaWeights
    category : Band
        The band of ``value`` in ``scheme``, decided on the exact value
        (``category.label`` is the printed category).
    scheme : BandScheme
    target : Decimal or None
    achievement : Decimal or None
        Capaian of ``value`` against ``target`` in percent
        (:func:`sakip.capaian.achievement`, higher is better), when a target
        is given.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score(planning="100.00", execution="99.95", target=86)
    >>> result.rounded(RoundingPolicy(2, Rounding.HALF_UP)), result.category.label
    (Decimal('99.98'), 'Sangat Baik')
    >>> result.achievement, result.meets_target
    (Decimal('116.250'), True)
    """

    value: Decimal
    planning: Decimal
    execution: Decimal
    weights: NkaWeights = attrs.field(repr=False)
    category: Band
    scheme: BandScheme = attrs.field(repr=False)
    target: Decimal | None = None
    achievement: Decimal | None = None


def score(
    *,
    planning: NumberLike,
    execution: NumberLike,
    weights: NkaWeights = NKA_WEIGHTS,
    target: NumberLike | None = None,
    scheme: BandScheme = NKA_CATEGORY,
) -> NkaResult:
    """Compute the Nilai Kinerja Anggaran of one unit.

    Parameters
    ----------
    planning : int, str, Decimal or float
        NK Perencanaan Anggaran, 0 to :data:`MAX_COMPONENT`.
    execution : int, str, Decimal or float
        NK Pelaksanaan Anggaran (the IKPA), 0 to :data:`MAX_COMPONENT`.
    weights : NkaWeights, default NKA_WEIGHTS
        The combination weights.
    target : int, str, Decimal or float, optional
        The unit's NKA target (``> 0``); gives ``achievement`` (through
        :func:`sakip.capaian.achievement`) and ``meets_target``.
    scheme : BandScheme, default NKA_CATEGORY
        Category scheme (PMK 107/2024).

    Returns
    -------
    NkaResult
        ``category`` is the :class:`~sakip.bands.Band` of the exact value.

    Raises
    ------
    InvalidValueError
        A component outside ``[0, MAX_COMPONENT]``, a negative target or a
        target of 0.
    InvalidTypeError
        A component that is not a number; ``weights`` or ``scheme`` of the
        wrong type.

    Notes
    -----
    ``NKA = w_p x planning + w_e x execution`` with ``w_p = w_e = 0,5`` by
    default. The value is exact: 99,975 stays 99,975, and rounding half up
    for display gives the 99,98 SMART prints (binary floats give 99,97).
    The upper bound of 120 is a reading: the IKPA may carry bonus points, and
    no source caps the components at 100. The capaian is
    ``value / target x 100``, unrounded (the LKIP truncates it to two places).

    References
    ----------
    PMK 22/PMK.02/2021 and successors (KMK 466/2023); PMK 107/2024 Pasal 251
    (categories). LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 11.

    Examples
    --------
    >>> from sakip import round_to, Rounding
    >>> result = score(planning="100.00", execution="99.95", target=86)
    >>> result.value, round_to(result.value, 2, Rounding.HALF_UP), result.category.label
    (Decimal('99.975'), Decimal('99.98'), 'Sangat Baik')
    >>> round_to(result.achievement, 2, Rounding.TRUNCATE)
    Decimal('116.25')
    """
    if not isinstance(weights, NkaWeights):
        raise InvalidTypeError("weights", "must be an NkaWeights", weights)
    scheme = as_scheme(scheme)
    plan = to_bounded(planning, field="planning", low=0, high=MAX_COMPONENT)
    execute = to_bounded(execution, field="execution", low=0, high=MAX_COMPONENT)
    value = UNBOUNDED.add(
        UNBOUNDED.multiply(weights.planning, plan), UNBOUNDED.multiply(weights.execution, execute)
    )
    return NkaResult(
        planning=plan, execution=execute, weights=weights, **graded(value, scheme, target)
    )
