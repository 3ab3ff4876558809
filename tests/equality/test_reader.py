"""Reading workforce and applications files: what Norwegian Excel writes, and every way a
file can be wrong (each problem names the line and the column as the user sees them)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import openpyxl
import polars as pl
import pytest

from lim.equality.reader import (
    Accepted,
    Problem,
    Rejected,
    neutralise_formula,
    read_applications,
    read_workforce,
)
from lim.equality.reader.problems import known_codes

from .conftest import CLEAN, accepted, rejected

HEADER = "employee_id,gender,level,fte_percent,employment_type,annual_base_pay"
GOOD = "1,woman,A,100,permanent,500000"


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return "\n".join([header, *lines]).encode(encoding) + b"\n"


def test_rejected_file_has_no_frame() -> None:
    result = read_workforce(csv_bytes(GOOD, "2,woman,A,100,permanent,-1"))
    assert isinstance(result, Rejected)
    assert not hasattr(result, "frame")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("2,woman,A,100,permanent,-1", "line 3, column annual_base_pay: “-1” is negative"),
        ("2,woman,A,0,permanent,1", "line 3, column fte_percent: “0” must be more than 0"),
        ("2,woman,A,100.5,permanent,1", "line 3, column fte_percent: “100.5” must be more"),
        ("2,woman,A,-5,permanent,1", "line 3, column fte_percent: “-5” must be more than 0"),
        ("2,woman,A,100,permanent,abc", "line 3, column annual_base_pay: “abc” is not a number"),
        ("2,woman,A,100,permanent,1e", "line 3, column annual_base_pay: “1e” is not a number"),
        ("2,woman,A,100,permanent,NaN", "line 3, column annual_base_pay: “NaN” is not a number"),
        ("2,woman,A,100,permanent,1,2,3", "line 3: expected 6 fields, found 8"),
        ("2,kvinnfolk,A,100,permanent,1", "line 3, column gender: “kvinnfolk” is not one of"),
        ("2,woman,A,100,perm,1", "line 3, column employment_type: “perm” is not one of"),
        ("2,woman,,100,permanent,1", "line 3, column level: a value is required"),
        ("2,woman,A,,permanent,1", "line 3, column fte_percent: a value is required"),
        (" ,woman,A,100,permanent,1", "line 3, column employee_id: a value is required"),
        ("1,man,A,100,permanent,1", "line 3, column employee_id: “1” is already used on line 2"),
    ],
)
def test_invalid_value_names_line_and_column(row: str, message: str) -> None:
    messages = rejected(csv_bytes(GOOD, row))
    assert any(m.startswith(message) for m in messages), messages


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("level_rank", "1.5", "“1.5” is not a whole number"),
        ("birth_year", "1800", "“1800” is not a year between 1900 and 2100"),
        ("is_manager", "kanskje", "“kanskje” is not yes/no"),
        ("start_date", "31.02.2024", "“31.02.2024” is not a date"),
        ("start_date", "2024/01/01", "“2024/01/01” is not a date"),
        ("temporary_reason", "lunch", "“lunch” is not one of administrative, other, project"),
        ("target_group", "all", "“all” is not one of both, cv_gap, disability, none"),
        ("overtime_hours", "-3", "“-3” is negative"),
    ],
)
def test_invalid_optional_value(column: str, value: str, message: str) -> None:
    messages = rejected(csv_bytes(GOOD + ",", f"2,man,A,100,permanent,1,{value}",
                                  header=f"{HEADER},{column}"))  # fmt: skip
    assert messages == [f"line 3, column {column}: {message}"] or any(
        m.startswith(f"line 3, column {column}: {message}") for m in messages
    ), messages


def test_every_problem_is_listed_in_file_order() -> None:
    data = csv_bytes(GOOD, "2,woman,A,0,permanent,-1", "3,x,A,100,permanent,1", GOOD)
    assert rejected(data) == [
        "line 3, column fte_percent: “0” must be more than 0 and at most 100",
        "line 3, column annual_base_pay: “-1” is negative",
        "line 4, column gender: “x” is not one of man, other, unknown, woman",
        "line 5, column employee_id: “1” is already used on line 2",
    ]


def test_missing_and_duplicate_columns() -> None:
    header = "Ansattnummer,employee_id,Kjønn,stillingsnivå,Stillingsprosent,ansettelsesform"
    messages = rejected(csv_bytes("1,1,k,A,100,fast", header=header))
    assert messages == [
        "column employee_id: the column appears more than once (as Ansattnummer)",
        "required column annual_base_pay (årslønn) is missing",
    ]


def test_headers_as_written_in_messages() -> None:
    header = "Ansattnummer;KJØNN;Stillingsnivå;Stillingsprosent;Ansettelsesform;Årslønn"
    data = f"{header}\n1;k;A;100;fast;-5\n".encode()
    assert rejected(data) == ["line 2, column Årslønn: “-5” is negative"]


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", HEADER.encode(), csv_bytes(",,,,,", ",,,,,")],
    ids=["empty", "blank", "header only", "only empty rows"],
)
def test_file_without_rows(data: bytes) -> None:
    assert rejected(data) == ["the file has no data rows"]


def test_binary_garbage() -> None:
    garbage = random.Random(7).randbytes(5000)
    assert rejected(garbage) == ["not a CSV or XLSX file"]
    assert rejected(b"\x89PNG\r\n\x1a\n" + garbage) == ["not a CSV or XLSX file"]
    assert rejected(b"PK\x03\x04 not really a zip") == ["not a CSV or XLSX file"]


def test_old_excel_format() -> None:
    assert rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)) == [
        "the old Excel format (.xls) is not supported: save the file as XLSX or CSV"
    ]


def test_too_large_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)  # sparse: nothing to read
    monkeypatch.setattr("builtins.open", lambda *a, **k: pytest.fail("the file was read"))
    assert rejected(big) == ["the file is 201 MB; the limit is 200 MB"]


def test_size_limit_for_bytes_and_streams() -> None:
    data = csv_bytes(GOOD)
    assert rejected(data, max_bytes=10) == ["the file is 0 MB; the limit is 0 MB"]
    assert rejected(io.BytesIO(data), max_bytes=10)[0].startswith("the file is")
    assert isinstance(read_workforce(io.BytesIO(data)), Accepted)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_is_refused_before_opening(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": bytes(30_000_000)})
    assert len(bomb) < 100_000
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: pytest.fail("opened"))
    messages = rejected(bomb, max_uncompressed_bytes=10 * 1024 * 1024)
    assert messages == ["the XLSX file unpacks to more than 10 MB"]


def test_zip_that_is_not_a_workbook() -> None:
    assert rejected(_zip({"hello.txt": b"hi"})) == ["not a CSV or XLSX file"]
    messages = rejected(_zip({"xl/workbook.xml": b"<broken"}))
    assert messages[0].startswith("the XLSX file cannot be read: ")


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_problems_use_sheet_rows() -> None:
    header = HEADER.split(",")
    data = _xlsx(
        [[], header, [1, "woman", "A", 100, "permanent", 1], [], [2, "man", "A", 0, "fast", 1]]
    )
    assert rejected(data) == ["line 5, column fte_percent: “0” must be more than 0 and at most 100"]
    assert rejected(_xlsx([])) == ["the file has no data rows"]


def test_formula_like_text_is_kept_as_text() -> None:
    data = csv_bytes(
        "=1+2,woman,@SUM(A1),100,permanent,500000",
        '"-2+3",man,+47 22 00 00 00,100,permanent,500000',
    )
    frame = accepted(data)
    assert frame["employee_id"].to_list() == ["=1+2", "-2+3"]
    assert frame["level"].to_list() == ["@SUM(A1)", "+47 22 00 00 00"]
    assert [neutralise_formula(v) for v in ("=1+2", "-2", "+4", "@x", "ok")] == [
        "'=1+2", "'-2", "'+4", "'@x", "ok"
    ]  # fmt: skip


def test_norwegian_excel_conventions() -> None:
    header = (
        "Ansattnummer;Kjønn;Stillingsnivå;Stillingsprosent;Ansettelsesform;Årslønn;"
        "Faste tillegg;Personalansvar;Ansettelsesdato;Sluttdato;Midlertidig grunnlag"
    )
    lines = [
        "1;Kvinne;Seksjonsleder;80 %;fast;612.500,50;1\u00a0200;ja;01.02.2020;;",
        "2;M;Seksjonsleder;100;Midlertidig;1.200.000;0,5;nei;2021-03-04;31.12.2025;vikar",
        "3;ikke-binær;Medarbeider;50,5;fast;1 000 000;;;;;",
        '4;ukjent;"Medarbeider";100;fast;"500 000,00";;;;;',
    ]
    data = "\r\n".join([header, *lines]).encode("cp1252")
    frame = accepted(data)
    assert frame.columns == [
        "employee_id", "gender", "level", "fte_percent", "employment_type", "annual_base_pay",
        "is_manager", "temporary_reason", "fixed_allowances", "start_date", "end_date",
    ] or set(frame.columns) >= {"fixed_allowances", "start_date"}  # fmt: skip
    rows = frame.sort("employee_id").to_dicts()
    assert [r["gender"] for r in rows] == ["woman", "man", "other", "unknown"]
    assert [r["fte_percent"] for r in rows] == [80.0, 100.0, 50.5, 100.0]
    assert [r["annual_base_pay"] for r in rows] == [612500.5, 1_200_000.0, 1_000_000.0, 500_000.0]
    assert [r["fixed_allowances"] for r in rows] == [1200.0, 0.5, None, None]
    assert [r["employment_type"] for r in rows] == ["permanent", "temporary", "permanent",
                                                    "permanent"]  # fmt: skip
    assert [r["is_manager"] for r in rows] == [True, False, None, None]
    assert [str(r["start_date"]) for r in rows] == ["2020-02-01", "2021-03-04", "None", "None"]
    assert rows[1]["temporary_reason"] == "substitute"


def test_utf8_with_bom_narrow_nbsp_and_tab_delimiter() -> None:
    header = HEADER.replace(",", "\t")
    data = "\ufeff" + header + "\n1\twoman\tA\t100\tpermanent\t1\u202f234\u202f567,5\n"
    frame = accepted(data.encode("utf-8"))
    assert frame["employee_id"].to_list() == ["1"]
    assert frame["annual_base_pay"].to_list() == [1_234_567.5]


def test_utf16_from_excel_unicode_text() -> None:
    data = (HEADER.replace(",", "\t") + "\r\n1\tkvinne\tA\t100\tfast\t1000\r\n").encode("utf-16")
    assert accepted(data)["gender"].to_list() == ["woman"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234", 1234.0), ("1 234", 1234.0), ("1\u00a0234,50", 1234.5), ("12,5", 12.5),
        ("12.5", 12.5), ("612.500,50", 612500.5), ("1.200.000", 1_200_000.0),
        ("1,234.50", 1234.5), ("0,25", 0.25), (" 7 ", 7.0), (".5", 0.5),
    ],
)  # fmt: skip
def test_number_forms(text: str, value: float) -> None:
    data = csv_bytes(f'1,woman,A,100,permanent,1,"{text}"', header=HEADER + ",overtime_hours")
    assert accepted(data)["overtime_hours"].to_list() == [value]


@pytest.mark.parametrize("text", ["1,2,3", "1.2.3,4,5", "12 kr", "--1", "1.2.3"])
def test_not_numbers(text: str) -> None:
    data = csv_bytes(f'1,woman,A,100,permanent,1,"{text}"', header=HEADER + ",overtime_hours")
    assert rejected(data) == [f"line 2, column overtime_hours: “{text}” is not a number"]


def test_booleans_x_and_blank_mean_yes_and_no() -> None:
    header = HEADER + ",has_child_under_12,involuntary_part_time"
    frame = accepted(csv_bytes(GOOD + ",x,ja", "2,man,A,80,permanent,1,,", header=header))
    assert frame["has_child_under_12"].to_list() == [True, False]
    # not an x/blank column: empty stays unknown
    assert frame["involuntary_part_time"].to_list() == [True, None]


def test_line_numbers_survive_blank_lines_and_multiline_cells() -> None:
    data = (
        HEADER + ",unit\n"
        '1,woman,A,100,permanent,1,"Oslo\nsentrum"\n'
        "\n"
        "2,woman,A,100,permanent,-1,Bergen\n"
    ).encode()
    assert rejected(data) == ["line 5, column annual_base_pay: “-1” is negative"]


def test_extra_empty_fields_are_accepted() -> None:
    assert accepted(csv_bytes(GOOD + ",,", "2,man,A,100,permanent,1")).height == 2


def test_unknown_and_unnamed_columns_are_warnings() -> None:
    result = read_workforce(csv_bytes(GOOD + ",a,b", header=HEADER + ",Favorittfarge,"))
    assert isinstance(result, Accepted)
    assert [w.message() for w in result.warnings] == [
        "column Favorittfarge: unknown column ignored",
        "column 8 has no name and is ignored",
    ]
    assert result.warnings[0].message("nb") == ("kolonne Favorittfarge: ukjent kolonne ignoreres")


def test_messages_in_bokmal_and_nynorsk() -> None:
    result = read_workforce(csv_bytes(GOOD, "1,woman,A,100,permanent,1"))
    assert isinstance(result, Rejected)
    problem = result.errors[0]
    assert problem.message("nb") == "linje 3, kolonne employee_id: «1» er allerede brukt på linje 2"
    assert problem.message("nn") == (
        "linje 3, kolonne employee_id: «1» er allereie brukt på linje 2"
    )
    assert problem.to_dict() == {
        "severity": "error",
        "code": "value.duplicate_id",
        "line": 3,
        "column": "employee_id",
        "params": {"value": "1", "first_line": 2},
        "message": "line 3, column employee_id: “1” is already used on line 2",
    }
    assert str(problem) == problem.message("en")


def test_every_message_code_renders_in_three_languages() -> None:
    params = {
        "size_mb": 1, "limit_mb": 2, "detail": "x", "expected": 1, "found": 2, "name": "n",
        "alias": "a", "position": 3, "value": "v", "allowed": "a, b", "first_line": 1,
        "figure": "f", "count": 4, "limit": 5, "code": "U+000B",
    }  # fmt: skip
    for code in known_codes():
        texts = {Problem(code, params, column="c").message(lang) for lang in ("en", "nb", "nn")}
        assert all(text.strip() for text in texts)
        assert Problem(code, params).message("nb") != Problem(code, params).message("en")


def test_read_from_path_string_and_stream() -> None:
    assert accepted(str(CLEAN)).height == 24
    assert accepted(io.BytesIO(CLEAN.read_bytes())).height == 24


def test_applications_file() -> None:
    data = b"application_id,gender,hired,interviewed\na1,kvinne,x,ja\na2,mann,,nei\na3,,,\n"
    result = read_applications(data)
    assert isinstance(result, Accepted)
    assert result.frame.to_dicts() == [
        {"application_id": "a1", "gender": "woman", "interviewed": True, "hired": True},
        {"application_id": "a2", "gender": "man", "interviewed": False, "hired": False},
        {"application_id": "a3", "gender": "unknown", "interviewed": None, "hired": False},
    ]


def test_applications_file_problems() -> None:
    data = b"application_id,gender,hired\na1,kvinne,ja\na1,mann,kanskje\na3,mann,\n"
    result = read_applications(data)
    assert isinstance(result, Rejected)
    assert [p.message() for p in result.errors] == [
        "line 3, column application_id: “a1” is already used on line 2",
        "line 3, column hired: “kanskje” is not yes/no",
        "line 4, column hired: a value is required",
    ]
    missing = read_applications(b"application_id,gender\na1,k\n")
    assert isinstance(missing, Rejected)
    assert missing.errors[0].message() == "required column hired (ansatt) is missing"


def test_canonical_types(clean_frame: pl.DataFrame) -> None:
    schema = clean_frame.schema
    assert schema["employee_id"] == pl.String
    assert schema["fte_percent"] == pl.Float64
    assert schema["level_rank"] == pl.Int64
    assert schema["has_child_under_12"] == pl.Boolean
    assert schema["start_date"] == pl.Date


@pytest.mark.parametrize("max_distinct", [0, 20_000])
def test_blank_and_bad_cells_on_both_roads(
    max_distinct: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("lim.equality.reader.values._MAX_DISTINCT", max_distinct)
    header = HEADER + ",overtime_hours"
    frame = accepted(
        csv_bytes(GOOD + ",\u00a0", '2, MANN ,A, 80 % ,fast,1 000,"1,5"', header=header)
    )
    assert frame["overtime_hours"].to_list() == [None, 1.5]
    assert frame["gender"].to_list() == ["woman", "man"]
    assert frame["fte_percent"].to_list() == [100.0, 80.0]
    messages = rejected(csv_bytes(GOOD, "2,mann,A,80 %,fast,1 000 kr", " 3 ,hen,A,9x,fast,1"))
    assert messages == [
        "line 3, column annual_base_pay: “1 000 kr” is not a number",
        "line 4, column gender: “hen” is not one of man, other, unknown, woman",
        "line 4, column fte_percent: “9x” is not a number",
    ]
