"""URL configuration: the researcher site under /, editors under /admin/."""

from django.contrib import admin
from django.urls import include, path

from archive.import_admin import ImportArticlesView

urlpatterns = [
    # Before the admin's own URLs, so /admin/import/ is not taken for a model's page.
    path(
        "admin/import/",
        admin.site.admin_view(ImportArticlesView.as_view()),
        name="admin_archive_import",
    ),
    path("admin/", admin.site.urls),
    path("", include("archive.site_urls")),
]
