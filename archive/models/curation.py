"""Traces of editors' curation that must outlive the records they touched."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MergeRecord(models.Model):
    """A record merged into another: old links redirect and re-imports resolve to the kept one."""

    model = models.CharField(max_length=50, db_index=True, help_text="e.g. 'official'.")
    old_id = models.BigIntegerField()
    kept_id = models.BigIntegerField()
    old_name = models.CharField(max_length=300, blank=True)
    merged_at = models.DateTimeField(auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-merged_at"]
        constraints = [
            models.UniqueConstraint(fields=["model", "old_id"], name="merge_record_unique")
        ]

    def __str__(self) -> str:
        return f"{self.model} {self.old_id} → {self.kept_id}"
