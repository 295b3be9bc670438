"""PostgreSQL only: statements' search vector also holds each pair of adjacent words.

Why: a GIN index over a tsvector knows which rows hold a word, not where. A phrase of two
common words ("president strengthen") matched some 100,000 rows holding both, and PostgreSQL
re-read every one of them to check the positions: 0.6 s for 3,000 hits. With the pairs in the
vector ('~presid strengthen': a lexeme no user word or prefix can produce or match, since it
starts with '~' and holds a space), the index finds the rows holding the pair and the phrase
is checked on those alone. Word and prefix searches and their ranking are unchanged: ts_rank
only weighs the lexemes a query matches. (The pairs carry no positions, and a positionless
lexeme that a phrase operand matched would defeat the position check: hence the '~'.)

`archive_with_word_pairs(query, phrases)` adds the phrases' pairs to a tsquery (the query
as it is when a phrase has no adjacent pair, e.g. around a stop word). Both functions are
IMMUTABLE, so the planner folds the query to a constant and uses the index. SQLite needs
none of this: FTS5 keeps positions in its index.
"""

from django.db import migrations

WORD_PAIRS = """
CREATE OR REPLACE FUNCTION archive_word_pairs(vector tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  words text[] := '{}';
  pairs text[] := '{}';
  entry record;
  pos int;
BEGIN
  FOR entry IN SELECT lexeme, positions FROM unnest(vector) LOOP
    FOREACH pos IN ARRAY coalesce(entry.positions, '{}') LOOP
      words[pos] := entry.lexeme;
    END LOOP;
  END LOOP;
  FOR pos IN SELECT generate_series(array_lower(words, 1), array_upper(words, 1) - 1) LOOP
    IF words[pos] IS NOT NULL AND words[pos + 1] IS NOT NULL THEN
      pairs := pairs || ('~' || words[pos] || ' ' || words[pos + 1]);
    END IF;
  END LOOP;
  RETURN array_to_tsvector(pairs);
END $$
"""

WITH_WORD_PAIRS = """
CREATE OR REPLACE FUNCTION archive_with_word_pairs(query tsquery, phrases text[])
RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(query && string_agg(quote_literal(pair), ' & ')::tsquery, query)
  FROM unnest(phrases) AS phrase,
       unnest(tsvector_to_array(archive_word_pairs(to_tsvector('english'::regconfig, phrase))))
         AS pair
$$
"""

# The text is parsed once: a generated column calling to_tsvector twice cost a million-row
# load 85 µs a row more.
STATEMENT_VECTOR = """
CREATE OR REPLACE FUNCTION archive_statement_vector(body text) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  words tsvector := to_tsvector('english'::regconfig, body);
BEGIN
  RETURN words || archive_word_pairs(words);
END $$
"""

VECTOR = "archive_statement_vector(text)"

POSTGRES_UP = [
    WORD_PAIRS,
    WITH_WORD_PAIRS,
    STATEMENT_VECTOR,
    "DROP INDEX IF EXISTS statement_search_vector_gin",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_vector",
    f"ALTER TABLE archive_statement ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX statement_search_vector_gin ON archive_statement USING GIN (search_vector)",
    "ANALYZE archive_statement",
]

POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS statement_search_vector_gin",
    "ALTER TABLE archive_statement DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE archive_statement ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED",
    "CREATE INDEX statement_search_vector_gin ON archive_statement USING GIN (search_vector)",
    "DROP FUNCTION IF EXISTS archive_statement_vector(text)",
    "DROP FUNCTION IF EXISTS archive_with_word_pairs(tsquery, text[])",
    "DROP FUNCTION IF EXISTS archive_word_pairs(tsvector)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("archive", "0007_postgres_sort_and_search")]

    operations = [migrations.RunPython(_run(POSTGRES_UP), _run(POSTGRES_DOWN))]
