"""The SQLite full-text tables (migration 0003_search) as unmanaged models, for joins.

Why models for virtual tables: ranking a common word needs the statement and its FTS row in
one join (`ORDER BY rank` over the matches), not a correlated FTS query per row, which took
minutes at a million statements. A relation lets the ORM join, alias and relabel the table
inside subqueries (facets, exports) like any other; raw SQL naming the table would break
there. PostgreSQL has no such tables: its search uses expression indexes, and these models
are never queried on it. `DO_NOTHING` keeps deletes and merges away from them — triggers keep
the index in step.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Lookup


class SearchDocumentField(models.TextField):
    """The FTS5 hidden column named after its table: the left side of MATCH."""


@SearchDocumentField.register_lookup
class Match(Lookup):
    """`document__match=expr`: an FTS5 MATCH, with the table's alias wherever it sits."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


def _index(model: str, table: str, related_name: str = "search_index") -> type[models.Model]:
    """An unmanaged model over one FTS5 table whose rowid is the record's id."""

    class Meta:
        managed = False
        db_table = table
        app_label = "archive"

    attrs = {
        "__module__": __name__,
        "__doc__": f"The full-text row of one {model} (SQLite only).",
        "record": models.OneToOneField(
            f"archive.{model}",
            primary_key=True,
            db_column="rowid",
            db_constraint=False,
            on_delete=models.DO_NOTHING,
            related_name=related_name,
        ),
        "document": SearchDocumentField(db_column=table),
        "rank": models.FloatField(db_column="rank"),
        "Meta": Meta,
    }
    return type(f"{model}SearchIndex", (models.Model,), attrs)


StatementSearchIndex = _index("Statement", "statement_fts")
ArticleSearchIndex = _index("Article", "article_fts")
OfficialSearchIndex = _index("Official", "official_fts")
