"""The archive app: the one Django app of the project."""

from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    """Configuration of the bilateral meetings archive."""

    name = "archive"
    verbose_name = "Bilateral meetings archive"
    default_auto_field = "django.db.models.BigAutoField"
