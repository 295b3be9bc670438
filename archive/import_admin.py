"""The admin page "Import articles": upload or paste texts, preview, then confirm.

It calls the same service as `manage.py import_articles`; the preview is a dry run of exactly
what the confirmed import will do. Between preview and confirm the bytes the preview read wait
on the server (archive/import_staging.py) and the form carries only their token, so confirm
imports exactly what was previewed, byte for byte and whatever its size.
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

from archive import import_staging
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
        importing = _importing()
        extracted = importing.extract_sources(sources)
        kept = [extraction for _, extraction in extracted]
        report = importing.articles_import(extracted=extracted, dry_run=True)
        chosen = [
            (source, extraction)
            for source, extraction, outcome in zip(sources, kept, report.outcomes, strict=True)
            if not outcome.failed
        ]
        importable = [(source.name, source.read()) for source, _ in chosen]
        stage = (
            import_staging.stage(request.user.pk, importable, [e for _, e in chosen])
            if importable
            else ""
        )
        return self._render(request, form, report=report, staged=importable, stage=stage)

    def _confirm(self, request: HttpRequest) -> HttpResponse:
        token = request.POST.get("stage", "")
        try:
            files = import_staging.staged_files(token, request.user.pk)
        except import_staging.StageMissing:
            messages.error(
                request,
                "Nothing to import: this preview was already imported or has expired. "
                "Upload the articles again.",
            )
            return redirect("admin_archive_import")
        importing = _importing()
        extracted = []
        for position, (name, data) in enumerate(files):
            kept = import_staging.staged_extraction(token, position)
            if isinstance(kept, importing.Extraction):
                extracted.append(importing.judged(name, kept))  # what the preview showed
            else:
                source = importing.ImportSource.from_bytes(name, data)
                extracted += importing.extract_sources([source])
        report = importing.articles_import(extracted=extracted)
        import_staging.discard(token)
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
        staged: list[tuple[str, bytes]] | None = None,
        stage: str = "",
    ) -> HttpResponse:
        context = {
            **admin.site.each_context(request),
            "title": "Import articles",
            "form": form,
            "report": report,
            "staged": staged or [],
            "stage": stage,
        }
        return render(request, self.template_name, context)
