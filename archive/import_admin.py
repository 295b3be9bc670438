"""The admin page "Import articles": upload or paste texts, preview, then confirm.

It calls the same service as `manage.py import_articles`; the preview is a dry run of exactly
what the confirmed import will do. Between preview and confirm the texts travel back in the
form itself, so nothing is staged on the server and a lost preview loses nothing.
"""

from __future__ import annotations

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
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".txt,text/plain"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ImportForm(forms.Form):
    """What an editor gives: files, a pasted text, or both."""

    files = MultipleFileField(required=False, label="Article files (.txt)")
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
            {"name": source.name, "content": source.read().decode("utf-8", "replace")}
            for source, outcome in zip(sources, report.outcomes, strict=True)
            if not outcome.failed
        ]
        return self._render(request, form, report=report, staged=staged)

    def _confirm(self, request: HttpRequest) -> HttpResponse:
        names = request.POST.getlist("staged_name")
        contents = request.POST.getlist("staged_content")
        if not names or len(names) != len(contents):
            messages.error(request, "Nothing to import: upload the articles again.")
            return redirect("admin_archive_import")
        importing = _importing()
        sources = [
            importing.ImportSource.from_bytes(name, content.encode("utf-8"))
            for name, content in zip(names, contents, strict=True)
        ]
        report = importing.articles_import(sources=sources)
        for line in report.summary_lines():
            messages.info(request, line)
        for outcome in report.failed:
            messages.error(request, outcome.message)
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
