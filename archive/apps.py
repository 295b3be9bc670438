"""The archive app: the one Django app of the project."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """Configuration of the bilateral meetings archive."""

    name = "archive"
    verbose_name = "Bilateral meetings archive"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Any saved record makes cached counts and facets stale (archive/result_cache.py).
        # Deletes are bumped where they happen (admin, services, bulk tools): a post_delete
        # receiver would turn Django's fast bulk deletes into a query per row.
        from django.db.models.signals import m2m_changed, post_save

        from .models import ArchiveState
        from .result_cache import records_changed

        for model in self.get_models():
            if model is ArchiveState or not model._meta.managed:
                continue
            post_save.connect(records_changed, sender=model, dispatch_uid=f"bump-{model}")
            for field in model._meta.many_to_many:
                m2m_changed.connect(
                    records_changed,
                    sender=field.remote_field.through,
                    dispatch_uid=f"bump-m2m-{model}-{field.name}",
                )
