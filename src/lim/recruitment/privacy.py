"""What recruitment keeps about people and how it goes (see lim.core.personal_data)."""

from __future__ import annotations

from lim.core.personal_data import Purge, not_personal, register


def register_personal_data() -> None:
    from lim.recruitment import models as m

    # The hire record keeps the application's name, gender and status; the rest is blanked.
    register(
        m.Application,
        applicant="pk",
        purge=Purge.ANONYMISE,
        fields=(
            "email",
            "phone",
            "birth_date",
            "address",
            "municipality",
            "nav_contact",
            "education",
            "experience",
            "cover_letter",
            "answers",
            "qualification_justification",
        ),
    )
    register(
        m.TargetGroupDeclaration,
        applicant="application",
        purge=Purge.DELETE,
        fields=(
            "disability",
            "cv_gap",
            "cv_gap_periods",
            "current_employment",
            "cv_gap_result",
            "immigrant_background",
        ),
    )
    register(m.Assessment, applicant="application", purge=Purge.DELETE, fields=("note",))
    register(
        m.Interview,
        applicant="application",
        purge=Purge.DELETE,
        fields=("place", "video_link", "accommodation_answer"),
    )
    register(
        m.InterviewScore, applicant="interview__application", purge=Purge.DELETE, fields=("note",)
    )
    register(
        m.ReferenceCheck,
        applicant="application",
        purge=Purge.DELETE,
        fields=("referee_name", "referee_relation", "referee_phone", "answers"),
    )
    register(
        m.RankedCandidate, applicant="application", purge=Purge.DELETE, fields=("justification",)
    )
    register(m.Offer, applicant="application", purge=Purge.DELETE, fields=("terms",))
    # The decision row stays for the hire (it says who decided and when); its text goes.
    register(m.Decision, applicant="chosen", purge=Purge.ANONYMISE, fields=("text",))
    # The case's own records: purged once only the anonymised hire is left.
    register(m.Recommendation, case="case", purge=Purge.ANONYMISE, fields=("comment",))
    register(m.UnionRemark, case="recommendation__case", purge=Purge.DELETE, fields=("text",))
    # Handed to the archive when the hire was recorded; LIM's copy goes with the rest.
    register(m.ArchivePackage, case="case", purge=Purge.DELETE, fields=("file",))
    keep = "the hire record: kept as employment records, outside the retention periods"
    register(m.Hire, purge=Purge.KEEP, fields=("start_date", "end_date"), how=keep)
    register(m.OnboardingPlan, purge=Purge.KEEP, fields=(), how=keep)
    register(m.OnboardingTask, purge=Purge.KEEP, fields=("title",), how=keep)
    register(
        m.RetainedTally,
        purge=Purge.KEEP,
        fields=(),
        how="counts by gender only; no person can be told from them",
    )
    for model in (
        m.RecruitmentCase,
        m.NavCheckpoint,
        m.JobAnalysis,
        m.Requirement,
        m.JobAd,
        m.InterviewCriterion,
        m.Notification,
    ):
        not_personal(model, why="about the position and the case, not about an applicant")
