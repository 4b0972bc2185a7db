"""IKPA: Indikator Kinerja Pelaksanaan Anggaran (budget execution performance indicator).

The Ministry of Finance (Direktorat Jenderal Perbendaharaan) scores how well a
work unit (satker) executes its budget with a set of weighted indicators,
grouped in three aspects (planning quality, execution quality, result
quality). The indicators and their weights change with the regulation of the
year, so they are versioned data (:class:`IkpaRules`, :data:`IKPA_RULES`,
kept in the private module ``sakip.instruments._ikpa_rules`` and importable
from here).

:func:`score` turns the per-indicator values printed by OMSPAN into the
figures of the IKPA table: the weighted values (``Nilai Akhir`` row),
``Nilai Total``, the weight conversion (``Konversi Bobot``) when indicators
do not apply to the unit, the ``Dispensasi SPM`` deduction, the final value
(``Nilai Akhir``), aspect values and the category (a
:class:`~sakip.bands.Band` of :data:`~sakip.schemes.IKPA_CATEGORY`).

The indicator values themselves can be simulated from a unit's own raw data
before OMSPAN publishes them: :func:`revisi_dipa`,
:func:`deviasi_halaman_iii_dipa` (:func:`average_deviation`),
:func:`penyerapan_anggaran`, :func:`belanja_kontraktual`,
:func:`penyelesaian_tagihan`, :func:`pengelolaan_up_tup`,
:func:`capaian_output` and the :func:`dispensasi_spm` deduction, under the
calculator rules of a year (:class:`IkpaInputRules`, :data:`IKPA_INPUT_RULES`,
kept in private modules and importable from here). Rules read only in a
secondary source are marked unverified (``IKPA_INPUTS_2024.provenance``). Many
units are scored with :func:`sakip.batch.score_each` over :func:`score` (why: see there).

Examples
--------
>>> from sakip.batch import score_each
>>> from sakip.numbers import Rounding, RoundingPolicy
>>> from sakip.schemes import IKPA_CATEGORY
>>> palangka = dict(zip(IKPA_2024.names, ["100", "93.92", "100", "100", "100", "98.32", "99.30"]))
>>> batch = score_each(score, [{"values": palangka, "rules": 2024}],
...                    policy=RoundingPolicy(2, Rounding.TRUNCATE), scheme=IKPA_CATEGORY)
>>> batch.decimals(), batch.labels()
([Decimal('98.74')], ['Sangat Baik'])
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import attrs

from sakip._result import AgainstTarget, graded
from sakip.bands import Band, BandScheme, as_scheme
from sakip.coerce import to_bounded
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.instruments._ikpa_input_rules import (
    IKPA_INPUT_RULES,
    IKPA_INPUTS_2024,
    IkpaInputRules,
    RuleSource,
    SpendingType,
    input_rules_for_year,
)
from sakip.instruments._ikpa_inputs import (
    average_deviation,
    belanja_kontraktual,
    capaian_output,
    countable_revisions,
    deviasi_halaman_iii_dipa,
    dispensasi_spm,
    pengelolaan_up_tup,
    penyelesaian_tagihan,
    penyerapan_anggaran,
    revisi_dipa,
)
from sakip.instruments._ikpa_rules import (
    IKPA_2022,
    IKPA_2024,
    IKPA_RULES,
    NOT_APPLICABLE,
    Aspect,
    IkpaIndicator,
    IkpaRules,
    NotApplicable,
    resolve_rules,
    rules_for_year,
)
from sakip.numbers import UNBOUNDED, NumberLike, divide, exact_sum, to_decimal
from sakip.schemes import IKPA_CATEGORY

__all__ = [
    "IKPA_2022",
    "IKPA_2024",
    "IKPA_INPUTS_2024",
    "IKPA_INPUT_RULES",
    "IKPA_RULES",
    "NOT_APPLICABLE",
    "Aspect",
    "AspectScore",
    "IkpaIndicator",
    "IkpaInputRules",
    "IkpaResult",
    "IkpaRules",
    "IndicatorScore",
    "NotApplicable",
    "RuleSource",
    "SpendingType",
    "average_deviation",
    "belanja_kontraktual",
    "capaian_output",
    "countable_revisions",
    "deviasi_halaman_iii_dipa",
    "dispensasi_spm",
    "input_rules_for_year",
    "pengelolaan_up_tup",
    "penyelesaian_tagihan",
    "penyerapan_anggaran",
    "revisi_dipa",
    "rules_for_year",
    "score",
]

_HUNDRED = Decimal(100)


@attrs.frozen
class IndicatorScore:
    """One column of the IKPA table for one unit.

    Attributes
    ----------
    name : str
        Indicator name.
    aspect : Aspect
        Its aspect.
    value : Decimal or None
        ``Nilai`` row; None when the indicator does not apply.
    weight : int
        ``Bobot`` row as printed: the rules' weight, or 0 when not applicable.
    weighted : Decimal
        ``Nilai Akhir`` row: ``value x weight / 100`` (0 when not applicable).
    """

    name: str
    aspect: Aspect
    value: Decimal | None
    weight: int
    weighted: Decimal

    @property
    def applicable(self) -> bool:
        """Whether the indicator applies to the unit."""
        return self.value is not None


@attrs.frozen
class AspectScore:
    """An aspect's value: the weight-averaged value of its applicable indicators.

    Attributes
    ----------
    aspect : Aspect
    value : Decimal or None
        ``sum(value x weight) / sum(weight)`` over the applicable indicators of
        the aspect; None when none applies.
    weight : int
        Sum of the applicable weights of the aspect.
    """

    aspect: Aspect
    value: Decimal | None
    weight: int


@attrs.frozen
class IkpaResult(AgainstTarget):
    """The IKPA figures of one unit.

    Attributes
    ----------
    value : Decimal
        Nilai Akhir: ``Nilai Total / Konversi Bobot - Dispensasi SPM``, unrounded.
    total : Decimal
        Nilai Total: ``sum(value_i x weight_i / 100)`` over applicable indicators.
    applicable_weight : int
        Sum of the weights of the applicable indicators (100 when all apply).
    conversion : Decimal
        Konversi Bobot as a fraction: ``applicable_weight / 100`` (0.8 prints as 80%).
    dispensasi : Decimal
        The Dispensasi SPM deduction applied (always 0 under rules that weight it).
    indicators : tuple of IndicatorScore
        The columns, in the rules' order.
    aspects : tuple of AspectScore
        One per aspect, in :class:`Aspect` order.
    category : Band
        The band of ``value`` in ``scheme``, decided on the exact value
        (``category.label`` is the printed category).
    scheme : BandScheme
        The category scheme used.
    rules : IkpaRules
        The rules used.
    target : Decimal or None
        The unit's IKPA target, when given.
    achievement : Decimal or None
        As in :class:`~sakip.instruments.nka.NkaResult`.

    Examples
    --------
    >>> from sakip.numbers import Rounding, RoundingPolicy
    >>> result = score(dict.fromkeys(IKPA_2024.names, "99.995"), rules=2024, target=99)
    >>> result.rounded(RoundingPolicy(2, Rounding.TRUNCATE)), result.category.label
    (Decimal('99.99'), 'Sangat Baik')
    >>> result.meets_target, hash(result) == hash(result)
    (True, True)
    """

    value: Decimal
    total: Decimal
    applicable_weight: int
    conversion: Decimal
    dispensasi: Decimal
    indicators: tuple[IndicatorScore, ...]
    aspects: tuple[AspectScore, ...]
    category: Band
    scheme: BandScheme = attrs.field(repr=False)
    rules: IkpaRules = attrs.field(repr=False)
    target: Decimal | None = None
    achievement: Decimal | None = None

    def weighted(self, name: str) -> Decimal:
        """The weighted value (``Nilai Akhir`` row) of one indicator.

        Raises
        ------
        InvalidValueError
            A name the result's rules do not have.

        Examples
        --------
        BNNP Kalimantan Tengah 2024: Penyerapan Anggaran 99,77 x 20 % (printed 19,95).

        >>> values = dict.fromkeys(IKPA_2024.names, 100)
        >>> values["Penyerapan Anggaran"] = "99.77"
        >>> score(values, rules=2024).weighted("Penyerapan Anggaran")
        Decimal('19.954')
        """
        self.rules.indicator(name)
        return next(item.weighted for item in self.indicators if item.name == name)


def _indicator_value(rules: IkpaRules, name: str, raw: object) -> Decimal | None:
    # The marker is an enum: its value works as well as the member.
    if raw is NOT_APPLICABLE or (isinstance(raw, str) and raw == NOT_APPLICABLE.value):
        return None
    if raw is None:
        raise InvalidTypeError(
            f"values[{name!r}]", "must be a number or NOT_APPLICABLE, not None", raw
        )
    return to_bounded(raw, field=f"values[{name!r}]", low=0, high=rules.max_value)


def _check_weights(
    rules: IkpaRules, weights: Mapping[str, NumberLike], values: Mapping[str, Decimal | None]
) -> None:
    for name in weights:
        rules.indicator(name)
    for item in rules.indicators:
        if item.name not in weights:
            raise InvalidValueError("weights", f"must give the weight of {item.name!r}", None)
        number = to_decimal(weights[item.name], field=f"weights[{item.name!r}]")
        expected = item.weight if values[item.name] is not None else 0
        if number != expected:
            rule = (
                f"must be {expected} under {rules.name}"
                if values[item.name] is not None
                else "must be 0 for a not-applicable indicator"
            )
            raise InvalidValueError(f"weights[{item.name!r}]", rule, number)


def score(
    values: Mapping[str, NumberLike | NotApplicable],
    *,
    rules: IkpaRules | int,
    dispensasi: NumberLike = 0,
    weights: Mapping[str, NumberLike] | None = None,
    target: NumberLike | None = None,
    scheme: BandScheme = IKPA_CATEGORY,
) -> IkpaResult:
    """Score one unit's IKPA from its indicator values.

    Parameters
    ----------
    values : mapping of str to number or NOT_APPLICABLE
        Every indicator of ``rules`` by its official name, with its value
        (0 to ``rules.max_value``) or :data:`NOT_APPLICABLE` (or its value,
        ``"not applicable"``).
    rules : IkpaRules or int
        The rules, or a budget year with built-in rules (:data:`IKPA_RULES`,
        :func:`rules_for_year`).
    dispensasi : int, str, Decimal or float, default 0
        Dispensasi SPM deduction (points), ``>= 0``. Must be 0 under rules
        that weight Dispensasi SPM as an indicator (2022).
    weights : mapping of str to number, optional
        The ``Bobot`` row as printed, checked against ``rules``: the rules'
        weight for an applicable indicator, 0 for a not-applicable one.
    target : int, str, Decimal or float, optional
        The unit's IKPA target (``> 0``); gives ``achievement`` (through
        :func:`sakip.capaian.achievement`) and ``meets_target``.
    scheme : BandScheme, default IKPA_CATEGORY
        Category scheme.

    Returns
    -------
    IkpaResult
        ``category`` is the :class:`~sakip.bands.Band` of the exact value.

    Raises
    ------
    InvalidValueError
        An unknown indicator name, a missing one, a value outside
        ``[0, max_value]``, weights that do not match the rules, no applicable
        indicator, a negative deduction or one that makes the value negative,
        a deduction under rules that weight it, a target ``<= 0``.
    InvalidTypeError
        A value that is not a number or :data:`NOT_APPLICABLE`; ``values``
        or ``weights`` that is not a mapping; a ``scheme`` that is not a
        :class:`~sakip.bands.BandScheme`.

    Notes
    -----
    With ``v_i`` the values, ``w_i`` the weights of the applicable
    indicators and ``D`` the deduction::

        Nilai Total    = sum(v_i x w_i / 100)
        Konversi Bobot = sum(w_i) / 100
        Nilai Akhir    = Nilai Total / Konversi Bobot - D

    When every indicator applies, Konversi Bobot is 1 and Nilai Akhir is
    Nilai Total minus the deduction. The aspect value is the weight average
    of the aspect's applicable indicators; OMSPAN's printed ``Nilai Aspek``
    row averages monthly data and cannot be derived from the table, so it is
    not reproduced. Nothing is rounded: OMSPAN prints two decimals.

    References
    ----------
    PER-5/PB/2024 (DJPb). LKIP BNNP Kalimantan Tengah 2024, BAB III A,
    sasaran 12 (the three IKPA tables).

    Examples
    --------
    BNNK Kotawaringin Barat 2024: no contracts, so two indicators do not apply.

    >>> result = score(
    ...     {
    ...         "Revisi DIPA": 100, "Deviasi Halaman III DIPA": 100,
    ...         "Penyerapan Anggaran": 100, "Belanja Kontraktual": NOT_APPLICABLE,
    ...         "Penyelesaian Tagihan": NOT_APPLICABLE, "Pengelolaan UP dan TUP": "99.20",
    ...         "Capaian Output": 100,
    ...     },
    ...     rules=2024,
    ... )
    >>> result.total, result.conversion, result.value, result.category.label
    (Decimal('79.92'), Decimal('0.8'), Decimal('99.90'), 'Sangat Baik')
    """
    ruleset = resolve_rules(rules)
    scheme = as_scheme(scheme)
    if not isinstance(values, Mapping):
        raise InvalidTypeError("values", "must be a mapping of indicator name to value", values)
    for name in values:
        ruleset.indicator(name)
    parsed: dict[str, Decimal | None] = {}
    for item in ruleset.indicators:
        if item.name not in values:
            raise InvalidValueError(
                "values", f"must give {item.name!r} (a number or NOT_APPLICABLE)", None
            )
        parsed[item.name] = _indicator_value(ruleset, item.name, values[item.name])
    if weights is not None:
        if not isinstance(weights, Mapping):
            raise InvalidTypeError(
                "weights", "must be a mapping of indicator name to weight", weights
            )
        _check_weights(ruleset, weights, parsed)
    deduction = to_bounded(dispensasi, field="dispensasi", low=0)
    if deduction and not ruleset.dispensasi_deducted:
        raise InvalidValueError(
            "dispensasi",
            f"must be 0 under {ruleset.name}: Dispensasi SPM is a weighted indicator there",
            deduction,
        )

    columns = []
    weighted_sum = Decimal(0)  # sum(v_i x w_i), i.e. 100 x Nilai Total
    applicable_weight = 0
    for item in ruleset.indicators:
        value = parsed[item.name]
        if value is None:
            columns.append(IndicatorScore(item.name, item.aspect, None, 0, Decimal(0)))
            continue
        product = UNBOUNDED.multiply(value, Decimal(item.weight))
        weighted_sum = UNBOUNDED.add(weighted_sum, product)
        applicable_weight += item.weight
        columns.append(
            IndicatorScore(item.name, item.aspect, value, item.weight, divide(product, _HUNDRED))
        )
    if applicable_weight == 0:
        raise InvalidValueError("values", "must have at least one applicable indicator", None)

    total = divide(weighted_sum, _HUNDRED)
    conversion = divide(applicable_weight, _HUNDRED)
    # Nilai Total / Konversi - D = (sum(v w) - D x sum(w)) / sum(w): one division.
    numerator = UNBOUNDED.subtract(
        weighted_sum, UNBOUNDED.multiply(deduction, Decimal(applicable_weight))
    )
    final = divide(numerator, applicable_weight, denominator_field="applicable_weight")
    if final < 0:
        raise InvalidValueError(
            "dispensasi",
            f"must not exceed the converted total {divide(total, conversion)}",
            deduction,
        )

    aspects = []
    for aspect in Aspect:
        members = [c for c in columns if c.aspect is aspect and c.value is not None]
        weight = sum(c.weight for c in members)
        if weight == 0:
            aspects.append(AspectScore(aspect, None, 0))
            continue
        products = exact_sum(
            UNBOUNDED.multiply(c.value, Decimal(c.weight)) for c in members if c.value is not None
        )
        aspects.append(AspectScore(aspect, divide(products, weight), weight))

    return IkpaResult(
        total=total,
        applicable_weight=applicable_weight,
        conversion=conversion,
        dispensasi=deduction,
        indicators=tuple(columns),
        aspects=tuple(aspects),
        rules=ruleset,
        **graded(final, scheme, target),
    )
