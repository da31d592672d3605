#!/usr/bin/env bash
# The summary of a bench/start.sh run: bash bench/start-summary.sh OUT > OUT/summary.md (per side and mode, the median
# and the range over its processes; the ratio to il's median measured in the same run, interleaved).
set -euo pipefail
OUT="$1"
python3 - "$OUT/runs.tsv" "$OUT/publish.tsv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
sides = list(dict.fromkeys(r['side'] for r in rows))

def values(side, mode, column):
    return [float(r[column]) for r in rows if r['side'] == side and r['mode'] == mode and r[column] not in ('', None)]

def cell(side, mode, column, digits=1, scale=1.0, ratio=False):
    v = [x / scale for x in values(side, mode, column)]
    if not v:
        return '-'
    text = f"{statistics.median(v):.{digits}f} ({min(v):.{digits}f}–{max(v):.{digits}f})"
    base = [x / scale for x in values('il', mode, column)]
    if ratio and side != 'il' and base:
        text += f" {statistics.median(v) / statistics.median(base):.2f}×"
    return text

for mode, title in (('first', 'one search from Main, nothing else (`Consumer first QUERY`)'),
                    ('index', 'the query set after the first answer (`Consumer index`), warm rounds')):
    if not any(r['mode'] == mode for r in rows):
        continue
    runs = max(int(r['run']) for r in rows if r['mode'] == mode)
    loads = [float(r['load1']) for r in rows if r['mode'] == mode]
    print(f"## {mode}: {title}; median (range) of {runs} processes a side, interleaved, load {min(loads):g}–{max(loads):g}\n")
    head = "| side | start → Main (ms) | Main → first answer (ms) | **start → first answer (ms)** | JIT before the answer (ms / methods) | peak RSS (MiB) |"
    if mode == 'index':
        head += " warm p50 (ms) | warm p99 (ms) |"
    print(head)
    print("|" + "---|" + "---:|" * (head.count('|') - 2))
    for side in sides:
        if not values(side, mode, 'start_to_first_ms'):
            continue
        jit = values(side, mode, 'jit_ms'); methods = values(side, mode, 'jit_methods')
        line = (f"| {side} | {cell(side, mode, 'start_to_main_ms')} | {cell(side, mode, 'main_to_first_ms', ratio=True)} | "
                f"**{cell(side, mode, 'start_to_first_ms', ratio=True)}** | "
                f"{(f'{statistics.median(jit):.0f} / {statistics.median(methods):.0f}' if jit else '-')} | {cell(side, mode, 'max_rss_mib', 0)} |")
        if mode == 'index':
            line += f" {cell(side, mode, 'p50_us', 2, 1000.0, True)} | {cell(side, mode, 'p99_us', 1, 1000.0, True)} |"
        print(line)
    print()

print("## Publishing (the app project alone; its shards as built)\n")
print("| side | wall time (s) | largest process, peak RSS (MiB) | published folder (MiB) | native binary (MiB) | result |")
print("|---|---:|---:|---:|---:|---|")
for r in csv.DictReader(open(sys.argv[2]), delimiter='\t'):
    print(f"| {r['side']} | {r['seconds']} | {r.get('largest_process_peak_rss_mib') or r.get('peak_rss_mib')} | {r['folder_mib']} | {r['binary_mib']} | {r['result']} |")
PY
