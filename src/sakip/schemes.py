"""Built-in band schemes, each as data with its source.

Every scheme names where its bounds come from. A scheme whose bounds were
not read in the source itself is built with ``verified=False`` and says
which bound is a reading in its ``notes``; callers with the official table
should build their own :class:`~sakip.bands.BandScheme`.

"The report" is the LKIP of BNN Provinsi Kalimantan Tengah 2024.
"""

from __future__ import annotations

from typing import Any

from sakip.bands import Band, BandScheme, GapPolicy, scheme_from_lower_bounds
from sakip.numbers import NumberLike

__all__ = [
    "BUILTIN_SCHEMES",
    "CAPAIAN_LKIP",
    "DEKTARA_2024",
    "DEKTARI_2024",
    "IKM_MUTU",
    "IKM_MUTU_CONVERTED",
    "IKPA_CATEGORY",
    "KPKK_LIKERT_4",
    "NKA_CATEGORY",
    "SAKIP_PREDIKAT",
]


def _from_upper_bounds(
    name: str,
    bottom: NumberLike,
    bounds: list[tuple[str, NumberLike | None]],
    **kwargs: Any,
) -> BandScheme:
    """A contiguous scheme of ``(lower, upper]`` bands from ``(label, upper bound)`` pairs.

    Low to high; the first band also holds ``bottom``; an upper bound of
    ``None`` leaves the last band open above. ``kwargs`` go to
    :class:`~sakip.bands.BandScheme`.
    """
    bands = []
    lower: NumberLike | None = bottom
    for position, (label, upper) in enumerate(bounds):
        closed = upper is not None
        bands.append(Band(label, lower, upper, lower_closed=position == 0, upper_closed=closed))
        lower = upper
    return BandScheme(name, bands, **kwargs)


CAPAIAN_LKIP = scheme_from_lower_bounds(
    "Kategori capaian LKIP",
    [
        ("Kurang", None),
        ("Cukup", 55),
        ("Baik", 70),
        ("Sangat Baik", 85),
        ("Memuaskan", 100),
    ],
    source="LKIP BNNP Kalimantan Tengah 2024, BAB IV A (Rentang Capaian)",
    year=2024,
    notes=(
        "The report prints the last row as '55% <= Capaian  Kurang'; read as "
        "'Capaian < 55%', the only reading that leaves no overlap. No upper bound: "
        "BNN does not cap capaian (228,57 % is printed)."
    ),
)
"""Capaian categories of the LKIP: >= 100 Memuaskan, [85, 100) Sangat Baik,
[70, 85) Baik, [55, 70) Cukup, < 55 Kurang.

Examples
--------
>>> CAPAIAN_LKIP.classify("107.34").label
'Memuaskan'
"""

_IKM_SOURCE = "PermenPANRB 14/2017, Lampiran (nilai persepsi, interval, konversi, mutu)"
_IKM_NOTES = (
    "The regulation prints closed intervals that leave gaps (2,5996 to 2,60); each printed "
    "lower bound is read as the start of its band, so the bands are contiguous."
)

_IKM_MUTU = (("Tidak Baik", "D"), ("Kurang Baik", "C"), ("Baik", "B"), ("Sangat Baik", "A"))
_IKM_CONVERTED_BOUNDS: tuple[NumberLike, ...] = (25, 65, "76.61", "88.31", 100)


def _ikm_mutu(name: str, bounds: tuple[NumberLike, ...]) -> BandScheme:
    """The PermenPANRB 14/2017 mutu table on one scale: D to A between ``bounds``, the top closed."""
    last = len(_IKM_MUTU) - 1
    bands = [
        Band(label, bounds[i], bounds[i + 1], upper_closed=i == last, grade=grade)
        for i, (label, grade) in enumerate(_IKM_MUTU)
    ]
    return BandScheme(name, bands, source=_IKM_SOURCE, year=2017, notes=_IKM_NOTES)


IKM_MUTU = _ikm_mutu("Mutu pelayanan IKM (nilai interval 1-4)", (1, "2.60", "3.0644", "3.5324", 4))
"""IKM service quality on the 1-4 interval scale: D, C, B, A.

Examples
--------
>>> band = IKM_MUTU.classify("3.70")
>>> band.grade, band.label
('A', 'Sangat Baik')
"""

IKM_MUTU_CONVERTED = _ikm_mutu("Mutu pelayanan IKM (nilai konversi 25-100)", _IKM_CONVERTED_BOUNDS)
"""IKM service quality on the converted 25-100 scale (IKM x 25).

Examples
--------
>>> IKM_MUTU_CONVERTED.classify(100).grade, IKM_MUTU_CONVERTED.classify("64.99").grade
('A', 'D')
"""

DEKTARA_2024 = scheme_from_lower_bounds(
    "Indeks Ketahanan Keluarga (Dektara) 2024",
    list(
        zip(
            ("Sangat Rendah", "Rendah", "Tinggi", "Sangat Tinggi"),
            _IKM_CONVERTED_BOUNDS[:-1],
            strict=True,
        )
    ),
    top=_IKM_CONVERTED_BOUNDS[-1],
    source="LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 2 (national classification)",
    year=2024,
    notes="Printed as 25,00-64,99 / 65,00-76,60 / 76,61-88,30 / 88,31-100,00 (the IKM table).",
)
"""Family resilience index (Dektara) categories, 2024.

Examples
--------
>>> DEKTARA_2024.classify("90.92").label
'Sangat Tinggi'
"""

DEKTARI_2024 = BandScheme(
    "Indeks Ketahanan Diri Remaja (Dektari) 2024",
    [
        Band("Sangat Rendah", None, "45.98"),
        Band("Rendah", "45.98", "49.74"),
        Band("Tinggi", "49.74", "53.51"),
        Band("Sangat Tinggi", "53.71", None),
    ],
    source="LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 1 (national classification)",
    year=2024,
    gap_policy=GapPolicy.RAISE,
    notes=(
        "Printed as <= 45,97 / 45,98-49,73 / 49,74-53,50 / >= 53,71: values from 53,51 to "
        "53,70 have no category, although the national target is 53,51 and the report calls "
        "it 'Tinggi'. The gap is kept and raises; "
        "DEKTARI_2024.with_gap_policy(GapPolicy.NEAREST_LOWER) gives the report's reading."
    ),
)
"""Adolescent self-resilience index (Dektari) categories, 2024, with the printed gap.

Examples
--------
>>> DEKTARI_2024.classify("54.16").label
'Sangat Tinggi'
>>> DEKTARI_2024.classify("53.51")
Traceback (most recent call last):
...
sakip.errors.OutOfBandError: 'Indeks Ketahanan Diri Remaja (Dektari) 2024' has no band for values in the gap [53.51, 53.71) between 'Tinggi' and 'Sangat Tinggi': 53.51
"""

KPKK_LIKERT_4 = _from_upper_bounds(
    "Likert 1-4, empat kelas (KPKK)",
    1,
    [("Buruk", "1.75"), ("Cukup", "2.50"), ("Baik", "3.25"), ("Sangat Baik", 4)],
    source="LKIP BNNP Kalimantan Tengah 2024, BAB III A sasaran 4 (KPKK); class width (4-1)/4",
    year=2024,
    verified=False,
    notes=(
        "Printed as 1,00-1,75 / 1,76-2,50 / 2,51-3,25 / 3,26-4,00 (two decimals). Read as "
        "classes of width 0,75 closed on the right, which the report's 2,50 -> Cukup and "
        "2,56 -> Baik confirm; a value such as 1,755 between the printed bounds is "
        "an unverified reading."
    ),
)
"""Four-class Likert categories on the 1-4 scale used by the KPKK questionnaire.

Examples
--------
>>> [KPKK_LIKERT_4.classify(v).label for v in ("1.00", "1.93", "2.50", "2.56")]
['Buruk', 'Cukup', 'Cukup', 'Baik']
"""

IKPA_CATEGORY = scheme_from_lower_bounds(
    "Kategori IKPA",
    [("Kurang", 0), ("Cukup", 70), ("Baik", 89), ("Sangat Baik", 95)],
    source="DJPb, PER-5/PB/2024 (Sangat Baik >= 95; Baik 89-<95; Cukup 70-<89; Kurang <70)",
    year=2024,
    notes="No upper bound is set: the regulation's maximum is left to the IKPA formula.",
)
"""IKPA categories (Direktorat Jenderal Perbendaharaan).

Examples
--------
>>> IKPA_CATEGORY.classify("99.95").label, IKPA_CATEGORY.classify("94.99").label
('Sangat Baik', 'Baik')
"""

NKA_CATEGORY = _from_upper_bounds(
    "Kategori Nilai Kinerja Anggaran",
    0,
    [("Sangat Kurang", 50), ("Kurang", 60), ("Cukup", 80), ("Baik", 90), ("Sangat Baik", None)],
    source="PMK 107/2024 Pasal 251",
    year=2024,
    verified=False,
    notes="The 'Sangat Kurang' band (<= 50) is an unverified reading; the others are read.",
)
"""NKA categories: > 90 Sangat Baik, (80, 90] Baik, (60, 80] Cukup, (50, 60] Kurang.

Examples
--------
>>> NKA_CATEGORY.classify("99.98").label, NKA_CATEGORY.classify(90).label
('Sangat Baik', 'Baik')
"""

SAKIP_PREDIKAT = _from_upper_bounds(
    "Predikat evaluasi SAKIP",
    0,
    [("D", 30), ("C", 50), ("CC", 60), ("B", 70), ("BB", 80), ("A", 90), ("AA", 100)],
    source="PermenPANRB 88/2021 (evaluasi akuntabilitas kinerja)",
    year=2021,
    verified=False,
    notes="All bounds are an unverified reading (AA > 90, A > 80, ..., D <= 30).",
)
"""SAKIP evaluation predikat AA..D (unverified bounds).

Examples
--------
>>> SAKIP_PREDIKAT.classify("80.01").label
'A'
"""

BUILTIN_SCHEMES: tuple[BandScheme, ...] = (
    CAPAIAN_LKIP,
    IKM_MUTU,
    IKM_MUTU_CONVERTED,
    DEKTARA_2024,
    DEKTARI_2024,
    KPKK_LIKERT_4,
    IKPA_CATEGORY,
    NKA_CATEGORY,
    SAKIP_PREDIKAT,
)
"""Every built-in scheme, for tests and tools that list them."""
