"""Which failed sign-ins count together: one client guessing, or many clients guessing one name.

Failures are counted per username and address, so one editor's typos never lock out another.
That alone never limits guesses spread over many addresses, so once one username has collected
``AXES_USERNAME_FAILURE_LIMIT`` failures from anywhere within the cool-off, the lock-out keys on
the username alone and holds for every address until the cool-off passes. The limit is far above
the per-address one so that a few clients' typos cannot lock an editor out.
"""

from __future__ import annotations

from datetime import timedelta

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

PER_CLIENT: list[str | list[str]] = [["username", "ip_address"]]
PER_USERNAME: list[str | list[str]] = ["username"]


def username_failures(username: str, cool_off: timedelta | None) -> int:
    """Failed sign-ins for *username* from every address within the cool-off."""
    attempts = AccessAttempt.objects.filter(username=username)
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lockout_parameters(
    request_or_attempt: HttpRequest | AccessAttempt, credentials: dict | None = None
) -> list[str | list[str]]:
    """Per client, or per username once the username is under attack from many addresses."""
    if isinstance(request_or_attempt, AccessAttempt):
        username = request_or_attempt.username
        request = None
    else:
        username = get_client_username(request_or_attempt, credentials)
        request = request_or_attempt
    if not username:
        return PER_CLIENT
    limit = settings.AXES_USERNAME_FAILURE_LIMIT
    if username_failures(username, get_cool_off(request)) >= limit:
        return PER_USERNAME
    return PER_CLIENT
