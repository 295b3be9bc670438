"""The admin page "Import articles": upload or paste texts, preview, then confirm.

It calls the same service as `manage.py import_articles`; the preview is a dry run of exactly
what the confirmed import will do. Between preview and confirm the texts travel back in the
form itself, so nothing is staged on the server and a lost preview loses nothing. They travel
byte for byte: a file that is not UTF-8 (a saved web page in windows-1252) goes as base64, so
the confirmed import decodes it exactly as the preview did.
"""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from archive.ingest.report import ImportReport


def _importing():
    """Import the import service on first use: loading URLs must not load the lexicons."""
    from archive import importing

    return importing


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files at once."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field whose cleaned value is a list of files."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ".txt,.html,.htm,text/plain,text/html"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    """What an editor gives: files, a pasted text, or both."""

    files = MultipleFileField(
        required=False,
        label="Article files (.txt, .html, .htm)",
        help_text="Texts, or news pages saved from a browser (the article and its title, "
        "site, address and date are taken from the page).",
    )
    text = forms.CharField(
        required=False,
        label="Or paste an article",
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        help_text="Optional front matter at the top: title:, outlet:, url:, published:",
    )
    text_name = forms.CharField(
        required=False, max_length=200, label="Name for the pasted text", initial="pasted.txt"
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("files") and not (cleaned.get("text") or "").strip():
            raise ValidationError("Choose at least one file or paste a text.")
        return cleaned

    def sources(self) -> list:
        """Return the submitted articles as import sources."""
        ImportSource = _importing().ImportSource
        sources = [ImportSource.from_bytes(f.name, f.read()) for f in self.cleaned_data["files"]]
        if (self.cleaned_data.get("text") or "").strip():
            name = self.cleaned_data.get("text_name") or "pasted.txt"
            sources.append(ImportSource.from_bytes(name, self.cleaned_data["text"].encode()))
        return sources


def _staged(name: str, data: bytes) -> dict:
    """A previewed file as the confirm form carries it: UTF-8 as text, anything else base64."""
    try:
        return {"name": name, "content": data.decode("utf-8"), "encoding": ""}
    except UnicodeDecodeError:
        return {
            "name": name,
            "content": base64.b64encode(data).decode("ascii"),
            "encoding": "base64",
        }


def _unstaged(content: str, encoding: str) -> bytes:
    """The bytes of a staged file; ValueError for a form that was tampered with."""
    if encoding == "base64":
        try:
            return base64.b64decode(content, validate=True)
        except binascii.Error as error:
            raise ValueError(str(error)) from None
    if encoding:
        raise ValueError(f"unknown staged encoding {encoding!r}")
    return content.encode("utf-8")


class ImportArticlesView(PermissionRequiredMixin, View):
    """Upload → preview (dry run) → confirm (the real import)."""

    permission_required = "archive.add_article"
    template_name = "admin/archive/import_articles.html"

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, ImportForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        if "confirm" in request.POST:
            return self._confirm(request)
        form = ImportForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, form)
        sources = form.sources()
        report = _importing().articles_import(sources=sources, dry_run=True)
        staged = [
            _staged(source.name, source.read())
            for source, outcome in zip(sources, report.outcomes, strict=True)
            if not outcome.failed
        ]
        return self._render(request, form, report=report, staged=staged)

    def _confirm(self, request: HttpRequest) -> HttpResponse:
        names = request.POST.getlist("staged_name")
        contents = request.POST.getlist("staged_content")
        encodings = request.POST.getlist("staged_encoding") or [""] * len(names)
        try:
            if not names or not len(names) == len(contents) == len(encodings):
                raise ValueError
            data = [_unstaged(c, e) for c, e in zip(contents, encodings, strict=True)]
        except ValueError:
            messages.error(request, "Nothing to import: upload the articles again.")
            return redirect("admin_archive_import")
        importing = _importing()
        sources = [
            importing.ImportSource.from_bytes(name, content)
            for name, content in zip(names, data, strict=True)
        ]
        report = importing.articles_import(sources=sources)
        for line in report.summary_lines():
            messages.info(request, line)
        for outcome in report.failed:
            messages.error(request, outcome.message)
        for outcome in report.outcomes:
            for warning in outcome.warnings:
                messages.warning(request, warning)
        if not report.failed:
            messages.success(request, f"Imported {len(report.outcomes)} article(s).")
        return redirect(reverse("admin:archive_article_changelist"))

    def _render(
        self,
        request: HttpRequest,
        form: ImportForm,
        *,
        report: ImportReport | None = None,
        staged: list[dict] | None = None,
    ) -> HttpResponse:
        context = {
            **admin.site.each_context(request),
            "title": "Import articles",
            "form": form,
            "report": report,
            "staged": staged or [],
        }
        return render(request, self.template_name, context)
