"""Capaian of a custom indicator set: your own agreement, evaluated and summarised.

Usage: python examples/custom_indicators.py

The indicators, targets and realisations below are invented. They show a
count, an index read from Indonesian text, a lower-is-better indicator (with
the formula named, as the LKIP leaves it to the agency), quarterly
realisations added up, and the summary an LKIP prints.
"""

from __future__ import annotations

from sakip import (
    Indicator,
    Objective,
    PerformanceAgreement,
    Polarity,
    Realization,
    Rounding,
    RoundingPolicy,
    WorkUnit,
    evaluate,
    parse_number,
    summarize,
)
from sakip.indicators import QuarterAggregation, UnitLevel
from sakip.schemes import CAPAIAN_LKIP

unit = WorkUnit("bnnk-contoh", "BNN Kabupaten Contoh (fiktif)", UnitLevel.BNNK)
indicators = [
    Indicator("1", "Desa Bersinar yang terbentuk", "Desa"),
    Indicator("2", "Indeks kepuasan layanan rehabilitasi", "Indeks"),
    Indicator(
        "3",
        "Prevalensi penyalahgunaan narkoba",
        "%",
        polarity=Polarity.LOWER_IS_BETTER,  # (2T - R) / T, PermenPANRB
    ),
    Indicator("4", "Peserta sosialisasi P4GN", "Orang"),
]
agreement = PerformanceAgreement(
    unit,
    2024,
    [Objective("S1", "Sasaran kegiatan 2024 (contoh)", indicators)],
    {"1": 4, "2": parse_number("3,50", decimal_separator=","), "3": "1.80", "4": 1200},
)
realizations = {
    "1": 5,
    "2": parse_number("3,62", decimal_separator=","),
    "3": "1.71",
    # Four quarters (TW I-IV) added up; a missing quarter would raise.
    "4": Realization.from_quarters([250, 310, 280, 290], QuarterAggregation.SUM),
}

lkip = RoundingPolicy(2, Rounding.TRUNCATE)  # the LKIP truncates capaian
results = evaluate(agreement, realizations, scheme=CAPAIAN_LKIP)
print(f"{'No':<3}{'Indikator':<40}{'Target':>8}{'Realisasi':>11}{'Capaian':>9}  Kategori")
for r in results:
    print(
        f"{r.indicator.code:<3}{r.indicator.name:<40}{r.target!s:>8}{r.realization!s:>11}"
        f"{lkip.apply(r.achievement)!s:>9}  {r.category.label} ({r.status.value})"
    )
summary = summarize(results, scheme=CAPAIAN_LKIP)
print(
    f"Rata-rata capaian {lkip.apply(summary.mean)}; melebihi {summary.above}, "
    f"sesuai {summary.at}, tidak mencapai {summary.below} target"
)
