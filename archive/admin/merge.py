"""The admin's "merge duplicates" action: select records, pick the one to keep, confirm.

Only input and output live here: the confirmation page and the redirect. What a merge moves
is decided by the `<entity>_merge` services.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.models import ReviewStatus

MAX_MERGED = 50  # more than this at once is a mis-click, not a set of duplicates


class MergeActionMixin:
    """Adds the merge action to a ModelAdmin; set `merge_service` to the `<entity>_merge`."""

    merge_service: Callable[..., object]
    merge_template = "admin/archive/merge_confirm.html"

    @admin.action(description="Merge selected duplicates…", permissions=["change", "delete"])
    def merge_selected(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Show the confirmation page, or merge once the editor confirmed and picked a keeper."""
        records = list(queryset.order_by("pk")[: MAX_MERGED + 1])
        if len(records) < 2:
            self.message_user(request, "Select at least two records to merge.", messages.WARNING)
            return None
        if len(records) > MAX_MERGED:
            self.message_user(
                request, f"Merge at most {MAX_MERGED} records at a time.", messages.WARNING
            )
            return None
        by_id = {str(record.pk): record for record in records}
        error = ""
        if request.POST.get("confirm") == "yes":
            keep = by_id.get(request.POST.get("keep", ""))
            if keep is None:
                error = "Choose the record to keep."
            else:
                merged = [r for r in records if r.pk != keep.pk]
                try:
                    type(self).merge_service(keep=keep, merge=merged, user=request.user)
                except ValidationError as exc:
                    error = " ".join(exc.messages)
                else:
                    self.message_user(
                        request,
                        f"Merged {len(merged)} record(s) into “{keep}”.",
                        messages.SUCCESS,
                    )
                    opts = keep._meta
                    return HttpResponseRedirect(
                        reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change",
                            args=[keep.pk],
                            current_app=self.admin_site.name,
                        )
                    )
        opts = self.model._meta
        # A reviewed record is the better default keeper: an editor already vouched for it.
        default = next((r for r in records if r.status == ReviewStatus.REVIEWED), records[0])
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {opts.verbose_name_plural}",
            "subtitle": None,
            "opts": opts,
            "records": records,
            "default_keep": default.pk,
            "error": error,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "action_name": "merge_selected",
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.merge_template, context)
