"""URL configuration: the researcher site under /, editors under /admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("archive.site_urls")),
]
