"""Figures of the LKIP 2024 of BNN Provinsi Kalimantan Tengah, as printed.

Source: ../shared/spec/lkip-bnnp-kalteng-2024.md. Line numbers (L...) point
into that file. Used as expected values by the tests; never computed here.
"""

from __future__ import annotations

# BAB III A (L267-L301) and BAB IV A (L1861-L1879): row, target, realisasi,
# printed capaian, printed category (BAB IV).
PENGUKURAN_KINERJA = [
    (1, "2", "2", "100", "Memuaskan"),
    (2, "2", "2", "100", "Memuaskan"),
    (3, "2", "2", "100", "Memuaskan"),
    (4, "1", "1", "100", "Memuaskan"),
    (5, "2.5", "2.89", "115.6", "Memuaskan"),
    (6, "68", "79.5", "116.91", "Memuaskan"),
    (7, "10", "10", "100", "Memuaskan"),
    (8, "1", "1", "100", "Memuaskan"),
    (9, "6", "6", "100", "Memuaskan"),
    (10, "3.60", "3.70", "102.77", "Memuaskan"),
    (11, "7", "16", "228.57", "Memuaskan"),
    (12, "100", "100", "100", "Memuaskan"),
    (13, "100", "100", "100", "Memuaskan"),
    (14, "86", "99.98", "116.25", "Memuaskan"),
    (15, "2", "2", "100", "Sangat Baik"),  # L1876: misprint, 100 is Memuaskan
    (16, "97.96", "99.95", "102.03", "Memuaskan"),
    (17, "2", "1", "50", "Sangat Baik"),  # L1878: misprint, 50 is Kurang
    (18, "85", "85", "100", "Memuaskan"),
]

# L1859 and Ikhtisar L93-L99: mean 107,34 %, 6 above, 11 at, 1 below; 2023: 7 / 10 / 2.
MEAN_CAPAIAN = "107.34"
COUNTS_2024 = (6, 11, 1)
COUNTS_2023 = (7, 10, 2)

# BAB III A sasaran 11, NKA multi-year (L1423-L1428): year, target, realisasi, printed %.
NKA_HISTORY = [
    (2020, "88", "99.23", "112.76"),
    (2021, "99.5", "86.49", "86.92"),
    (2022, "88", "87.63", "99.57"),
    (2023, "88", "85.41", "97.05"),
    (2024, "86", "99.98", "116.25"),
]

# BAB III A sasaran 12, IKPA BNNP multi-year (L1572-L1577).
IKPA_HISTORY = [
    (2021, "94", "98.26", "104.53"),
    (2022, "95", "98.17", "103.33"),
    (2023, "92", "97.86", "106.36"),
    (2024, "97.96", "99.95", "102.03"),
]

# BAB III A sasaran 4, IKKR multi-year (L762-L767); 2020 has no target.
IKKR_HISTORY = [
    (2021, "1.8", "3.17", "176.11"),
    (2022, "2.85", "2.97", "104.3"),  # L765: misprint, 2,97 / 2,85 = 104,21
    (2023, "2.97", "2.97", "100"),
    (2024, "2.5", "2.89", "115.60"),
]

# BAB III A sasaran 11, NKA per BNNK (L1493-L1495): target, realisasi, printed %.
NKA_BNNK = [
    ("BNNK Palangka Raya", "85", "99", "116.47"),
    ("BNNK Kotawaringin Barat", "86", "99.95", "115.69"),  # misprint: 116,22
]

# BAB III A sasaran 12, IKPA per BNNK (L1651-L1653): target, nilai.
IKPA_BNNK = {
    "BNNK Palangka Raya": ("99.19", "98.74"),
    "BNNK Kotawaringin Barat": ("96.41", "99.90"),
}

# BAB III A sasaran 3, IKP (L556-L561): unit, target, realisasi, printed % (1 place);
# mean index 3,68 (L604) and mean capaian 113,2 (L561).
IKP = [
    ("BNN Kota Palangka Raya", "3.25", "3.54", "108.9"),
    ("BNN Kabupaten Kotawaringin Barat", "3.25", "3.94", "121.2"),
    ("BNN Provinsi Kalimantan Tengah", "3.25", "3.56", "109.5"),
]
IKP_MEAN_INDEX = "3.68"
IKP_MEAN_CAPAIAN = "113.2"

# BAB III A sasaran 1, Dektari per unit (L332-L336) and the count table (L352-L357).
DEKTARI_2024 = {
    "BNN Provinsi Kalimantan Tengah": "54.16",
    "BNN Kota Palangka Raya": "55.76",
    "BNN Kabupaten Kotawaringin Barat": "55.08",
}
