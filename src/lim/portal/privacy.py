"""What the career site keeps about applicants and how it goes (lim.core.personal_data)."""

from __future__ import annotations

from lim.core.personal_data import Purge, register


def register_personal_data() -> None:
    from lim.portal import models as m

    register(
        m.PortalSubmission,
        applicant="application",
        purge=Purge.DELETE,
        fields=("postal_code", "occupation", "exemption_reason", "exemption_justification"),
    )
    # Deleting the row removes the file too (lim.portal.files).
    register(
        m.ApplicationDocument,
        applicant="application",
        purge=Purge.DELETE,
        fields=("file", "original_name"),
    )
    register(m.AccessToken, applicant="application", purge=Purge.DELETE, fields=("token_hash",))
    # The names as published: the case's record, deleted once its applicants are.
    register(m.ApplicantListPublication, case="case", purge=Purge.DELETE, fields=("entries",))
    register(
        m.SubmissionAttempt,
        purge=Purge.OWN_RULE,
        fields=("client",),
        how="a hash of the client address, deleted after the rate window (portal_submit)",
    )
