"""The address a request came from, seen through the proxies the deployment trusts.

Behind a proxy every request's ``REMOTE_ADDR`` is the proxy's, so a sign-in lock-out keyed on
it locks every editor out at once after a few failures by anyone. Each trusted proxy appends
the address it received the connection from to ``X-Forwarded-For`` (nginx's
``$proxy_add_x_forwarded_for``, most load balancers), so with N trusted proxies the client is
the N-th entry from the right; everything to its left was written by the client itself and
can be forged, so it is never read.

django-ipware reads the same header, but its proxy count includes the last proxy's own
address in the header, which nginx does not write: with one nginx in front it finds no client
and falls back to the proxy's address. This module is the one rule; ``AXES_CLIENT_IP_CALLABLE``
points here.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_address(text: str) -> str | None:
    """The address in canonical form, or None if *text* is not one (an optional port is cut)."""
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "203.0.113.7:51234"
        text = text.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR with no trusted proxy, else the entry the proxies wrote.

    A request whose header holds fewer entries than there are trusted proxies did not pass
    through all of them, and one whose entry is not an address is malformed: both fall back to
    REMOTE_ADDR, the one address nobody but the socket wrote.
    """
    remote = request.META.get("REMOTE_ADDR")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry for entry in header.split(",") if entry.strip()]
    if len(entries) < proxies:
        return remote
    return _valid_address(entries[-proxies]) or remote
