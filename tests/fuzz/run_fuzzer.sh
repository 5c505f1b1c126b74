#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time from its seeds: run_fuzzer.sh <binary> <seconds>
# <work folder> <seed folder>. New inputs are kept in <work folder>/corpus (so a longer run
# later starts where this one stopped), crashes in <work folder>/. Fails on any crash, leak,
# sanitizer report, time-out (10 s on one input) or memory over the limits below.
set -euo pipefail
binary=$1 seconds=$2 work=$3 seeds=$4
mkdir -p "$work/corpus"
# The targets that start the console keep its data folder here, fresh each run.
rm -rf "$work/tmp" && mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
exec "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1536 -malloc_limit_mb=256 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "$seeds"
