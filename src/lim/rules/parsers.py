"""The facts of each rule, read from JSON (formats/rules-cli.md). Each function takes the
parsed JSON value and returns the typed facts, or raises FactsError naming the field."""

from __future__ import annotations

from decimal import Decimal

from lim.rules.applicant_list import (
    ApplicantListFacts,
    ExemptionDecision,
    ExemptionRequest,
    Gender,
    ListApplicant,
)
from lim.rules.employment import Employment, Route, TemporaryBasis
from lim.rules.facts import (
    ORGANISATION_KEYS,
    FactsError,
    Object,
    as_object,
    field_path,
    get_bool,
    get_date,
    get_decimal,
    get_enum,
    get_enum_set,
    get_int,
    get_list,
    get_optional_bool,
    get_optional_date,
    get_optional_enum,
    get_str,
    get_str_list,
)
from lim.rules.inclusion import Channel, Hire
from lim.rules.interview import SelectionApplicant
from lim.rules.nav_checkpoint import NavCheckpoint
from lim.rules.recommendation import RankedCandidate, RecommendationFacts
from lim.rules.retention import RetentionFacts
from lim.rules.routes import RouteFacts
from lim.rules.target_groups import (
    Absence,
    AbsenceCause,
    CurrentEmployment,
    CvGapFacts,
    Declaration,
    DisabilityFacts,
    EmploymentKind,
)
from lim.rules.temporary import FullTimeFacts, TemporaryPeriod
from lim.rules.wage_subsidy import WAGE_SUBSIDY_PARAMETERS, WageSubsidyFacts


def top(data: object, *keys: str) -> Object:
    """The facts object itself, which may also carry the organisation settings."""
    return as_object(data, "", keys=ORGANISATION_KEYS.union(keys))


def _not_before(obj: Object, path: str, start_key: str, end_key: str) -> None:
    start, end = obj.get(start_key), obj.get(end_key)
    if isinstance(start, str) and isinstance(end, str) and end < start:
        raise FactsError(field_path(path, end_key), f"before {start_key}")


def parse_cv_gap(data: object) -> CvGapFacts:
    obj = top(data, "application_date", "absences", "current_employment")
    absences = []
    for item, path in get_list(obj, "absences", ""):
        absence = as_object(item, path, keys=("start", "end", "cause"))
        start, end = get_date(absence, "start", path), get_date(absence, "end", path)
        _not_before(absence, path, "start", "end")
        absences.append(Absence(start, end, get_enum(absence, "cause", path, AbsenceCause)))
    employment = CurrentEmployment()
    if obj.get("current_employment") is not None:
        path = "current_employment"
        job = as_object(obj["current_employment"], path, keys=("kind", "start", "end"))
        kind = get_enum(job, "kind", path, EmploymentKind)
        if kind is EmploymentKind.TEMPORARY:
            for key in ("start", "end"):  # its length decides, so both dates are required
                get_date(job, key, path)
        since, until = get_optional_date(job, "start", path), get_optional_date(job, "end", path)
        _not_before(job, path, "start", "end")
        employment = CurrentEmployment(kind, since, until)
    return CvGapFacts(get_date(obj, "application_date", ""), tuple(absences), employment)


def parse_disability(data: object) -> DisabilityFacts:
    obj = top(data, "declares_disability", "requires_accommodation")
    return DisabilityFacts(
        declares_disability=get_bool(obj, "declares_disability", ""),
        requires_accommodation=get_bool(obj, "requires_accommodation", ""),
    )


def parse_applicants(obj: Object) -> tuple[SelectionApplicant, ...]:
    applicants: list[SelectionApplicant] = []
    for item, path in get_list(obj, "applicants", "", required=True):
        applicant = as_object(item, path, keys=("id", "qualified", "declared", "invited"))
        applicant_id = get_str(applicant, "id", path)
        if any(a.id == applicant_id for a in applicants):
            raise FactsError(field_path(path, "id"), f'duplicate id "{applicant_id}"')
        applicants.append(
            SelectionApplicant(
                id=applicant_id,
                qualified=get_bool(applicant, "qualified", path),
                declared=get_enum_set(applicant, "declared", path, Declaration),
                invited=get_bool(applicant, "invited", path, default=False),
            )
        )
    return tuple(applicants)


def parse_interview(data: object) -> tuple[SelectionApplicant, ...]:
    return parse_applicants(top(data, "applicants"))


def parse_recommendation(data: object) -> RecommendationFacts:
    obj = top(data, "applicants", "ranking", "assessment_comment")
    applicants = parse_applicants(obj)
    ids = {a.id for a in applicants}
    ranking = []
    for item, path in get_list(obj, "ranking", ""):
        candidate = as_object(item, path, keys=("applicant", "rank", "justification"))
        applicant_id = get_str(candidate, "applicant", path)
        if applicant_id not in ids:
            raise FactsError(
                field_path(path, "applicant"), f'no applicant with id "{applicant_id}"'
            )
        ranking.append(
            RankedCandidate(
                applicant_id=applicant_id,
                rank=get_int(candidate, "rank", path, minimum=1),
                justification=get_str(candidate, "justification", path, default=""),
            )
        )
    comment = get_str(obj, "assessment_comment", "", default="")
    return RecommendationFacts(applicants, tuple(ranking), comment)


def parse_route(data: object) -> tuple[RouteFacts, bool]:
    """The route facts and the staff-regulations setting (12-month administrative hires)."""
    obj = top(
        data,
        "route",
        "employment",
        "temporary_basis",
        "start",
        "end",
        "staff_regulations_allow_12_months",
        "target_group",
        "has_wage_subsidy",
        "completed_trainee_here",
        "trainee_extended",
    )
    employment = get_enum(obj, "employment", "", Employment)
    end = get_optional_date(obj, "end", "")
    start = get_date(obj, "start", "")
    _not_before(obj, "", "start", "end")
    if employment is Employment.PERMANENT and end is not None:
        raise FactsError("end", "a permanent employment has no end date (use null)")
    facts = RouteFacts(
        route=get_enum(obj, "route", "", Route),
        employment=employment,
        start=start,
        end=end,
        temporary_basis=get_optional_enum(obj, "temporary_basis", "", TemporaryBasis),
        target_group=get_enum_set(obj, "target_group", "", Declaration),
        has_wage_subsidy=get_bool(obj, "has_wage_subsidy", "", default=False),
        completed_trainee_here=get_bool(obj, "completed_trainee_here", "", default=False),
        trainee_extended=get_bool(obj, "trainee_extended", "", default=False),
    )
    return facts, get_bool(obj, "staff_regulations_allow_12_months", "", default=False)


def parse_periods(obj: Object, key: str) -> tuple[TemporaryPeriod, ...]:
    periods = []
    for item, path in get_list(obj, key, ""):
        period = as_object(item, path, keys=("start", "end", "basis"))
        start, end = get_date(period, "start", path), get_optional_date(period, "end", path)
        _not_before(period, path, "start", "end")
        periods.append(TemporaryPeriod(start, end, get_enum(period, "basis", path, TemporaryBasis)))
    return tuple(periods)


def parse_full_time(data: object) -> FullTimeFacts:
    obj = top(data, "employment", "fte_percent", "chosen_for_inclusion", "justification")
    fte = get_int(obj, "fte_percent", "", minimum=1)
    if fte > 100:
        raise FactsError("fte_percent", "must be between 1 and 100")
    return FullTimeFacts(
        employment=get_enum(obj, "employment", "", Employment),
        fte_percent=fte,
        chosen_for_inclusion=get_optional_bool(obj, "chosen_for_inclusion", ""),
        justification=get_str(obj, "justification", "", default=""),
    )


def parse_checkpoint(data: object) -> tuple[NavCheckpoint | None, bool]:
    """The checkpoint (None if not recorded) and the organisation setting requiring it."""
    obj = top(data, "checkpoint", "require_checkpoint")
    required = get_bool(obj, "require_checkpoint", "", default=True)
    if obj.get("checkpoint") is None:
        return None, required
    path = "checkpoint"
    checkpoint = as_object(
        obj["checkpoint"], path, keys=("can_target_group_fill", "ask_nav", "reason", "route")
    )
    return (
        NavCheckpoint(
            can_target_group_fill=get_bool(checkpoint, "can_target_group_fill", path),
            ask_nav=get_bool(checkpoint, "ask_nav", path),
            reason=get_str(checkpoint, "reason", path, default=""),
            route=get_enum(checkpoint, "route", path, Route),
        ),
        required,
    )


def parse_wage_subsidy(data: object) -> WageSubsidyFacts:
    obj = top(
        data,
        "start",
        "end",
        "monthly_salary",
        "holiday_pay_rate",
        "pension_rate",
        "employer_tax_rate",
        "reduced_work_capacity",
    )
    start, end = get_date(obj, "start", ""), get_date(obj, "end", "")
    _not_before(obj, "", "start", "end")
    zero, one = Decimal(0), Decimal(1)
    return WageSubsidyFacts(
        start=start,
        end=end,
        monthly_salary=get_decimal(obj, "monthly_salary", "", minimum=zero),
        holiday_pay_rate=get_decimal(obj, "holiday_pay_rate", "", minimum=zero, maximum=one),
        pension_rate=get_decimal(
            obj, "pension_rate", "", minimum=zero, maximum=WAGE_SUBSIDY_PARAMETERS.max_pension_rate
        ),
        employer_tax_rate=get_decimal(obj, "employer_tax_rate", "", minimum=zero, maximum=one),
        reduced_work_capacity=get_bool(obj, "reduced_work_capacity", "", default=False),
    )


def _exemption(value: object, path: str) -> ExemptionRequest:
    obj = as_object(value, path, keys=("reason", "decision", "justification", "notified_on"))
    return ExemptionRequest(
        reason=get_str(obj, "reason", path, default=""),
        decision=get_optional_enum(obj, "decision", path, ExemptionDecision),
        justification=get_str(obj, "justification", path, default=""),
        notified_on=get_optional_date(obj, "notified_on", path),
    )


def parse_applicant_list(data: object) -> ApplicantListFacts:
    obj = top(data, "deadline", "applicants", "published_on", "published_ids")
    keys = ("id", "name", "birth_date", "position", "municipality", "gender", "exemption")
    applicants: list[ListApplicant] = []
    for item, path in get_list(obj, "applicants", "", required=True):
        applicant = as_object(item, path, keys=(*keys, "withdrawn"))
        applicant_id = get_str(applicant, "id", path)
        if any(a.id == applicant_id for a in applicants):
            raise FactsError(field_path(path, "id"), f'duplicate id "{applicant_id}"')
        exemption = applicant.get("exemption")
        applicants.append(
            ListApplicant(
                id=applicant_id,
                name=get_str(applicant, "name", path),
                birth_date=get_date(applicant, "birth_date", path),
                position=get_str(applicant, "position", path),
                municipality=get_str(applicant, "municipality", path),
                gender=get_enum(applicant, "gender", path, Gender, default=Gender.UNKNOWN),
                exemption=None
                if exemption is None
                else _exemption(exemption, field_path(path, "exemption")),
                withdrawn=get_bool(applicant, "withdrawn", path, default=False),
            )
        )
    published_ids = get_str_list(obj, "published_ids", "")
    ids = {a.id for a in applicants}
    for i, applicant_id in enumerate(published_ids):
        if applicant_id not in ids:
            raise FactsError(f"published_ids[{i}]", f'no applicant with id "{applicant_id}"')
    return ApplicantListFacts(
        deadline=get_date(obj, "deadline", ""),
        applicants=tuple(applicants),
        published_on=get_optional_date(obj, "published_on", ""),
        published_ids=published_ids,
    )


def parse_retention(data: object) -> RetentionFacts:
    obj = top(data, "case_closed", "interviewed", "hired", "withdrawn_on")
    return RetentionFacts(
        case_closed=get_optional_date(obj, "case_closed", ""),
        interviewed=get_bool(obj, "interviewed", "", default=False),
        hired=get_bool(obj, "hired", "", default=False),
        withdrawn_on=get_optional_date(obj, "withdrawn_on", ""),
    )


def parse_hires(obj: Object) -> tuple[Hire, ...]:
    keys = ("hired_on", "unit", "declared", "statistics_consent", "route", "employment")
    hires = []
    for item, path in get_list(obj, "hires", "", required=True):
        hire = as_object(item, path, keys=(*keys, "channels"))
        hires.append(
            Hire(
                hired_on=get_date(hire, "hired_on", path),
                unit=get_str(hire, "unit", path, default=""),
                declared=get_enum_set(hire, "declared", path, Declaration),
                statistics_consent=get_bool(hire, "statistics_consent", path, default=False),
                route=get_enum(hire, "route", path, Route, default=Route.ORDINARY),
                employment=get_enum(
                    hire, "employment", path, Employment, default=Employment.PERMANENT
                ),
                channels=get_enum_set(hire, "channels", path, Channel),
            )
        )
    return tuple(hires)


def parse_baseline(obj: Object) -> dict[int, int] | None:
    if obj.get("baseline_counts") is None:
        return None
    path = "baseline_counts"
    raw = as_object(obj[path], path, keys=[str(y) for y in range(1900, 2100)])
    return {int(year): get_int(raw, year, path, minimum=0) for year in raw}
