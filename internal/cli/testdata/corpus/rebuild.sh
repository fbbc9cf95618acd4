#!/usr/bin/env bash
# Rebuild the larger corpus for TestCorpus from the spreadsheet libraries' test suites.
# Usage: rebuild.sh OUT_DIR SOURCE...
# Each SOURCE is a local git directory (bare or not) of one of them, or owner/name of its
# GitHub repository, which is then cloned (bare, into $CORPUS_MIRRORS, default
# /tmp/lkp-corpus-mirrors) — with no arguments after OUT_DIR, the four suites below are cloned:
#   apache/poi (test-data/spreadsheet), SheetJS/test_files, exceljs/exceljs, qax-os/excelize.
# The spreadsheets of each HEAD (and the files that pretend to be one: CSV, HTML, XML, SYLK)
# are copied into OUT_DIR, named <source>-<path with / as _>. Then run:
#   LIANKANPING_CORPUS=OUT_DIR go test -run TestCorpus -count=1 ./internal/cli/
# (SheetJS/test_files alone gives some 9,000 files, most of them CSV: allow an hour.)
set -euo pipefail
out=${1:?usage: rebuild.sh OUT_DIR [SOURCE...]}
shift
[ $# -gt 0 ] || set -- apache/poi SheetJS/test_files exceljs/exceljs qax-os/excelize
mirrors=${CORPUS_MIRRORS:-/tmp/lkp-corpus-mirrors}
mkdir -p "$out"
for m in "$@"; do
  if [ ! -d "$m" ]; then
    repo=${m#github:}
    dir="$mirrors/${repo//\//+}.git"
    if [ ! -d "$dir" ]; then
      mkdir -p "$mirrors"
      git clone --quiet --bare --filter=blob:limit=70m "https://github.com/$repo.git" "$dir"
    fi
    m=$dir
  fi
  # The source's name: poi from …/apache+poi/repo, …/apache+poi.git or …/poi.
  name=$(basename "$m" .git)
  case "$name" in repo|.git|"") name=$(basename "$(dirname "$m")" .git) ;; esac
  name=${name##*+}
  case "$name" in test_files) name=sheetjs ;; esac
  git -C "$m" ls-tree -r -l HEAD | while read -r _ type obj size path; do
    [ "$type" = blob ] || continue
    case "${path,,}" in
      *.xlsx|*.xlsm|*.xls|*.xlsb|*.ods|*.fods|*.numbers|*.et|*.csv|*.tsv|*.xml|*.htm|*.html|*.slk) ;;
      *) continue ;;
    esac
    # Only POI's spreadsheets, not its Word, PowerPoint or OOXML schema test data.
    case "$name:$path" in poi:*) [[ "$path" == test-data/spreadsheet/* ]] || continue ;; esac
    # Git LFS pointers and files past the importers' size limit are not worth copying.
    [[ "$size" =~ ^[0-9]+$ ]] || continue # an object the mirror does not hold
    [ "$size" -gt 200 ] && [ "$size" -lt 70000000 ] || continue
    git -C "$m" cat-file blob "$obj" > "$out/$name-${path//\//_}"
  done
done
echo "$(ls "$out" | wc -l) files in $out"
