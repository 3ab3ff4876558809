"""Problems found in an input file or while building a report, ready for translation.

A problem is structured data (code, line, column, params); `message(lang)` renders it in
bokmål, nynorsk or English. The web layer can use the code and params with its own
catalogue instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["nb", "nn", "en"]
Severity = Literal["error", "warning"]
ParamValue = str | int | float

# code -> (en, nb, nn). Whole sentences; params are filled with str.format.
_MESSAGES: dict[str, tuple[str, str, str]] = {
    "file.too_large": (
        "the file is {size_mb} MB; the limit is {limit_mb} MB",
        "filen er {size_mb} MB; grensen er {limit_mb} MB",
        "fila er {size_mb} MB; grensa er {limit_mb} MB",
    ),
    "file.not_tabular": (
        "not a CSV or XLSX file",
        "ikke en CSV- eller XLSX-fil",
        "ikkje ei CSV- eller XLSX-fil",
    ),
    "file.xls_legacy": (
        "the old Excel format (.xls) is not supported: save the file as XLSX or CSV",
        "det gamle Excel-formatet (.xls) støttes ikke: lagre filen som XLSX eller CSV",
        "det gamle Excel-formatet (.xls) er ikkje støtta: lagre fila som XLSX eller CSV",
    ),
    "file.xlsx_too_large_uncompressed": (
        "the XLSX file unpacks to more than {limit_mb} MB",
        "XLSX-filen pakkes ut til mer enn {limit_mb} MB",
        "XLSX-fila blir pakka ut til meir enn {limit_mb} MB",
    ),
    "file.too_many_rows": (
        "the file has more than {limit} rows, the most LIM reads; remove rows that are not "
        "employees or split the organisation",
        "filen har mer enn {limit} rader, som er det meste LIM leser; fjern rader som ikke "
        "er ansatte, eller del opp virksomheten",
        "fila har meir enn {limit} rader, som er det meste LIM les; fjern rader som ikkje "
        "er tilsette, eller del opp verksemda",
    ),
    "file.too_many_cells": (
        "the file has more than {limit} cells, the most LIM reads; remove the columns LIM "
        "does not use",
        "filen har mer enn {limit} celler, som er det meste LIM leser; fjern kolonnene LIM "
        "ikke bruker",
        "fila har meir enn {limit} celler, som er det meste LIM les; fjern kolonnane LIM "
        "ikkje bruker",
    ),
    "file.control_character": (
        "contains a control character ({code}) that documents cannot hold; remove it "
        "(in Word it is often a line break made with Shift+Enter)",
        "inneholder et kontrolltegn ({code}) som dokumenter ikke kan inneholde; fjern det "
        "(i Word er det ofte et linjeskift laget med Shift+Enter)",
        "inneheld eit kontrollteikn ({code}) som dokument ikkje kan innehalde; fjern det "
        "(i Word er det ofte eit linjeskift laga med Shift+Enter)",
    ),
    "file.xlsx_corrupt": (
        "the XLSX file cannot be read: {detail}",
        "XLSX-filen kan ikke leses: {detail}",
        "XLSX-fila kan ikkje lesast: {detail}",
    ),
    "file.empty": (
        "the file has no data rows",
        "filen har ingen rader med data",
        "fila har ingen rader med data",
    ),
    "file.bad_row_length": (
        "expected {expected} fields, found {found}",
        "forventet {expected} felt, fant {found}",
        "venta {expected} felt, fann {found}",
    ),
    "header.missing_column": (
        "required column {name} ({alias}) is missing",
        "påkrevd kolonne {name} ({alias}) mangler",
        "påkravd kolonne {name} ({alias}) manglar",
    ),
    "header.duplicate_column": (
        "the column appears more than once (as {name})",
        "kolonnen forekommer mer enn én gang (som {name})",
        "kolonna finst meir enn éin gong (som {name})",
    ),
    "header.unknown_column": (
        "unknown column ignored",
        "ukjent kolonne ignoreres",
        "ukjend kolonne blir ignorert",
    ),
    "header.unnamed_column": (
        "column {position} has no name and is ignored",
        "kolonne {position} har ikke navn og ignoreres",
        "kolonne {position} har ikkje namn og blir ignorert",
    ),
    "value.required": (
        "a value is required",
        "verdi mangler",
        "verdi manglar",
    ),
    "value.not_a_number": (
        "“{value}” is not a number",
        "«{value}» er ikke et tall",
        "«{value}» er ikkje eit tal",
    ),
    "value.not_an_integer": (
        "“{value}” is not a whole number",
        "«{value}» er ikke et heltall",
        "«{value}» er ikkje eit heiltal",
    ),
    "value.not_a_boolean": (
        "“{value}” is not yes/no",
        "«{value}» er ikke ja/nei",
        "«{value}» er ikkje ja/nei",
    ),
    "value.not_a_date": (
        "“{value}” is not a date (YYYY-MM-DD or dd.mm.yyyy)",
        "«{value}» er ikke en dato (ÅÅÅÅ-MM-DD eller dd.mm.åååå)",
        "«{value}» er ikkje ein dato (ÅÅÅÅ-MM-DD eller dd.mm.åååå)",
    ),
    "value.unknown_choice": (
        "“{value}” is not one of {allowed}",
        "«{value}» er ikke en av {allowed}",
        "«{value}» er ikkje ein av {allowed}",
    ),
    "value.negative": (
        "“{value}” is negative",
        "«{value}» er negativ",
        "«{value}» er negativ",
    ),
    "value.fte_out_of_range": (
        "“{value}” must be more than 0 and at most 100",
        "«{value}» må være over 0 og høyst 100",
        "«{value}» må vere over 0 og høgst 100",
    ),
    "value.year_out_of_range": (
        "“{value}” is not a year between 1900 and 2100",
        "«{value}» er ikke et år mellom 1900 og 2100",
        "«{value}» er ikkje eit år mellom 1900 og 2100",
    ),
    "value.duplicate_id": (
        "“{value}” is already used on line {first_line}",
        "«{value}» er allerede brukt på linje {first_line}",
        "«{value}» er allereie brukt på linje {first_line}",
    ),
    "report.column_missing": (
        "column {name} missing: {figure} is left out",
        "kolonnen {name} mangler: {figure} er utelatt",
        "kolonna {name} manglar: {figure} er utelaten",
    ),
    "report.column_empty": (
        "column {name} has no values: {figure} is left out",
        "kolonnen {name} har ingen verdier: {figure} er utelatt",
        "kolonna {name} har ingen verdiar: {figure} er utelaten",
    ),
    "report.no_recruitment": (
        "no applications file or recruitment figures: recruitment is left out",
        "ingen søkerfil eller rekrutteringstall: rekruttering er utelatt",
        "inga søkjarfil eller rekrutteringstal: rekruttering er utelaten",
    ),
    "report.total_pay_partial": (
        "column {name} missing: total pay is counted without it",
        "kolonnen {name} mangler: totallønn beregnes uten den",
        "kolonna {name} manglar: totalløn blir rekna utan ho",
    ),
    "report.category_missing": (
        "{count} employees without position_category are left out of the gap per category",
        "{count} ansatte uten stillingskategori er utelatt fra lønnsgapet per kategori",
        "{count} tilsette utan stillingskategori er utelatne frå lønsgapet per kategori",
    ),
    "report.involuntary_unknown": (
        "{count} part-time employees have no value for involuntary part-time",
        "{count} deltidsansatte mangler verdi for ufrivillig deltid",
        "{count} deltidstilsette manglar verdi for ufrivillig deltid",
    ),
}

# code -> (en, nb, nn) when the param `count` is 1
_SINGULAR: dict[str, tuple[str, str, str]] = {
    "report.category_missing": (
        "1 employee without position_category is left out of the gap per category",
        "1 ansatt uten stillingskategori er utelatt fra lønnsgapet per kategori",
        "1 tilsett utan stillingskategori er utelaten frå lønsgapet per kategori",
    ),
    "report.involuntary_unknown": (
        "1 part-time employee has no value for involuntary part-time",
        "1 deltidsansatt mangler verdi for ufrivillig deltid",
        "1 deltidstilsett manglar verdi for ufrivillig deltid",
    ),
}

_WHERE: dict[str, tuple[str, str, str]] = {
    "line_column": (
        "line {line}, column {column}: ",
        "linje {line}, kolonne {column}: ",
        "linje {line}, kolonne {column}: ",
    ),
    "line": ("line {line}: ", "linje {line}: ", "linje {line}: "),
    "column": ("column {column}: ", "kolonne {column}: ", "kolonne {column}: "),
}

_LANG_INDEX: dict[str, int] = {"en": 0, "nb": 1, "nn": 2}

# The report's figures, named in bokmål and nynorsk (English keeps the JSON key).
_FIGURES: dict[str, tuple[str, str]] = {
    "involuntary_part_time": ("ufrivillig deltid", "ufrivillig deltid"),
    "parental_leave": ("foreldrepermisjon", "foreldrepermisjon"),
    "sick_leave": ("sykefravær", "sjukefråvær"),
    "child_sick_days": ("fravær ved sykt barn", "fråvær ved sjukt barn"),
    "overtime": ("overtid", "overtid"),
    "pay_transparency.variable_*": ("lønnsgapet i variabel lønn", "lønsgapet i variabel løn"),
    "pay_transparency.by_category": ("lønnsgapet per kategori", "lønsgapet per kategori"),
}


def _localised(code: str, params: Mapping[str, ParamValue], index: int) -> dict[str, ParamValue]:
    """In bokmål and nynorsk, a report warning names the figure in Norwegian and the
    column by its Norwegian heading."""
    result = dict(params)
    if index == 0 or not code.startswith("report."):
        return result
    from lim.equality.reader.columns import WORKFORCE

    aliases = {spec.name: spec.alias for spec in WORKFORCE}
    if isinstance(name := result.get("name"), str) and name in aliases:
        result["name"] = f"«{aliases[name]}»"
    if isinstance(figure := result.get("figure"), str) and figure in _FIGURES:
        result["figure"] = _FIGURES[figure][index - 1]
    return result


@dataclass(frozen=True)
class Problem:
    """One problem: `line` as the user sees it in the file (header = 1), `column` as the
    header is written in the file."""

    code: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)
    line: int | None = None
    column: str | None = None
    severity: Severity = "error"

    def message(self, lang: Lang | str = "en") -> str:
        index = _LANG_INDEX.get(lang, 0)
        singular = self.code in _SINGULAR and self.params.get("count") == 1
        template = (_SINGULAR if singular else _MESSAGES)[self.code][index]
        text = template.format(**_localised(self.code, self.params, index))
        if self.line is not None and self.column is not None:
            where = _WHERE["line_column"][index].format(line=self.line, column=self.column)
        elif self.line is not None:
            where = _WHERE["line"][index].format(line=self.line)
        elif self.column is not None:
            where = _WHERE["column"][index].format(column=self.column)
        else:
            where = ""
        return where + text

    def to_dict(self, lang: Lang | str = "en") -> dict[str, object]:
        return {
            "severity": self.severity,
            "code": self.code,
            "line": self.line,
            "column": self.column,
            "params": dict(self.params),
            "message": self.message(lang),
        }

    def __str__(self) -> str:
        return self.message("en")


def known_codes() -> frozenset[str]:
    return frozenset(_MESSAGES)
