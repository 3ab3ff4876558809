"""The signed-in user's own API tokens: see them and revoke them."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lim.api.models import ApiToken
from lim.api.tokens import api_token_revoke, tokens_of
from lim.core.models import User


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # login_required
    return request.user


@login_required
@require_GET
def token_list(request: HttpRequest) -> HttpResponse:
    context = {"tokens": tokens_of(_user(request)), "now": timezone.now()}
    return render(request, "api/token_list.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    # Someone else's token answers like a missing one.
    token = ApiToken.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise Http404
    api_token_revoke(actor=user, token=token)
    messages.success(request, _("The token is revoked and no longer works."))
    return redirect("api_tokens:token_list")
