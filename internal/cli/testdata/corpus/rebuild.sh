#!/usr/bin/env bash
# Rebuild the larger corpus for TestCorpus from local git mirrors of the spreadsheet libraries'
# test suites. Usage: rebuild.sh OUT_DIR MIRROR...
# Each MIRROR is a git directory (bare or not) of apache/poi, SheetJS/test_files,
# exceljs/exceljs or qax-os/excelize; the spreadsheets of its HEAD are copied into OUT_DIR,
# named <mirror>-<path with / as _>. Then run:
#   LIANKANPING_CORPUS=OUT_DIR go test -run TestCorpus -count=1 ./internal/cli/
set -euo pipefail
out=${1:?usage: rebuild.sh OUT_DIR MIRROR...}
shift
mkdir -p "$out"
for m in "$@"; do
  name=$(basename "$(dirname "$m")")
  [ "$name" = "." ] && name=$(basename "$m")
  git -C "$m" ls-tree -r -l HEAD | while read -r _ type obj size path; do
    [ "$type" = blob ] || continue
    case "${path,,}" in
      *.xlsx|*.xlsm|*.xls|*.xlsb|*.ods|*.numbers|*.csv|*.et|*.fods) ;;
      *) continue ;;
    esac
    # Git LFS pointers and files past the importers' size limit are not worth copying.
    [[ "$size" =~ ^[0-9]+$ ]] || continue # an object the mirror does not hold
    [ "$size" -gt 200 ] && [ "$size" -lt 70000000 ] || continue
    git -C "$m" cat-file blob "$obj" > "$out/$name-${path//\//_}"
  done
done
echo "$(ls "$out" | wc -l) files in $out"
