"""The researcher site's URLs; names are stable because citations point at them."""

from django.urls import path

from . import relation_views, views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search_page, name="search"),
    path("about/data/", views.about_data, name="about_data"),
    path("meetings/", views.record_list, {"kind": "meetings"}, name="meeting_list"),
    path("officials/", views.record_list, {"kind": "officials"}, name="official_list"),
    path("institutions/", views.record_list, {"kind": "institutions"}, name="institution_list"),
    path("statements/", views.record_list, {"kind": "statements"}, name="statement_list"),
    path("agreements/", views.record_list, {"kind": "agreements"}, name="agreement_list"),
    path("articles/", views.record_list, {"kind": "articles"}, name="article_list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("officials/<int:pk>/", views.official_detail, name="official_detail"),
    path("officials/suggest/", relation_views.official_suggestions, name="official_suggest"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution_detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement_detail"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    path("relations/<str:pair>/", relation_views.relations_page, name="relations"),
    path("countries/<str:code>/", relation_views.country_page, name="country"),
]
