#!/usr/bin/env bash
# Import gold articles into a scratch SQLite database and score the export with the shared scorer,
# as the importer is judged: scripts/score_gold.sh [-v] [GOLD_DIR ...]
# A GOLD_DIR holds articles/ (or sits beside seeds/) and per-article gold JSON files.
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python; [ -x "$py" ] || py=python3
scorer=${SCORER:-../shared/tools/score.py}
flags=()
dirs=()
for arg in "$@"; do case "$arg" in -*) flags+=("$arg");; *) dirs+=("$arg");; esac; done
[ ${#dirs[@]} -gt 0 ] || dirs=(tests/gold/seeds tests/gold/dev)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export DATABASE_URL="sqlite:///$tmp/gold.sqlite3" SECRET_KEY=score DEBUG=0
"$py" manage.py migrate -v0
mkdir -p "$tmp/gold"
articles=()
for dir in "${dirs[@]}"; do
  if [ "$dir" = tests/gold/seeds ]; then articles+=(seeds); cp "$dir"/0*.json "$tmp/gold/";
  else articles+=("$dir/articles"); cp "$dir"/gold/*.json "$dir"/*.json "$tmp/gold/" 2>/dev/null || true; fi
done
"$py" manage.py import_articles "${articles[@]}" >/dev/null || true
"$py" manage.py export_archive -o "$tmp/export.json" >/dev/null
python3 "$scorer" "$tmp/export.json" "$tmp/gold" "${flags[@]}"
