"""Facts about the HTTP request that depend on how LIM is deployed."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. Without trusted proxies (LIM_TRUSTED_PROXIES=0) it is the
    address of the connection. With N reverse proxies in front, each appending to
    X-Forwarded-For, it is the N-th address from the right: the one the outermost trusted
    proxy saw. Addresses further left can be forged by the client and are never used."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.LIM_TRUSTED_PROXIES
    if proxies == 0:
        return remote
    forwarded = [
        part.strip()
        for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        return remote  # the request did not come through every proxy
    return forwarded[-proxies]
