"""The versioned rules of the IKPA indicator calculators, with each rule's provenance.

Private module: every public name here is importable from
:mod:`sakip.instruments.ikpa`. The calculators (``revisi_dipa``,
``penyerapan_anggaran``, ...) live in ``sakip.instruments._ikpa_inputs``.

The rules of a year are data (:class:`IkpaInputRules`, :data:`IKPA_INPUT_RULES`),
like the weights in ``_ikpa_rules``: the rules of 2025 go beside
:data:`IKPA_INPUTS_2024`. Each rule carries its provenance (:class:`RuleSource`),
tagged as in ``ikpa-2024.md``: ``"V"`` read in an official text (a DJPb/KPPN
page), ``"S"`` from a secondary source citing DJPb's 2024 technical guide,
hence **unverified** (``verified`` is False), as the band schemes mark their
unverified bounds. Rules tagged ``"I"`` (inference) are not implemented.

Examples
--------
>>> [(s.tag, s.verified) for s in IKPA_INPUTS_2024.sources("Revisi DIPA")]
[('V', True), ('S', False), ('S', False)]
"""

from __future__ import annotations

import enum
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from sakip.coerce import to_count, to_enum, to_positive_int, to_sequence, to_text
from sakip.errors import InvalidTypeError, InvalidValueError
from sakip.instruments._ikpa_rules import _years
from sakip.numbers import NumberLike, to_decimal

__all__ = [
    "IKPA_INPUTS_2024",
    "IKPA_INPUT_RULES",
    "IkpaInputRules",
    "RuleSource",
    "SpendingType",
    "input_rules_for_year",
    "resolve_input_rules",
]

_HUNDRED = Decimal(100)
_ZERO = Decimal(0)


class SpendingType(enum.Enum):
    """Jenis belanja: the spending types IKPA weighs, by their account prefix.

    Give the member or its value (the two-digit account prefix as a ``str``).

    Examples
    --------
    >>> SpendingType("52")
    <SpendingType.BARANG: '52'>
    """

    PEGAWAI = "51"
    BARANG = "52"
    MODAL = "53"
    BANSOS = "57"


def _tag(value: str) -> str:
    tag = to_text(value, field="tag")
    if tag not in ("V", "S"):
        raise InvalidValueError(
            "tag", "must be 'V' (official text) or 'S' (secondary source)", value
        )
    return tag


def _name(value: str) -> str:
    name = to_text(value, field="name")
    if not name:
        raise InvalidValueError("name", "must not be empty (the regulation)", value)
    return name


def _indicator(value: str) -> str:
    name = to_text(value, field="indicator")
    if not name:
        raise InvalidValueError("indicator", "must not be empty (the IKPA indicator)", value)
    return name


@attrs.frozen
class RuleSource:
    """Where one rule of an IKPA calculator comes from, and how sure it is.

    Parameters
    ----------
    indicator : str
        The IKPA indicator (``"Revisi DIPA"``).
    rule : str
        The rule, in a few words.
    tag : str
        ``"V"`` read in an official text (DJPb/KPPN page), ``"S"`` secondary
        source citing the official one (unverified).
    source : str
        The citation.

    Raises
    ------
    InvalidValueError
        A tag other than ``"V"`` or ``"S"`` (rules tagged ``"I"`` are not
        implemented).

    Examples
    --------
    >>> RuleSource("Revisi DIPA", "per semester", "V", "KPPN Kupang 2023").verified
    True
    """

    indicator: str = attrs.field(converter=_indicator)
    rule: str
    tag: str = attrs.field(converter=_tag)
    source: str

    @property
    def verified(self) -> bool:
        """Whether the rule was read in an official text (tag ``"V"``)."""
        return self.tag == "V"


def _decimals(values: Iterable[NumberLike]) -> tuple[Decimal, ...]:
    return tuple(to_decimal(v, field="rules") for v in to_sequence(values, field="rules"))


def _codes(values: Iterable[int]) -> frozenset[int]:
    return frozenset(
        to_count(v, field="revision_codes") for v in to_sequence(values, field="revision_codes")
    )


def _months(value: int) -> int:
    months = to_positive_int(value, field="deviation_months")
    if months > 12:
        raise InvalidValueError("deviation_months", "must be <= 12", months)
    return months


def _number(value: NumberLike) -> Decimal:
    return to_decimal(value, field="rules")


def _days(value: int) -> int:
    return to_count(value, field="invoice_days")


def _ladder(
    values: Iterable[tuple[NumberLike, NumberLike]],
) -> tuple[tuple[Decimal, Decimal], ...]:
    steps = []
    for step in to_sequence(values, field="ladder"):
        pair = to_sequence(step, field="ladder")
        if len(pair) != 2:
            raise InvalidValueError("ladder", "must hold (bound, value) pairs", step)
        steps.append((to_decimal(pair[0], field="ladder"), to_decimal(pair[1], field="ladder")))
    bounds = [bound for bound, _ in steps]
    if not steps or bounds != sorted(set(bounds), reverse=True) or bounds[-1] != 0:
        raise InvalidValueError("ladder", "must have decreasing bounds ending at 0", bounds)
    return tuple(steps)


def _targets(
    values: Mapping[SpendingType, Iterable[NumberLike]],
) -> Mapping[SpendingType, tuple[Decimal, ...]]:
    if not isinstance(values, Mapping):
        raise InvalidTypeError("absorption_targets", "must be a mapping", values)
    targets = {
        to_enum(k, SpendingType, field="absorption_targets"): _decimals(v)
        for k, v in values.items()
    }
    for kind, row in targets.items():
        if len(row) != 4 or any(not _ZERO < t <= _HUNDRED for t in row):
            raise InvalidValueError(
                f"absorption_targets[{kind.value!r}]",
                "must be 4 quarterly targets in (0, 100]",
                row,
            )
    return types.MappingProxyType(targets)


def _sources(values: Iterable[RuleSource]) -> tuple[RuleSource, ...]:
    sources = to_sequence(values, field="provenance")
    for item in sources:
        if not isinstance(item, RuleSource):
            raise InvalidTypeError("provenance", "must hold RuleSource objects", item)
    return sources


# How many numbers each tuple of weights or scores holds.
_LENGTHS = {
    "semester_weights": 2,
    "contract_weights": 3,
    "up_weights": 5,
    "kkp_scores": 2,
    "kkp_targets": 4,
    "output_weights": 2,
}


@attrs.frozen
class IkpaInputRules:
    """The parameters of the IKPA indicator calculators for one regulation.

    Parameters
    ----------
    name, years
        As in :class:`~sakip.instruments.ikpa.IkpaRules`.
    revision_codes : iterable of int
        Revision codes that count in Revisi DIPA (those that keep the pagu).
    revision_scores : sequence of number
        Value of a semester by its number of revisions: entry ``n`` for ``n``
        revisions, the last entry for every larger count.
    semester_weights : 2 numbers
        Weights of semester I and II in the year's Revisi DIPA value.
    deviation_months : int
        Months counted in Deviasi Halaman III DIPA, from January (1 to 12).
    deviation_cap : number
        Cap on each monthly deviation, in percent.
    deviation_tolerance : number
        Largest average deviation (percent) that scores 100.
    absorption_targets : mapping of SpendingType to 4 numbers
        Cumulative absorption targets (percent of pagu, in (0, 100]) at the
        end of TW I-IV (read-only after construction).
    contract_weights : 3 numbers
        Weights (percent) of the early-contract, capital-acceleration and
        distribution components of Belanja Kontraktual.
    distribution_ladder : sequence of (bound, value)
        From the highest bound down to 0: a distribution above ``bound``
        earns ``value``; a distribution of 0 earns 0.
    invoice_days : int
        Working days within which a contract payment request must reach the KPPN.
    up_weights : 5 numbers
        Weights (percent) of UP/TUP timeliness, monthly GUP and TUP deposit
        inside the cash part, then of the cash part and of UP KKP.
    kkp_scores : 2 numbers
        UP KKP value when the quarter's target is reached, and when it is not.
    kkp_targets : 4 numbers
        UP KKP targets of TW I-IV, in percent (for the caller's check).
    output_weights : 2 numbers
        Weights (percent) of reporting timeliness and of output achievement.
    dispensasi_ladder : sequence of (bound, deduction)
        From the highest bound down to 0: a ratio (per mille) at or above
        ``bound`` deducts ``deduction``; the step at bound 0 applies to any
        ratio above 0; no dispensation deducts 0.
    provenance : sequence of RuleSource
        The source and tag of every rule.

    Raises
    ------
    InvalidValueError
        A tuple of the wrong length, a ladder whose bounds do not decrease
        to 0, targets outside (0, 100], ``deviation_months`` outside 1 to 12,
        negative or fractional codes or days.
    InvalidTypeError
        A ``str`` or scalar where a sequence is expected, a non-number, a
        provenance item that is not a :class:`RuleSource`.

    Notes
    -----
    ``absorption_targets`` is a read-only mapping and does not take part in
    the hash (equal rules still hash equal).

    Examples
    --------
    >>> IKPA_INPUTS_2024.absorption_targets[SpendingType.MODAL]
    (Decimal('10'), Decimal('40'), Decimal('70'), Decimal('90'))
    """

    name: str = attrs.field(converter=_name)
    years: tuple[int, ...] = attrs.field(converter=_years)
    revision_codes: frozenset[int] = attrs.field(converter=_codes)
    revision_scores: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    semester_weights: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    deviation_months: int = attrs.field(converter=_months)
    deviation_cap: Decimal = attrs.field(converter=_number)
    deviation_tolerance: Decimal = attrs.field(converter=_number)
    absorption_targets: Mapping[SpendingType, tuple[Decimal, ...]] = attrs.field(
        converter=_targets, hash=False
    )
    contract_weights: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    distribution_ladder: tuple[tuple[Decimal, Decimal], ...] = attrs.field(converter=_ladder)
    invoice_days: int = attrs.field(converter=_days)
    up_weights: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    kkp_scores: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    kkp_targets: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    output_weights: tuple[Decimal, ...] = attrs.field(converter=_decimals)
    dispensasi_ladder: tuple[tuple[Decimal, Decimal], ...] = attrs.field(converter=_ladder)
    provenance: tuple[RuleSource, ...] = attrs.field(converter=_sources)

    def __attrs_post_init__(self) -> None:
        if not self.revision_scores:
            raise InvalidValueError("revision_scores", "must not be empty", ())
        for field, length in _LENGTHS.items():
            values = getattr(self, field)
            if len(values) != length:
                raise InvalidValueError(field, f"must hold {length} numbers", values)

    def sources(self, indicator: str) -> tuple[RuleSource, ...]:
        """The provenance of one indicator's rules.

        Examples
        --------
        >>> [s.verified for s in IKPA_INPUTS_2024.sources("Dispensasi SPM")]
        [False, False]
        """
        return tuple(s for s in self.provenance if s.indicator == indicator)


_KUPANG = (
    "KPPN Kupang (DJPb), 'Strategi Optimalisasi Nilai IKPA', Dec 2023 (comparison 2022 vs 2024)"
)
_GUNUNGSITOLI = (
    "KPPN Gunungsitoli (DJPb), 'Deviasi Halaman III DIPA, Muaranya Kemana?', citing PER-5/PB/2024 "
    "Pasal 7"
)
_SEMARANG2 = "KPPN Semarang II (DJPb), 'Indikator Kinerja Deviasi Halaman III DIPA'"
_MERAUKE = "KPPN Merauke (DJPb), 'IKPA Maksimal, APBN Optimal': TW III 2024 targets 51/52/53"
_GORONTALO = (
    "KPPN Gorontalo (DJPb), 'Ketentuan Penilaian IKPA TA 2026', citing PER-5/PB/2024 Pasal 7 "
    "and Pasal 9"
)
_JUKNIS_2022 = "DJPb Juknis IKPA 2022: revisions that keep the satker's pagu, by code"
_PAPARAN = (
    "secondary: simulator-ikpa regulatory register citing DJPb 'Paparan Petunjuk Teknis "
    "Penilaian Kinerja Pelaksanaan Anggaran Tahun 2024' (not read)"
)
_KOTABUMI = "DJPb KPPN Kotabumi S-951 (2024): components 40/40/20, 120 / 110 by signing date"

_PROVENANCE_2024 = (
    RuleSource("Revisi DIPA", "counted per semester, not per quarter", "V", _KUPANG),
    RuleSource(
        "Revisi DIPA", "only pagu-keeping revision codes count (2022 list)", "S", _JUKNIS_2022
    ),
    RuleSource(
        "Revisi DIPA", "0-1 -> 110, 2 -> 100, 3+ -> 50; year = 0.5 S1 + 0.5 S2", "S", _PAPARAN
    ),
    RuleSource(
        "Deviasi Halaman III DIPA",
        "|realization - RPD| / RPD per month and spending type, pagu-weighted, averaged",
        "V",
        f"{_GUNUNGSITOLI}; {_SEMARANG2}; {_GORONTALO}; {_KUPANG}",
    ),
    RuleSource(
        "Deviasi Halaman III DIPA",
        "January-November, monthly deviation capped at 100 %, average <= 5 % -> 100",
        "S",
        _PAPARAN,
    ),
    RuleSource(
        "Penyerapan Anggaran",
        "mean over quarters of a weighted average, per spending type, of absorption against "
        "the quarterly target; the pagu is net of blokir",
        "V",
        f"{_GORONTALO}; {_KUPANG}",
    ),
    RuleSource("Penyerapan Anggaran", "TW III targets 51 = 75, 52 = 70, 53 = 70", "V", _MERAUKE),
    RuleSource(
        "Penyerapan Anggaran",
        "other targets (51 20/50/-/95, 52 15/50/-/90, 53 10/40/-/90, 57 25/50/75/95); "
        "the weights are the pagu shares",
        "S",
        _PAPARAN,
    ),
    RuleSource("Belanja Kontraktual", "components 40 / 40 / 20", "V", _KOTABUMI),
    RuleSource(
        "Belanja Kontraktual",
        "distribution to TW II: > 75 -> 100, > 50 -> 80, > 25 -> 60, > 0 -> 50, 0 -> 0",
        "S",
        _PAPARAN,
    ),
    RuleSource(
        "Penyelesaian Tagihan",
        "SPM-LS kontraktual within 17 working days of BAST / all x 100",
        "S",
        _PAPARAN,
    ),
    RuleSource(
        "Pengelolaan UP dan TUP",
        "cash 90 (timeliness 50, GUP 25, TUP deposit 25) + UP KKP 10 (reached 110, else 100)",
        "S",
        _PAPARAN,
    ),
    RuleSource(
        "Capaian Output",
        "timeliness 30 (100 / 0) + achievement 70, min(realization / target x 100, 100)",
        "S",
        _PAPARAN,
    ),
    RuleSource(
        "Dispensasi SPM", "ratio = SPM with dispensation / SPM in TW IV x 1000", "S", _PAPARAN
    ),
    RuleSource(
        "Dispensasi SPM",
        "0 -> 0; below 0.1 -> 0.25; below 1 -> 0.50; below 5 -> 0.75; 5 or more -> 1.00",
        "S",
        _PAPARAN,
    ),
)

IKPA_INPUTS_2024 = IkpaInputRules(
    "PER-5/PB/2024",
    years=(2024,),
    revision_codes=(201, 211, 212, 213, 217, 220, 221, 222, 225, 226, 229, 231, 236, 239),
    revision_scores=(110, 110, 100, 50),
    semester_weights=("0.5", "0.5"),
    deviation_months=11,
    deviation_cap=100,
    deviation_tolerance=5,
    absorption_targets={
        SpendingType.PEGAWAI: (20, 50, 75, 95),
        SpendingType.BARANG: (15, 50, 70, 90),
        SpendingType.MODAL: (10, 40, 70, 90),
        SpendingType.BANSOS: (25, 50, 75, 95),
    },
    contract_weights=(40, 40, 20),
    distribution_ladder=((75, 100), (50, 80), (25, 60), (0, 50)),
    invoice_days=17,
    up_weights=(50, 25, 25, 90, 10),
    kkp_scores=(110, 100),
    kkp_targets=(1, 5, 9, "12.5"),
    output_weights=(30, 70),
    dispensasi_ladder=(("5", "1.00"), ("1", "0.75"), ("0.1", "0.50"), (0, "0.25")),
    provenance=_PROVENANCE_2024,
)
"""The IKPA 2024 calculator rules (PER-5/PB/2024); see ``provenance`` for each rule's tag.

Examples
--------
>>> IKPA_INPUTS_2024.revision_scores, IKPA_INPUTS_2024.invoice_days
((Decimal('110'), Decimal('110'), Decimal('100'), Decimal('50')), 17)
"""

IKPA_INPUT_RULES: Mapping[int, IkpaInputRules] = types.MappingProxyType(
    {year: rules for rules in (IKPA_INPUTS_2024,) for year in rules.years}
)
"""Built-in calculator rules keyed by budget year (read-only); 2025 goes beside 2024."""


def input_rules_for_year(year: int) -> IkpaInputRules:
    """The built-in IKPA calculator rules of a budget year.

    Raises
    ------
    InvalidValueError
        A year without built-in calculator rules.

    Examples
    --------
    >>> input_rules_for_year(2024).name
    'PER-5/PB/2024'
    >>> input_rules_for_year(2022)
    Traceback (most recent call last):
    ...
    sakip.errors.InvalidValueError: 'rules' must be one of [2024] (built-in IKPA calculator rules): 2022
    """
    return resolve_input_rules(year)


def resolve_input_rules(rules: IkpaInputRules | int) -> IkpaInputRules:
    """The rules given, or the built-in calculator rules of a budget year (the ``rules=``).

    Raises
    ------
    InvalidValueError, InvalidTypeError
        As :func:`input_rules_for_year`.

    Examples
    --------
    >>> resolve_input_rules(2024) is IKPA_INPUTS_2024
    True
    """
    if isinstance(rules, IkpaInputRules):
        return rules
    year = to_positive_int(rules, field="rules")
    try:
        return IKPA_INPUT_RULES[year]
    except KeyError:
        raise InvalidValueError(
            "rules",
            f"must be one of {sorted(IKPA_INPUT_RULES)} (built-in IKPA calculator rules)",
            year,
        ) from None
