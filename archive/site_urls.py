"""The researcher site's URLs; names are stable because citations point at them."""

from django.urls import path

from . import views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("meetings/<int:pk>/", views.MeetingDetail.as_view(), name="meeting_detail"),
    path("officials/<int:pk>/", views.OfficialDetail.as_view(), name="official_detail"),
    path("institutions/<int:pk>/", views.InstitutionDetail.as_view(), name="institution_detail"),
    path("statements/<int:pk>/", views.StatementDetail.as_view(), name="statement_detail"),
    path("agreements/<int:pk>/", views.AgreementDetail.as_view(), name="agreement_detail"),
    path("articles/<int:pk>/", views.ArticleDetail.as_view(), name="article_detail"),
]
