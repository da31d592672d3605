#!/usr/bin/env bash
# The machine a bench ran on, for its results: bash bench/machine-info.sh > OUT/machine.txt
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "dotnet: $(dotnet --version); runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ {print $2}' | tail -n1)"
echo "load at start (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
