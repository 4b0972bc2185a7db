"""Several data sets in one command (issue 15, "Many units"), run as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from sakip.report.dataset import bundled_dataset_path
from tests.commands import sakip


def second_unit(folder: Path) -> Path:
    """A copy of the bundled data set as another unit (name and code changed)."""
    text = bundled_dataset_path().read_text(encoding="utf-8")
    text = text.replace('name = "BNN Provinsi Kalimantan Tengah"', 'name = "BNNP Contoh Kedua"', 1)
    text = text.replace("bnnp-kalteng", "bnnp-contoh")
    # Indicator 1 realised 1 of 2 kabupaten/kota instead of 2 (capaian 50: below target).
    text = text.replace("target = 2\nrealization = 2\n", "target = 2\nrealization = 1\n", 1)
    path = folder / "b-contoh.toml"
    path.write_text(text, encoding="utf-8")
    return path


def units(folder: Path) -> tuple[Path, Path, Path]:
    folder.mkdir(exist_ok=True)
    first = folder / "a-kalteng.toml"
    shutil.copyfile(bundled_dataset_path(), first)
    broken = folder / "c-broken.toml"
    broken.write_text('schema = 1\n[document]\ntitle = "x"\n', encoding="utf-8")
    return first, second_unit(folder), broken


def test_audit_of_several_files_prints_one_row_per_unit(tmp_path: Path) -> None:
    units(tmp_path / "data")
    result = sakip("audit", "a-kalteng.toml", "b-contoh.toml", cwd=tmp_path / "data")
    # Both have printed figures that differ from the rules: worst exit 1.
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Ringkasan per unit"
    rows = [line.split() for line in lines[4:6]]
    # LKIP 2024 BAB III/IV A: 18 indicators, mean 107,34, 6 above, 11 at, 1 below target;
    # the audit of the bundled data set finds 20 printed figures that differ.
    assert rows[0][0] == "a-kalteng.toml" and "Tengah" in rows[0]
    assert rows[0][-7:] == ["18", "107,34", "6", "11", "1", "20", "findings"]
    # Indicator 1 at 1 of 2: capaian 50, so one more below target and a lower mean.
    assert rows[1][0] == "b-contoh.toml" and "Kedua" in rows[1]
    assert rows[1][-7:-1] == ["18", "104,56", "6", "10", "2", "26"]
    assert lines[7] == "a-kalteng.toml: findings"


def test_a_folder_means_its_toml_files_sorted_and_the_worst_exit_wins(tmp_path: Path) -> None:
    units(tmp_path / "data")
    (tmp_path / "data" / "notes.txt").write_text("not a data set", encoding="utf-8")
    result = sakip("audit", tmp_path / "data", "--format", "json")
    assert result.returncode == 2, result.stderr  # one unusable data set
    document = json.loads(result.stdout)
    assert document["format"] == "sakip-summary/1"
    assert [Path(u["source"]).name for u in document["units"]] == [
        "a-kalteng.toml",
        "b-contoh.toml",
        "c-broken.toml",
    ]
    good, _, broken = document["units"]
    assert good["mean"] == "107.34" and good["indicators"] == 18
    assert (good["above"], good["at"], good["below"]) == (6, 11, 1)  # LKIP 2024, BAB III
    assert good["status"] == "findings" and good["exit_code"] == 1
    assert broken["status"] == "unusable" and broken["exit_code"] == 2
    assert broken["problems"] and document["exit_code"] == 2


def test_validate_lists_problems_under_the_table(tmp_path: Path) -> None:
    first, _, broken = units(tmp_path / "data")
    result = sakip("validate", first, broken)
    assert result.returncode == 2
    table, _, problems = result.stdout.partition("\n\n")
    assert "valid" in table and "unusable" in table
    assert problems.splitlines()[0].endswith("c-broken.toml: unusable")
    assert problems.splitlines()[1].startswith("  ")


def test_validate_of_good_units_exits_0(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    result = sakip("validate", first, second)
    assert result.returncode == 0, result.stdout
    assert [line.split()[-1] for line in result.stdout.splitlines()[4:]] == ["valid", "valid"]


def test_summary_formats_use_the_report_number_styles(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    rows = list(csv.reader(io.StringIO(sakip("audit", first, second, "--format", "csv").stdout)))
    assert rows[0][0] == "Data set" and rows[1][3] == "107.34"  # plain in CSV
    markdown = sakip("audit", first, second, "--format", "md").stdout
    assert "| 107,34 |" in markdown  # Indonesian in Markdown


def test_an_empty_folder_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = sakip("validate", tmp_path / "empty")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"sakip: error: {tmp_path / 'empty'}: holds no *.toml file"
    ]


@pytest.mark.parametrize("command", ["audit", "validate"])
def test_summary_only_formats_are_refused_for_one_data_set(command: str, tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    result = sakip(command, first, "--format", "csv")
    assert result.returncode == 4
    assert "for several data sets" in result.stderr


def test_report_of_several_inputs_needs_out(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    result = sakip("report", first, second)
    assert result.returncode == 4
    assert result.stdout == "" and "several data sets need --out DIR" in result.stderr


def test_report_writes_one_file_per_input_into_the_folder(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    out = tmp_path / "out"
    result = sakip("report", first, second, "--out", out, "--format", "md")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a-kalteng.md", "b-contoh.md"]
    # Each file is exactly the report of its data set alone.
    for data, name in ((first, "a-kalteng.md"), (second, "b-contoh.md")):
        alone = sakip("report", data, "--format", "md").stdout
        assert (out / name).read_text(encoding="utf-8") == alone


def test_report_into_a_folder_follows_the_force_rules(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    (out / "b-contoh.txt").write_text("old", encoding="utf-8")
    refused = sakip("report", first, second, "--out", out)
    assert refused.returncode == 3
    assert refused.stderr.strip() == (
        f"sakip: error: will not write {out / 'b-contoh.txt'}: "
        "it exists (use --force to replace it)"
    )
    # Checked before anything is written: the other report is not written either.
    assert sorted(p.name for p in out.iterdir()) == ["b-contoh.txt"]
    assert (out / "b-contoh.txt").read_text(encoding="utf-8") == "old"
    forced = sakip("report", first, second, "--out", out, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "BNNP Contoh Kedua" in (out / "b-contoh.txt").read_text(encoding="utf-8")


def test_report_into_a_folder_never_writes_onto_an_input(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    data_as_json = tmp_path / "data" / "b-contoh.json"  # a data set whose name ends in .json
    second.rename(data_as_json)
    before = data_as_json.read_bytes()
    result = sakip(
        "report", first, data_as_json, "--out", tmp_path / "data", "--format", "json", "--force"
    )
    assert result.returncode == 3
    assert "it is the input data set" in result.stderr
    assert data_as_json.read_bytes() == before
    assert not (tmp_path / "data" / "a-kalteng.json").exists()


def test_report_into_a_folder_writes_nothing_when_an_input_is_unusable(tmp_path: Path) -> None:
    units(tmp_path / "data")
    out = tmp_path / "out"
    result = sakip("report", tmp_path / "data", "--out", out)
    assert result.returncode == 2
    assert "c-broken.toml" in result.stderr
    assert (
        result.stderr.splitlines()[-1] == "sakip: 1 of 3 data sets are unusable: no file written"
    )
    assert not out.exists()


def test_report_into_a_folder_refuses_two_inputs_with_one_name(tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    (tmp_path / "other").mkdir()
    twin = tmp_path / "other" / "a-kalteng.toml"
    shutil.copyfile(first, twin)
    result = sakip("report", first, twin, "--out", tmp_path / "out")
    assert result.returncode == 3
    assert "gives the same output name as" in result.stderr
    assert not (tmp_path / "out").exists()


def test_report_out_must_be_a_folder_for_several_inputs(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    (tmp_path / "file.txt").write_text("keep", encoding="utf-8")
    result = sakip("report", first, second, "--out", tmp_path / "file.txt")
    assert result.returncode == 3
    assert "it is not a folder" in result.stderr
    assert (tmp_path / "file.txt").read_text(encoding="utf-8") == "keep"


def test_one_data_set_keeps_its_output(tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    result = sakip("validate", first)
    assert result.returncode == 0
    assert result.stdout == f"{first}: valid (18 indicators)\n"


# --- sakip compare A B -------------------------------------------------------------------


def recoded(folder: Path) -> Path:
    """The second unit with indicator 10 coded "IKU-10"."""
    second = second_unit(folder)
    text = second.read_text(encoding="utf-8").replace('code = "10"\n', 'code = "IKU-10"\n', 1)
    path = folder / "d-recoded.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_compare_shows_both_units_by_indicator(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    result = sakip("compare", first, second)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "BNN Provinsi Kalimantan Tengah 2024" in lines[0] and "BNNP Contoh Kedua" in lines[0]
    rows = {line.split()[0]: line.split() for line in lines[4:]}
    assert len(rows) == 18
    # Indicator 1 (BAB III A, L269): 2 of 2 in A, 1 of 2 in B: 100,00 -> 50,00, -50,00 points.
    assert rows["1"][-9:] == [
        "2",
        "2",
        "100,00",
        "Memuaskan",
        "2",
        "1",
        "50,00",
        "Kurang",
        "-50,00",
    ]
    # Indicator 10 (L287): 3,70 of 3,60 in both, capaian 102,77, no difference.
    assert rows["10"][-7:] == [
        "102,77",
        "Memuaskan",
        "3,60",
        "3,70",
        "102,77",
        "Memuaskan",
        "0,00",
    ]


def test_compare_json_and_csv_are_plain(tmp_path: Path) -> None:
    first, second, _ = units(tmp_path / "data")
    document = json.loads(sakip("compare", first, second, "--format", "json").stdout)
    assert document["format"] == "sakip-compare/1"
    assert document["a"]["unit"]["code"] == "bnnp-kalteng"
    assert document["b"]["unit"]["code"] == "bnnp-contoh"
    assert document["rows"][0][-3:] == ["50.00", "Kurang", "-50.00"]
    assert document["only_a"] == document["only_b"] == []
    rows = list(csv.reader(io.StringIO(sakip("compare", first, second, "--format", "csv").stdout)))
    assert rows[0][-1] == "Selisih capaian (poin)" and rows[1][-1] == "-50.00"
    markdown = sakip("compare", first, second, "--format", "md").stdout
    assert "| 100,00 | Memuaskan | 2 | 1 | 50,00 | Kurang | -50,00 |" in markdown


def test_compare_lists_indicators_of_one_side_and_maps_codes(tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    other = recoded(tmp_path / "data")
    result = sakip("compare", first, other)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == ["Hanya di A: 10", "Hanya di B: IKU-10"]
    mapped = sakip("compare", first, other, "--map", "10=IKU-10")
    assert mapped.returncode == 0, mapped.stderr
    assert "Hanya di" not in mapped.stdout
    row = next(line for line in mapped.stdout.splitlines() if line.startswith("10=IKU-10 "))
    assert row.split()[-1] == "0,00"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("10", "'--map' must be A_CODE=B_CODE: '10'"),
        ("99=IKU-10", "'--map' names an indicator that A does not have: '99'"),
        ("10=99", "'--map' names an indicator that B does not have: '99'"),
    ],
)
def test_compare_refuses_a_wrong_mapping(mapping: str, message: str, tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    result = sakip("compare", first, recoded(tmp_path / "data"), "--map", mapping)
    assert result.returncode == 4
    assert result.stdout == ""
    assert result.stderr.strip() == f"sakip: error: {message}"


def test_compare_with_an_unusable_data_set_exits_2(tmp_path: Path) -> None:
    first, _, broken = units(tmp_path / "data")
    result = sakip("compare", first, broken)
    assert result.returncode == 2
    assert result.stdout == "" and "c-broken.toml" in result.stderr


def test_summary_problems_cannot_drive_the_terminal(tmp_path: Path) -> None:
    first, _, _ = units(tmp_path / "data")
    hostile = tmp_path / "data" / "e-hostile.toml"
    hostile.write_text('schema = 1\n"na\\u001bme" = 1\n', encoding="utf-8")
    result = sakip("validate", first, hostile)
    assert result.returncode == 2
    assert "\x1b" not in result.stdout
    assert "na\\x1bme" in result.stdout  # shown as an escape, as in the one-line errors


def test_summary_formats_are_refused_without_a_data_set() -> None:
    result = sakip("audit", "--format", "md")
    assert result.returncode == 4
    assert result.stdout == "" and "is for several data sets" in result.stderr
