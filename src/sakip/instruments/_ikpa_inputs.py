"""IKPA indicator values from a unit's own raw data, under the rules of a budget year.

Private module: every public name here is importable from
:mod:`sakip.instruments.ikpa`, whose ``__all__`` lists them. Each calculator is a pure function that turns
the raw inputs of one IKPA indicator (revision counts, monthly RPD and
realization per spending type, invoice settlement days, ...) into the value
OM-SPAN prints, so that a unit can simulate its IKPA before OM-SPAN
publishes it and pass the values to :func:`sakip.instruments.ikpa.score`.

The rules are versioned data (``sakip.instruments._ikpa_input_rules``):
every calculator takes ``rules=``, an :class:`IkpaInputRules` or a budget
year. Rules tagged S in ``IKPA_INPUTS_2024.provenance`` are **unverified**;
each docstring says which. See ``docs/instruments/ikpa.md``, "From raw inputs".

Examples
--------
>>> revisi_dipa(first_semester=1, second_semester=3, rules=2024)
Decimal('80.0')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from sakip.coerce import to_bool, to_bounded, to_count, to_enum, to_sequence
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.instruments._ikpa_input_rules import IkpaInputRules, SpendingType
from sakip.instruments._ikpa_input_rules import resolve_input_rules as _resolve
from sakip.instruments._ikpa_rules import NOT_APPLICABLE, NotApplicable
from sakip.numbers import UNBOUNDED, NumberLike, divide, exact_sum, percent, to_decimal

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


def countable_revisions(codes: Sequence[NumberLike], *, rules: IkpaInputRules | int) -> int:
    """How many of a semester's revisions count in Revisi DIPA.

    Only revisions that keep the satker's pagu count, identified by their
    revision code. The 2024 list is the 2022 guide's list, which DJPb's
    2022 Juknis prints; that it carries over to 2024 is **unverified** (``verified=False``, tag S).

    Parameters
    ----------
    codes : sequence of int
        The revision codes of the semester's revisions (three digits), one per revision.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A code that is not a three-digit whole number.
    InvalidTypeError
        ``codes`` given as a ``str`` or a scalar.

    Examples
    --------
    >>> countable_revisions([201, 213, 301], rules=2024)
    2
    """
    ruleset = _resolve(rules)
    counted = 0
    for index, code in enumerate(to_sequence(codes, field="codes")):
        number = to_count(code, field=f"codes[{index}]")
        if not 100 <= number <= 999:
            raise InvalidValueError(
                f"codes[{index}]", "must be a three-digit revision code", number
            )
        counted += number in ruleset.revision_codes
    return counted


def revisi_dipa(
    *, first_semester: NumberLike, second_semester: NumberLike, rules: IkpaInputRules | int
) -> Decimal:
    """The Revisi DIPA value from the countable revisions of each semester.

    Each semester scores by its own count (not cumulative): 0 or 1 revision
    110, 2 revisions 100, 3 or more 50; the year's value is
    ``0.5 x semester I + 0.5 x semester II``. Counting per semester is read
    (tag V, KPPN Kupang 2023); the scores and the halves are **unverified**
    (``verified=False``, tag S: DJPb 2024 Paparan via a secondary register).

    Parameters
    ----------
    first_semester, second_semester : int
        Countable revisions (:func:`countable_revisions`) in each semester, ``>= 0``.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A count that is negative or fractional; a year without built-in
        rules (:func:`input_rules_for_year`).
    InvalidTypeError
        A count that is not a number (a bool included).

    Examples
    --------
    >>> revisi_dipa(first_semester=0, second_semester=2, rules=2024)
    Decimal('105.0')
    """
    ruleset = _resolve(rules)
    scores = ruleset.revision_scores
    total = _ZERO
    for field, count, weight in (
        ("first_semester", first_semester, ruleset.semester_weights[0]),
        ("second_semester", second_semester, ruleset.semester_weights[1]),
    ):
        number = to_count(count, field=field)
        total = UNBOUNDED.add(
            total, UNBOUNDED.multiply(weight, scores[min(number, len(scores) - 1)])
        )
    return total


def _by_type(
    values: Mapping[SpendingType | str, NumberLike], *, field: str
) -> dict[SpendingType, Decimal]:
    if not isinstance(values, Mapping):
        raise InvalidTypeError(field, "must be a mapping of spending type to amount", values)
    parsed = {}
    for key, value in values.items():
        kind = to_enum(key, SpendingType, field=field)
        parsed[kind] = to_bounded(value, field=f"{field}[{kind.value!r}]", low=0)
    if not any(parsed.values()):
        raise InvalidValueError(field, "must have a spending type with a pagu > 0", values)
    return parsed


def _monthly(
    values: Mapping[SpendingType | str, Sequence[NumberLike]],
    kinds: Sequence[SpendingType],
    *,
    field: str,
) -> dict[SpendingType, tuple[Decimal, ...]]:
    if not isinstance(values, Mapping):
        raise InvalidTypeError(
            field, "must be a mapping of spending type to monthly amounts", values
        )
    parsed: dict[SpendingType, tuple[Decimal, ...]] = {}
    for key, row in values.items():
        kind = to_enum(key, SpendingType, field=field)
        name = f"{field}[{kind.value!r}]"
        items = to_sequence(row, field=name)
        if not 1 <= len(items) <= 12:
            raise InvalidValueError(name, "must give 1 to 12 months from January", len(items))
        parsed[kind] = tuple(
            to_bounded(v, field=f"{name}[{i}]", low=0) for i, v in enumerate(items)
        )
        if kind not in kinds and any(parsed[kind]):
            raise InvalidValueError(name, "must be 0 for a spending type without pagu", row)
    for kind in kinds:
        if kind not in parsed:
            raise InvalidValueError(
                field, f"must give the months of spending type {kind.value!r}", None
            )
    lengths = {len(parsed[kind]) for kind in kinds}
    if len(lengths) > 1:
        raise InvalidValueError(
            field, "must give the same number of months for every type", sorted(lengths)
        )
    return parsed


def average_deviation(
    *,
    pagu: Mapping[SpendingType | str, NumberLike],
    rpd: Mapping[SpendingType | str, Sequence[NumberLike]],
    realization: Mapping[SpendingType | str, Sequence[NumberLike]],
    rules: IkpaInputRules | int,
) -> Decimal:
    """The average monthly deviation (percent) of realization against Halaman III DIPA.

    For each counted month ``m`` and spending type ``t`` with a pagu,
    ``d = |realization - rpd| / rpd x 100``, capped at 100; the month's
    deviation weights ``d`` by each type's share of the pagu; the result is
    the mean over the counted months. Read (tag V): the ratio to the
    monthly RPD per spending type and the pagu weighting (KPPN Gunungsitoli
    and KPPN Gorontalo citing PER-5/PB/2024 Pasal 7, KPPN Semarang II, KPPN
    Kupang). **Unverified** (``verified=False``, tag S): the months (January to November: a
    12th month is not counted) and the cap at 100. A month with an RPD of 0
    and a realization of 0 has no deviation; with an RPD of 0 and a
    realization above 0 the ratio has no finite value and takes the cap (a
    reading of the cap, not a published rule).

    Parameters
    ----------
    pagu : mapping of SpendingType or str to number
        Pagu per spending type (``"51"``, ``"52"``, ``"53"``, ``"57"``), ``>= 0``.
    rpd : mapping of SpendingType or str to sequence of number
        Monthly RPD (Halaman III DIPA, as last updated) from January, per type with a pagu.
    realization : mapping of SpendingType or str to sequence of number
        Monthly realization from January, per type with a pagu, as many months as ``rpd``.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        Negative amounts, no type with a pagu, a type with a pagu missing
        from ``rpd`` or ``realization``, amounts above 0 for a type without
        pagu, months that differ in number, more than 12 months.
    InvalidTypeError
        A non-mapping argument, a ``str`` given as the months.

    Examples
    --------
    >>> average_deviation(pagu={"51": 600, "52": 400},
    ...                   rpd={"51": [50, 50], "52": [40, 20]},
    ...                   realization={"51": [50, 45], "52": [30, 20]}, rules=2024)
    Decimal('8')
    """
    ruleset = _resolve(rules)
    budget = _by_type(pagu, field="pagu")
    kinds = [kind for kind in SpendingType if budget.get(kind)]
    plan = _monthly(rpd, kinds, field="rpd")
    real = _monthly(realization, kinds, field="realization")
    months = len(plan[kinds[0]])
    if len(real[kinds[0]]) != months:
        raise InvalidValueError(
            "realization", f"must give {months} months, as rpd", len(real[kinds[0]])
        )
    counted = min(months, ruleset.deviation_months)
    whole = exact_sum(budget[kind] for kind in kinds)
    monthly = []
    for month in range(counted):
        weighted = _ZERO
        for kind in kinds:
            planned, actual = plan[kind][month], real[kind][month]
            if planned.is_zero():
                deviation = _ZERO if actual.is_zero() else ruleset.deviation_cap
            else:
                gap = UNBOUNDED.abs(UNBOUNDED.subtract(actual, planned))
                deviation = min(percent(gap, planned), ruleset.deviation_cap)
            weighted = UNBOUNDED.add(weighted, UNBOUNDED.multiply(deviation, budget[kind]))
        monthly.append(divide(weighted, whole))
    return divide(exact_sum(monthly), counted)


def deviasi_halaman_iii_dipa(
    *,
    pagu: Mapping[SpendingType | str, NumberLike],
    rpd: Mapping[SpendingType | str, Sequence[NumberLike]],
    realization: Mapping[SpendingType | str, Sequence[NumberLike]],
    rules: IkpaInputRules | int,
) -> Decimal:
    """The Deviasi Halaman III DIPA value: 100 when the average deviation is within tolerance.

    The average deviation is :func:`average_deviation`; an average of at
    most 5 % scores 100 (**unverified**, ``verified=False``, tag S). The value above 5 % is not
    published in any source read (one simulator guesses ``100 - average``),
    so it is not computed: such an average raises, and the caller can show
    :func:`average_deviation` instead.

    Parameters
    ----------
    pagu, rpd, realization, rules
        As :func:`average_deviation`.

    Raises
    ------
    InvalidValueError
        As :func:`average_deviation`; an average deviation above the
        tolerance (no published value).

    Examples
    --------
    >>> deviasi_halaman_iii_dipa(pagu={"52": 100}, rpd={"52": [10, 10, 10]},
    ...                          realization={"52": [10, 10, 11]}, rules=2024)
    Decimal('100')
    """
    ruleset = _resolve(rules)
    average = average_deviation(pagu=pagu, rpd=rpd, realization=realization, rules=ruleset)
    if average > ruleset.deviation_tolerance:
        raise InvalidValueError(
            "realization",
            f"gives an average deviation above {ruleset.deviation_tolerance} %, whose Deviasi "
            f"Halaman III DIPA value {ruleset.name} does not publish in any source read",
            average,
        )
    return _HUNDRED


def penyerapan_anggaran(
    *,
    pagu: Mapping[SpendingType | str, NumberLike],
    realization: Mapping[SpendingType | str, Sequence[NumberLike]],
    capped: bool,
    rules: IkpaInputRules | int,
) -> Decimal:
    """The Penyerapan Anggaran value from monthly realization against quarterly targets.

    For each completed quarter ``q`` and spending type ``t`` with a pagu,
    the cumulative realization is taken in percent of the pagu and divided
    by the quarter's cumulative target (x 100); the quarter's value weights
    the ratios by each type's share of the pagu; the indicator is the mean
    over the quarters. Read (tag V): the mean over quarters of a weighted
    average per spending type, on the pagu net of blokir (KPPN Gorontalo
    citing PER-5/PB/2024 Pasal 9; KPPN Kupang 2023), and the TW III 2024
    targets of 51/52/53, 75/70/70 (KPPN Merauke). **Unverified** (``verified=False``, tag S):
    the other targets and that the weights are the pagu shares. Whether each
    ratio is capped at 100 is not published: the caller states it with
    ``capped``.

    Parameters
    ----------
    pagu : mapping of SpendingType or str to number
        Pagu per spending type net of blokir (pagu minus blokir), ``>= 0``.
    realization : mapping of SpendingType or str to sequence of number
        Monthly realization from January per type with a pagu: 3, 6, 9 or 12 months.
    capped : bool
        Whether each type's ratio is capped at 100 (unverified either way).
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        As :func:`average_deviation`; a number of months that is not a whole
        number of quarters; a spending type without targets in ``rules``.
    InvalidTypeError
        ``capped`` that is not a bool.

    Examples
    --------
    TW III 2024 targets 75 / 70 (KPPN Merauke): exactly on target.

    >>> penyerapan_anggaran(pagu={"51": 1000, "52": 1000},
    ...                     realization={"51": [200] + [0] * 4 + [300] + [0] * 2 + [250],
    ...                                  "52": [150] + [0] * 4 + [350] + [0] * 2 + [200]},
    ...                     capped=True, rules=2024)
    Decimal('100')
    >>> penyerapan_anggaran(pagu={"51": 1000}, realization={"51": [100] * 4},
    ...                     capped=True, rules=2024)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'realization' must give 3, 6, 9 or 12 months (whole quarters): 4
    """
    ruleset = _resolve(rules)
    cap = to_bool(capped, field="capped")
    budget = _by_type(pagu, field="pagu")
    kinds = [kind for kind in SpendingType if budget.get(kind)]
    for kind in kinds:
        if kind not in ruleset.absorption_targets:
            raise InvalidValueError(
                "pagu", f"has no absorption targets under {ruleset.name}", kind.value
            )
    real = _monthly(realization, kinds, field="realization")
    months = len(real[kinds[0]])
    if months % 3:
        raise InvalidValueError(
            "realization",
            "must give 3, 6, 9 or 12 months (whole quarters)",
            months,
        )
    whole = exact_sum(budget[kind] for kind in kinds)
    quarters = []
    for quarter in range(months // 3):
        weighted = _ZERO
        for kind in kinds:
            absorbed = percent(exact_sum(real[kind][: 3 * quarter + 3]), budget[kind])
            ratio = percent(absorbed, ruleset.absorption_targets[kind][quarter])
            if cap:
                ratio = min(ratio, _HUNDRED)
            weighted = UNBOUNDED.add(weighted, UNBOUNDED.multiply(ratio, budget[kind]))
        quarters.append(divide(weighted, whole))
    return divide(exact_sum(quarters), len(quarters))


def belanja_kontraktual(
    *,
    early_contracts: NumberLike,
    capital_acceleration: NumberLike,
    distribution: NumberLike,
    rules: IkpaInputRules | int,
) -> Decimal:
    """The Belanja Kontraktual value from its three components.

    ``0.40 x early_contracts + 0.40 x capital_acceleration + 0.20 x D``,
    where ``D`` is the distribution ladder applied to ``distribution``:
    above 75 % -> 100; above 50 -> 80; above 25 -> 60; above 0 -> 50;
    0 -> 0. The weights are read (tag V, KPPN Kotabumi S-951, 2024; a 2024
    KPPN letter gives 30 for the pre-DIPA component instead); the ladder is
    **unverified** (``verified=False``, tag S). How OM-SPAN turns the contracts into the first two
    component values (a contract signed after the DIPA and before 1 January
    earns 120, in January to March 110; only contracts above Rp50 juta)
    is not published beyond that, so the caller gives them.

    Parameters
    ----------
    early_contracts : number
        Akselerasi kontrak dini component value, 0 to 120.
    capital_acceleration : number
        Capital-spending acceleration component value, 0 to 120.
    distribution : number
        Share (percent, 0 to 100) of acceleration realized up to TW II.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A component outside its range.

    Examples
    --------
    >>> belanja_kontraktual(early_contracts=120, capital_acceleration=100,
    ...                     distribution="60.5", rules=2024)
    Decimal('104')
    """
    ruleset = _resolve(rules)
    early = to_bounded(early_contracts, field="early_contracts", low=0, high=120)
    capital = to_bounded(capital_acceleration, field="capital_acceleration", low=0, high=120)
    share = to_bounded(distribution, field="distribution", low=0, high=100)
    ladder = next((value for bound, value in ruleset.distribution_ladder if share > bound), _ZERO)
    parts = (early, capital, ladder)
    total = exact_sum(
        UNBOUNDED.multiply(w, p) for w, p in zip(ruleset.contract_weights, parts, strict=True)
    )
    return divide(total, _HUNDRED)


def penyelesaian_tagihan(
    working_days: Sequence[NumberLike], *, rules: IkpaInputRules | int
) -> Decimal | NotApplicable:
    """The Penyelesaian Tagihan value: share of contract payments requested in time.

    ``on time / all x 100`` over the contract payment requests (SPM-LS
    kontraktual), a request being on time when the KPPN receives it within
    17 working days of the handover document (BAST). **Unverified** (``verified=False``, tag S).
    A unit without such requests gets :data:`NOT_APPLICABLE` (as the LKIP
    2024 prints for BNNK Kotawaringin Barat, which had no contracts).

    Parameters
    ----------
    working_days : sequence of int
        For each request, the working days from the BAST to its receipt by the KPPN.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A negative or fractional number of days.
    InvalidTypeError
        ``working_days`` given as a ``str`` or a scalar.

    Examples
    --------
    >>> penyelesaian_tagihan([3, 17, 18, 5], rules=2024)
    Decimal('75')
    >>> penyelesaian_tagihan([], rules=2024)
    NOT_APPLICABLE
    """
    ruleset = _resolve(rules)
    days = [
        to_count(d, field=f"working_days[{i}]")
        for i, d in enumerate(to_sequence(working_days, field="working_days"))
    ]
    if not days:
        return NOT_APPLICABLE
    on_time = sum(d <= ruleset.invoice_days for d in days)
    return percent(on_time, len(days))


def pengelolaan_up_tup(
    *,
    timeliness: NumberLike,
    gup: NumberLike,
    tup_deposit: NumberLike,
    kkp_reached: bool,
    rules: IkpaInputRules | int,
) -> Decimal:
    """The Pengelolaan UP dan TUP value from its components.

    ``0.90 x (0.50 x timeliness + 0.25 x gup + 0.25 x tup_deposit) + 0.10 x K``
    with ``K`` 110 when the quarter's UP KKP target is reached (targets
    ``rules.kkp_targets``, 1 / 5 / 9 / 12,5 % in 2024), 100 otherwise.
    **Unverified** (``verified=False``, tag S): how each cash component is scored is not
    published beyond its weight, so the caller gives them.

    Parameters
    ----------
    timeliness, gup, tup_deposit : number
        Cash UP/TUP component values, 0 to 100: timeliness, monthly GUP, TUP deposit.
    kkp_reached : bool
        Whether the UP KKP (government credit card) target of the quarter is reached.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A component outside 0 to 100.
    InvalidTypeError
        ``kkp_reached`` that is not a bool.

    Examples
    --------
    >>> pengelolaan_up_tup(timeliness=100, gup=100, tup_deposit=100, kkp_reached=False, rules=2024)
    Decimal('100')
    """
    ruleset = _resolve(rules)
    parts = [
        to_bounded(v, field=f, low=0, high=100)
        for f, v in (("timeliness", timeliness), ("gup", gup), ("tup_deposit", tup_deposit))
    ]
    reached = to_bool(kkp_reached, field="kkp_reached")
    kkp = ruleset.kkp_scores[0] if reached else ruleset.kkp_scores[1]
    weights = ruleset.up_weights
    cash = divide(
        exact_sum(UNBOUNDED.multiply(w, p) for w, p in zip(weights[:3], parts, strict=True)),
        _HUNDRED,
    )
    total = UNBOUNDED.add(
        UNBOUNDED.multiply(weights[3], cash), UNBOUNDED.multiply(weights[4], kkp)
    )
    return divide(total, _HUNDRED)


def capaian_output(
    *, realization: NumberLike, target: NumberLike, on_time: bool, rules: IkpaInputRules | int
) -> Decimal:
    """The Capaian Output value: reporting timeliness 30 % and achievement 70 %.

    ``0.30 x (100 if on_time else 0) + 0.70 x min(realization / target x 100, 100)``.
    From January to November ``realization`` is the output progress (PCRO)
    and ``target`` its planned progress (TPCRO); in December, or when PCRO
    reaches 100 %, the realized output volume (RVRO) and the target volume.
    A report is on time by the 5th working day of the next month.
    **Unverified** (``verified=False``, tag S; the December rule in particular).

    Parameters
    ----------
    realization : number
        PCRO, or RVRO in December, ``>= 0``.
    target : number
        TPCRO, or the target volume in December, ``> 0``.
    on_time : bool
        Whether the output was reported by the 5th working day of the next month.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        A negative realization, a target of 0 or less.
    InvalidTypeError
        ``on_time`` that is not a bool.

    Examples
    --------
    >>> capaian_output(realization=45, target=50, on_time=True, rules=2024)
    Decimal('93')
    """
    ruleset = _resolve(rules)
    actual = to_bounded(realization, field="realization", low=0)
    goal = to_decimal(target, field="target")
    if goal <= 0:
        raise InvalidValueError("target", "must be > 0", goal)
    timely = _HUNDRED if to_bool(on_time, field="on_time") else _ZERO
    achieved = min(percent(actual, goal, whole_field="target"), _HUNDRED)
    time_weight, output_weight = ruleset.output_weights
    total = UNBOUNDED.add(
        UNBOUNDED.multiply(time_weight, timely), UNBOUNDED.multiply(output_weight, achieved)
    )
    return divide(total, _HUNDRED)


def dispensasi_spm(
    *, dispensed: NumberLike, spm: NumberLike, rules: IkpaInputRules | int
) -> Decimal:
    """The Dispensasi SPM deduction, for ``ikpa.score(..., dispensasi=)``.

    The ratio is ``dispensed / spm x 1000`` (per mille) over the SPM of
    TW IV; the deduction is 0 for no dispensation, 0,25 below 0,1 ‰, 0,50
    below 1 ‰, 0,75 below 5 ‰ and 1,00 from 5 ‰. **Unverified** (``verified=False``, tag S).
    The source prints the steps as 0,01-0,099 / 0,1-0,99 / 1-4,99 / >= 5;
    every ratio between two printed steps (0,0995 ‰) takes the lower step's
    deduction, a reading of the printed bounds as two-decimal renderings.

    Parameters
    ----------
    dispensed : int
        SPM submitted with a dispensation in TW IV, ``>= 0``.
    spm : int
        All SPM submitted in TW IV, ``>= dispensed``.
    rules : IkpaInputRules or int
        The rules, or a budget year with built-in rules.

    Raises
    ------
    InvalidValueError
        Negative or fractional counts, ``dispensed > spm``.

    Examples
    --------
    >>> dispensasi_spm(dispensed=1, spm=2000, rules=2024)
    Decimal('0.50')
    """
    ruleset = _resolve(rules)
    count = to_count(dispensed, field="dispensed")
    total = to_count(spm, field="spm")
    if count > total:
        raise InvalidValueError("dispensed", f"must not exceed spm ({total})", count)
    if count == 0:
        return _ZERO
    ratio = divide(count * 1000, total)
    return next(d for bound, d in ruleset.dispensasi_ladder if ratio >= bound)
