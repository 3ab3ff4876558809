"""Password reset e-mail through the outbox, so a mail outage never breaks the page, and
within the limits per account and per client address (lim.core.throttling)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.forms import PasswordResetForm
from django.http import HttpRequest
from django.template import loader
from django.utils import timezone

from lim.core.http import client_ip
from lim.core.mail import queue_mail
from lim.core.throttling import password_reset_allowed


class OutboxPasswordResetForm(PasswordResetForm):
    def save(self, **kwargs: Any) -> None:  # type: ignore[override] # the view passes keywords
        # Over the limit nothing is sent, but the page says the same as always: it must
        # not tell whether the account exists or the limit was hit.
        request: HttpRequest | None = kwargs.get("request")
        if password_reset_allowed(
            email=self.cleaned_data["email"],
            client_ip=client_ip(request) if request is not None else "",
            now=timezone.now(),
        ):
            super().save(**kwargs)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = loader.render_to_string(subject_template_name, context)
        body = loader.render_to_string(email_template_name, context)
        queue_mail(to=to_email, subject=subject, body=body)
