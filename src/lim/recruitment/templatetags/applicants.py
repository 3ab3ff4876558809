"""`{{ application|shown_as:identity }}`: the applicant's name, or the code in blind mode
(the decision is lim.recruitment.identity.identity_for; pages get `identity`)."""

from __future__ import annotations

from django import template

from lim.recruitment.identity import Identity, alias
from lim.recruitment.models import Application

register = template.Library()


@register.filter
def shown_as(application: Application, identity: Identity | None) -> str:
    """Without an identity decision the code is shown: a page that forgets to ask
    never gives a name away."""
    if identity is None:
        return alias(application)
    return identity.label(application)


@register.simple_tag
def text_about(text: str, application: Application, identity: Identity | None) -> str:
    """`{% text_about check.answer application identity %}`: free text about the
    applicant, with the name replaced by the code in blind mode."""
    return (identity or Identity(hidden=True, forced=True)).text(text or "", application)
