#!/usr/bin/env bash
# The summary of a bench/search.sh run: bash bench/search-summary.sh OUT > OUT/summary.md (medians over the runs, ratios of
# rows measured in the same run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib/measure.sh
source "$ROOT/bench/lib/measure.sh"
OUT="$1"
m() { median "$OUT/runs.tsv" "$1" "$2" "$3"; }
fmt() { awk -v v="$1" -v d="${2:-1}" 'BEGIN {if (v == "") print "-"; else printf "%.*f", d, v}'; }
ms() { awk -v v="$1" 'BEGIN {if (v == "") print "-"; else printf "%.3f", v / 1000}'; }
mib() { awk -v v="$1" 'BEGIN {if (v == "" || v < 0) print "-"; else printf "%.1f", v / 1048576}'; }

if [[ -f "$OUT/runs.tsv" ]]; then
  sizes=$(awk -F'\t' 'NR > 1 {print $1}' "$OUT/runs.tsv" | sort -u -V)
  runs=$(awk -F'\t' 'NR > 1 {print $3}' "$OUT/runs.tsv" | sort -un | tail -n1)
  echo "## Query latency, first answer, memory (median of $runs processes each, interleaved; $(awk 'END {print NR}' "$ROOT/bench/search-queries.tsv") queries)"
  echo
  echo "Warm latency: every query of bench/search-queries.tsv, timed one by one after a warm-up round (p50/p99 over all the"
  echo "timings of a process). First answer: process start (the OS's clock) to the first query answered; for Lucene that"
  echo "includes building its index. Memory: working set before the first search and after the whole set; its private part"
  echo "(Linux RssAnon: the rest is mapped files, the assemblies' pages a query read); the GC heap after a full collection."
  echo
  echo "| seeds | engine | p50 (ms) | p99 (ms) | start → first answer (ms) | of which index built (ms) | working set before → after (MiB) | private before → after (MiB) | GC heap before → after (MiB) |"
  echo "|---:|---|---:|---:|---:|---:|---|---|---|"
  for size in $sizes; do
    for engine in index lucene scan; do
      [[ -n "$(m "$size" "$engine" 8)" ]] || continue
      echo "| $size | $engine | $(ms "$(m "$size" "$engine" 8)") | $(ms "$(m "$size" "$engine" 9)") | $(fmt "$(m "$size" "$engine" 7)" 0) | $(fmt "$(m "$size" "$engine" 5)" 0) | $(fmt "$(m "$size" "$engine" 12)") → $(fmt "$(m "$size" "$engine" 13)") | $(fmt "$(m "$size" "$engine" 17)") → $(fmt "$(m "$size" "$engine" 18)") | $(fmt "$(m "$size" "$engine" 14)") → $(fmt "$(m "$size" "$engine" 15)") |"
    done
  done
  echo
  echo "## Ratios (same run)"
  echo
  echo "Goals of issue 23 in brackets: warm p50 within 2× of Lucene's, first answer 20× sooner than Lucene's, 100× the scan (at 100,000 seeds)."
  echo
  echo "| seeds | p50 index / Lucene (≤ 2) | p99 index / Lucene | p50 scan / index (≥ 100) | p99 scan / index | start → first answer, Lucene / index (≥ 20) | scan / index | index: memory added by the query set (MiB) | index size / UTF-8 of titles and texts (≤ 0.6) | index size / Lucene's (≤ 1) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for size in $sizes; do
    bytes=$(awk -F'\t' -v s="$size" '$1 == s {print $3}' "$OUT/corpora.tsv")
    # The index as the assembly stores it (UTF-16 constants) and as the bytes they pack; Lucene's RAMDirectory files.
    stored=$(awk -F'\t' -v s="$size" '$1 == s {print $6}' "$OUT/corpora.tsv"); packed=$(awk -F'\t' -v s="$size" '$1 == s {print $7}' "$OUT/corpora.tsv")
    lucene=$(m "$size" lucene 16)
    size_ratio="$(ratio "$stored" "$bytes") stored, $(ratio "$packed" "$bytes") packed"
    lucene_ratio="$(ratio "$stored" "$lucene") stored, $(ratio "$packed" "$lucene") packed"
    echo "| $size | $(ratio "$(m "$size" index 8)" "$(m "$size" lucene 8)") | $(ratio "$(m "$size" index 9)" "$(m "$size" lucene 9)") | $(ratio "$(m "$size" scan 8)" "$(m "$size" index 8)") | $(ratio "$(m "$size" scan 9)" "$(m "$size" index 9)") | $(ratio "$(m "$size" lucene 7)" "$(m "$size" index 7)") | $(ratio "$(m "$size" scan 7)" "$(m "$size" index 7)") | $(awk -v a="$(m "$size" index 13)" -v b="$(m "$size" index 12)" 'BEGIN {if (a == "") print "-"; else printf "%.1f", a - b}'), private $(awk -v a="$(m "$size" index 18)" -v b="$(m "$size" index 17)" 'BEGIN {if (a == "" || b < 0) print "-"; else printf "%.1f", a - b}') | $size_ratio | $lucene_ratio |"
  done
  echo
  echo "## Corpora"
  echo
  echo "Index: the generated index's segment constants as the assembly stores them (UTF-16) and the bytes they pack (15 bits"
  echo "a character), read by reflection in a separate process (Consumer --stats); Lucene: its RAMDirectory after the commit."
  echo "NxK: N seeds in K shards; the DLL is the app's alone (the data and the index are in the shards' assemblies)."
  echo
  echo "| seeds | articles | UTF-8 bytes of titles + texts | seed files (bytes) | consumer DLL (bytes) | index stored / packed (MiB) | Lucene's index (MiB) |"
  echo "|---:|---:|---:|---:|---:|---|---:|"
  for size in $sizes; do
    awk -F'\t' -v s="$size" -v l="$(mib "$(m "$size" lucene 16)")" '$1 == s {printf "| %s | %s | %s | %s | %s | %.1f / %.1f | %s |\n", $1, $2, $3, $4, $5, $6 / 1048576, $7 / 1048576, l}' "$OUT/corpora.tsv"
  done
  echo
  echo "## Latency by kind of query (p50 / p99 in ms, median over the processes)"
  echo
  echo "| seeds | kind | index | Lucene | scan |"
  echo "|---:|---|---|---|---|"
  for size in $sizes; do
    for kind in $(awk -F'\t' -v s="$size" 'NR > 1 && $1 == s {print $4}' "$OUT/kinds.tsv" | sort -u); do
      cells=""
      for engine in index lucene scan; do
        p50=$(awk -F'\t' -v s="$size" -v e="$engine" -v k="$kind" '$1 == s && $2 == e && $4 == k {print $5}' "$OUT/kinds.tsv" | median_of)
        p99=$(awk -F'\t' -v s="$size" -v e="$engine" -v k="$kind" '$1 == s && $2 == e && $4 == k {print $6}' "$OUT/kinds.tsv" | median_of)
        cells="$cells | $(ms "$p50") / $(ms "$p99")"
      done
      echo "| $size | $kind$cells |"
    done
  done
  for file in "$OUT"/overlap-*.md; do
    [[ -f "$file" ]] || continue
    name=$(basename "$file" .md)
    echo
    case $name in
      overlap-scan-*) echo "## Top ten: index against the scan, ${name#overlap-scan-} seeds (the scan ranks title hits first, then corpus order)" ;;
      *) echo "## Top ten: index against Lucene.NET, ${name#overlap-} seeds" ;;
    esac
    echo
    cat "$file"
  done
fi

if [[ -f "$OUT/clean.tsv" ]]; then
  echo
  echo "## Build cost: the generated consumer with and without search (medians; without: the same generator with CorpusSearchIndex=false)"
  echo
  echo "| seeds | clean build without / with search (s) | ratio | Csc without / with (s) | max RSS without / with (MiB) | DLL without / with (MiB) | one seed edited, without / with (s) | ratio |"
  echo "|---:|---|---:|---|---|---|---|---:|"
  for size in $(awk -F'\t' 'NR > 1 {print $1}' "$OUT/clean.tsv" | sort -u -V); do
    c() { median "$OUT/clean.tsv" "$size" "$1" "$2"; }
    e() { median "$OUT/edits.tsv" "$size" "$1" "$2"; }
    # With CORPUS_SEARCH_BASE_GENERATOR, the other generator's row (base-) below this commit's.
    for p in "" base-; do
      if [[ -n "$p" ]] && ! grep -q $'\tbase-search\t' "$OUT/clean.tsv"; then continue; fi
      echo "| $size${p:+ (base)} | $(c ${p}nosearch 4) / $(c ${p}search 4) | $(ratio "$(c ${p}search 4)" "$(c ${p}nosearch 4)") | $(c ${p}nosearch 6) / $(c ${p}search 6) | $(awk -v a="$(c ${p}nosearch 5)" -v b="$(c ${p}search 5)" 'BEGIN {printf "%.0f / %.0f", a / 1024, b / 1024}') | $(mib "$(c ${p}nosearch 7)") / $(mib "$(c ${p}search 7)") | $(e ${p}nosearch 4) / $(e ${p}search 4) | $(ratio "$(e ${p}search 4)" "$(e ${p}nosearch 4)") |"
    done
  done
fi
echo
echo '```'
cat "$OUT/machine.txt"
echo '```'
