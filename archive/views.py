"""Researcher-facing views: thin wrappers over selectors and templates."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic import DetailView

from . import selectors
from .models import Agreement, Article, Institution, Meeting, Official, Statement


def home(request: HttpRequest) -> HttpResponse:
    """Say what the archive holds and show the latest meetings."""
    return render(
        request,
        "archive/home.html",
        {"counts": selectors.archive_counts(), "latest": selectors.latest_meetings()},
    )


class _VisibleDetail(DetailView):
    """A detail page of a record researchers may see (rejected records answer 404)."""

    def get_queryset(self):
        return self.model.objects.visible()


class MeetingDetail(_VisibleDetail):
    model = Meeting


class OfficialDetail(_VisibleDetail):
    model = Official


class InstitutionDetail(_VisibleDetail):
    model = Institution


class StatementDetail(_VisibleDetail):
    model = Statement


class AgreementDetail(_VisibleDetail):
    model = Agreement


class ArticleDetail(_VisibleDetail):
    model = Article
