"""NKA: Nilai Kinerja Anggaran (budget performance value).

The Ministry of Finance's SMART application combines two scores of a work
unit into its budget performance value: the planning score (NK Perencanaan
Anggaran: output achievement and use of standard costs) and the execution
score (NK Pelaksanaan Anggaran, which is the unit's IKPA). The combination
weights are data (:class:`NkaWeights`, :data:`NKA_WEIGHTS`); the category
comes from :data:`sakip.schemes.NKA_CATEGORY` (PMK 107/2024).
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import numpy as np
import numpy.typing as npt

from sakip.bands import BandScheme, as_scheme
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.exact_array import (
    InexactArrayError,
    divide_round,
    scaled_from_decimals,
    scaled_from_floats,
    scaled_to_decimals,
)
from sakip.numbers import UNBOUNDED, Rounding, percent, to_decimal
from sakip.schemes import NKA_CATEGORY

__all__ = [
    "MAX_COMPONENT",
    "NKA_WEIGHTS",
    "NkaBatchResult",
    "NkaResult",
    "NkaWeights",
    "capaian",
    "score",
    "score_batch",
]

MAX_COMPONENT = Decimal(120)
"""Largest component value accepted: the IKPA (execution score) may carry bonus points."""


def _weight(value: object) -> Decimal:
    return to_decimal(value, field="weight")


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

    Examples
    --------
    >>> NKA_WEIGHTS.planning, NKA_WEIGHTS.execution
    (Decimal('0.5'), Decimal('0.5'))
    >>> NkaWeights(planning="0.6", execution="0.5", source="example")
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'weights' must sum to 1: 1.1
    """

    planning: Decimal = attrs.field(converter=_weight)
    execution: Decimal = attrs.field(converter=_weight)
    source: str
    verified: bool = True
    notes: str = ""

    def __attrs_post_init__(self) -> None:
        for name, weight in (("planning", self.planning), ("execution", self.execution)):
            if weight < 0:
                raise InvalidValueError(f"weights.{name}", "must be >= 0", weight)
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


def _component(value: object, field: str) -> Decimal:
    number = to_decimal(value, field=field)
    if number < 0 or number > MAX_COMPONENT:
        raise InvalidValueError(field, f"must be between 0 and {MAX_COMPONENT}", number)
    return number


def capaian(*, value: object, target: object) -> Decimal:
    """Achievement of an NKA against its target: ``value / target x 100``.

    Parameters
    ----------
    value : int, str, Decimal or float
        The NKA (``>= 0``).
    target : int, str, Decimal or float
        The target (``> 0``).

    Returns
    -------
    Decimal
        Percent, unrounded (the LKIP truncates it to two places).

    Raises
    ------
    InvalidValueError
        A negative value or a target ``<= 0``.

    References
    ----------
    LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 11.

    Examples
    --------
    BNNK Palangka Raya 2024, NKA 99 against a target of 85:

    >>> from sakip import round_to, Rounding
    >>> round_to(capaian(value=99, target=85), 2, Rounding.TRUNCATE)
    Decimal('116.47')
    """
    number = to_decimal(value, field="value")
    goal = to_decimal(target, field="target")
    if number < 0:
        raise InvalidValueError("value", "must be >= 0", number)
    if goal <= 0:
        raise InvalidValueError("target", "must be > 0", goal)
    return percent(number, goal, part_field="value", whole_field="target")


@attrs.frozen
class NkaResult:
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
    category : str
        Label of ``value`` in ``scheme``, decided on the exact value.
    scheme : BandScheme
    target : Decimal or None
    capaian : Decimal or None
        ``value / target x 100`` when a target is given.
    """

    value: Decimal
    planning: Decimal
    execution: Decimal
    weights: NkaWeights = attrs.field(repr=False)
    category: str
    scheme: BandScheme = attrs.field(repr=False)
    target: Decimal | None = None
    capaian: Decimal | None = None

    @property
    def meets_target(self) -> bool | None:
        """``value >= target`` (None without a target)."""
        return None if self.target is None else self.value >= self.target


def score(
    *,
    planning: object,
    execution: object,
    weights: NkaWeights = NKA_WEIGHTS,
    target: object = None,
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
        The unit's NKA target (``> 0``); gives ``capaian``.
    scheme : BandScheme, default NKA_CATEGORY
        Category scheme (PMK 107/2024).

    Returns
    -------
    NkaResult

    Raises
    ------
    InvalidValueError
        A component outside ``[0, MAX_COMPONENT]`` or a target ``<= 0``.
    InvalidTypeError
        A component that is not a number; ``weights`` or ``scheme`` of the
        wrong type.

    Notes
    -----
    ``NKA = w_p x planning + w_e x execution`` with ``w_p = w_e = 0,5`` by
    default. The value is exact: 99,975 stays 99,975, and rounding half up
    for display gives the 99,98 SMART prints (binary floats give 99,97).
    The upper bound of 120 is a reading: the IKPA may carry bonus points, and
    no source caps the components at 100.

    References
    ----------
    PMK 22/PMK.02/2021 and successors (KMK 466/2023); PMK 107/2024 Pasal 251
    (categories). LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 11.

    Examples
    --------
    >>> from sakip import round_to, Rounding
    >>> result = score(planning="100.00", execution="99.95", target=86)
    >>> result.value, round_to(result.value, 2, Rounding.HALF_UP), result.category
    (Decimal('99.975'), Decimal('99.98'), 'Sangat Baik')
    >>> round_to(result.capaian, 2, Rounding.TRUNCATE)
    Decimal('116.25')
    """
    if not isinstance(weights, NkaWeights):
        raise InvalidTypeError("weights", "must be an NkaWeights", weights)
    scheme = as_scheme(scheme)
    plan = _component(planning, "planning")
    execute = _component(execution, "execution")
    value = UNBOUNDED.add(
        UNBOUNDED.multiply(weights.planning, plan), UNBOUNDED.multiply(weights.execution, execute)
    )
    goal = None if target is None else to_decimal(target, field="target")
    return NkaResult(
        value=value,
        planning=plan,
        execution=execute,
        weights=weights,
        category=scheme.classify(value).label,
        scheme=scheme,
        target=goal,
        capaian=None if goal is None else capaian(value=value, target=goal),
    )


Int64Array = npt.NDArray[np.int64]

_INT64_MAX = 2**63 - 1


@attrs.frozen(eq=False)
class NkaBatchResult:
    """NKA of many units as scaled integers.

    Attributes
    ----------
    value : numpy.ndarray of int64
        NKA rounded to ``places`` with ``rounding``, x ``10**places``.
    places : int
    rounding : Rounding
    category : numpy.ndarray of intp
        Band positions in ``scheme``, decided on the exact value.
    scheme : BandScheme
    """

    value: Int64Array
    places: int
    rounding: Rounding
    category: npt.NDArray[np.intp]
    scheme: BandScheme = attrs.field(repr=False)

    def values(self) -> list[Decimal]:
        """The rounded NKAs as Decimals.

        Examples
        --------
        >>> batch = score_batch(planning=[100.0], execution=[99.95], rounding=Rounding.HALF_UP)
        >>> batch.values()
        [Decimal('99.98')]
        """
        return scaled_to_decimals(self.value, self.places)

    def labels(self) -> list[str]:
        """Category label of each unit.

        Examples
        --------
        >>> score_batch(planning=[100.0, 80.0], execution=[99.9, 80.0],
        ...             rounding=Rounding.HALF_UP).labels()
        ['Sangat Baik', 'Cukup']
        """
        return [self.scheme.labels[int(item)] for item in self.category]


def _scaled(values: npt.ArrayLike, places: int, field: str) -> Int64Array:
    array = np.asarray(values)
    if array.dtype == object:
        return scaled_from_decimals(array.ravel().tolist(), places, field=field).reshape(
            array.shape
        )
    if array.dtype.kind == "b":
        raise InvalidTypeError(field, "must be numbers, not bools", array.dtype)
    return scaled_from_floats(array, places, field=field)


def _weight_places(weights: NkaWeights) -> int:
    places = 0
    for weight in (weights.planning, weights.execution):
        exponent = weight.normalize(context=UNBOUNDED).as_tuple().exponent
        assert isinstance(exponent, int)
        places = max(places, -exponent)
    return places


def score_batch(
    *,
    planning: npt.ArrayLike,
    execution: npt.ArrayLike,
    weights: NkaWeights = NKA_WEIGHTS,
    places: int = 2,
    rounding: Rounding,
    input_places: int = 2,
    scheme: BandScheme = NKA_CATEGORY,
) -> NkaBatchResult:
    """NKA of many units at once, exactly.

    Parameters
    ----------
    planning, execution : array_like, shape (units,)
        Components with at most ``input_places`` decimals (floats, ints or
        Decimals).
    weights : NkaWeights, default NKA_WEIGHTS
    places : int, default 2
        Places of the returned NKA.
    rounding : Rounding
        How the NKA reaches ``places``; SMART rounds half up.
    input_places : int, default 2
    scheme : BandScheme, default NKA_CATEGORY

    Returns
    -------
    NkaBatchResult
        Element for element ``round_to(score(...).value, places, rounding)``.

    Raises
    ------
    InexactArrayError
        A component with more decimals than ``input_places``; weights with so
        many decimals that the scaled sums would overflow ``int64``.
    InvalidValueError
        Shapes that differ, or a component outside ``[0, MAX_COMPONENT]``.
    InvalidTypeError
        Bool components; ``rounding``, ``weights`` or ``scheme`` of the wrong
        type.

    Notes
    -----
    The weights are scaled to integers ``W_p, W_e`` by ``10**q`` (q = their
    decimals) and the components by ``10**input_places``, so
    ``NKA = (W_p P + W_e E) / 10**(q + input_places)`` is rounded in integers.

    Examples
    --------
    >>> batch = score_batch(
    ...     planning=[100.0, 100.0], execution=[99.95, 99.90], rounding=Rounding.HALF_UP
    ... )
    >>> batch.values(), batch.labels()
    ([Decimal('99.98'), Decimal('99.95')], ['Sangat Baik', 'Sangat Baik'])
    """
    if not isinstance(rounding, Rounding):
        raise InvalidTypeError("rounding", "must be a Rounding", rounding)
    if not isinstance(weights, NkaWeights):
        raise InvalidTypeError("weights", "must be an NkaWeights", weights)
    scheme = as_scheme(scheme)
    for name, number in (("places", places), ("input_places", input_places)):
        if isinstance(number, bool) or not isinstance(number, int) or number < 0:
            raise InvalidValueError(name, "must be an int >= 0", number)
    plan = _scaled(planning, input_places, "planning")
    execute = _scaled(execution, input_places, "execution")
    if plan.ndim != 1 or plan.shape != execute.shape:
        raise InvalidValueError(
            "execution", "must have the shape (units,) of planning", (plan.shape, execute.shape)
        )
    limit = int(MAX_COMPONENT) * 10**input_places
    for name, array in (("planning", plan), ("execution", execute)):
        outside = (array < 0) | (array > limit)
        if outside.any():
            raise InvalidValueError(
                name,
                f"must be between 0 and {MAX_COMPONENT}",
                Decimal(int(array[outside][0])).scaleb(-input_places),
            )
    q = _weight_places(weights)
    # W_p + W_e = 10**q, so the numerator is at most 10**q x limit: it must fit in int64.
    if 10**q * limit > _INT64_MAX:
        raise InexactArrayError(
            "weights",
            f"have too many decimals ({q}) for int64 with input_places={input_places}",
            (weights.planning, weights.execution),
        )
    w_plan = np.int64(int(weights.planning.scaleb(q, context=UNBOUNDED)))
    w_exec = np.int64(int(weights.execution.scaleb(q, context=UNBOUNDED)))
    numerator = w_plan * plan + w_exec * execute
    denominator = np.int64(10 ** (q + input_places))
    value = divide_round(numerator, denominator, places, rounding)
    category = scheme.classify_ratio_array(numerator, denominator)
    return NkaBatchResult(
        value=value, places=places, rounding=rounding, category=category, scheme=scheme
    )
