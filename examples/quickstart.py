"""Quick start: capaian of a few LKIP 2024 indicators, as the report prints them."""

from sakip import Rounding, achievement, format_number, parse_number, round_to
from sakip.schemes import CAPAIAN_LKIP

# (indicator, target, realisasi) as printed in LKIP BNNP Kalimantan Tengah 2024, BAB IV A.
ROWS = [
    ("Nilai Keterpulihan Kawasan Rawan", "2,5", "2,89"),
    ("Indeks kepuasan layanan rehabilitasi", "3,60", "3,70"),
    ("Berkas perkara P-21", "7", "16"),
    ("Nilai Kinerja Anggaran", "86", "99,98"),
    ("BNNK dengan nilai IKPA mencapai target", "2", "1"),
]

for name, target_text, realisasi_text in ROWS:
    target = parse_number(target_text, decimal_separator=",")
    realisasi = parse_number(realisasi_text, decimal_separator=",")
    capaian = achievement(target=target, realization=realisasi)
    shown = format_number(round_to(capaian, 2, Rounding.TRUNCATE).normalize())
    print(f"{name:<42} {shown:>8} %  {CAPAIAN_LKIP.classify(capaian).label}")
