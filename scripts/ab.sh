#!/bin/bash
# Compares two builds of the server under one mix, alternating runs, on a
# warm start from a kept index: server CPU a request, bytes allocated a
# request and collections (from the admin metrics), requests/s and p99.
# The figures of docs/decisions/memory.md ("Session 10") were taken so.
#
#   scripts/ab.sh OLD_BINARY NEW_BINARY MIX [seconds] [pairs]
#   DATA=DIR scripts/ab.sh …   a data folder (wegweiser synth); default the embedded records
#   ACCEPT_GZIP=1 scripts/ab.sh … requests with Accept-Encoding: gzip, as browsers send
#
# MIX is head, tail or healthz (scripts/bench-mix.lua); each run warms the
# server with 3 s of the mix first. Build the binaries with
# `go build -o FILE ./cmd/wegweiser` at the two commits. The index is kept
# in a temporary folder, built once by the first run. Needs wrk and curl.
set -eu
[ $# -ge 3 ] || { echo "usage: scripts/ab.sh OLD NEW MIX [seconds] [pairs]" >&2; exit 2; }
old=$1 new=$2 mix=$3 secs=${4:-10} pairs=${5:-2}
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "ab: wrk is missing (apt-get install wrk)" >&2; exit 2; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

metric() { curl -s "$admin/metrics" | awk -v m="$1" '$1 == m {printf "%.0f", $2}'; }

run() {
	local bin=$1
	set -- serve --addr 127.0.0.1:0 --admin-addr 127.0.0.1:0 --rate-limit 0 --log-format json --index-dir "$tmp/index"
	[ -n "${DATA:-}" ] && set -- "$@" --data "$DATA"
	: >"$tmp/out" # emptied before the child starts (scripts/bench.sh says why)
	"$bin" "$@" >"$tmp/out" 2>"$tmp/log" &
	pid=$!
	local url="" i
	for i in $(seq 9000); do # 900 s
		url=$(sed -n 's/^wegweiser listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")
		admin=$(sed -n 's/^admin listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")
		[ -n "$url" ] && [ -n "$admin" ] && curl -fs --max-time 10 "$url/readyz" >/dev/null && break
		kill -0 $pid 2>/dev/null || { cat "$tmp/log" >&2; echo "ab: the server stopped" >&2; exit 1; }
		sleep 0.1
	done
	AREAS="$(curl -fsS "$url/api/v1/areas" | grep -o '"id":"[^"]*"' | head -2 | cut -d'"' -f4 | tr '\n' ' ')"
	export AREAS # the head mix's area filters (scripts/bench-mix.lua)
	MIX=$mix wrk -t2 -c32 -d3s -s scripts/bench-mix.lua "$url" >/dev/null 2>&1
	local a0 g0 t0 a1 g1 t1 out
	a0=$(metric go_memstats_alloc_bytes_total) g0=$(metric go_gc_duration_seconds_count)
	t0=$(awk '{print $14+$15}' /proc/$pid/stat)
	out=$(MIX=$mix wrk -t2 -c32 -d"${secs}"s -s scripts/bench-mix.lua "$url" 2>&1 | sed -n 's/^RESULT //p')
	t1=$(awk '{print $14+$15}' /proc/$pid/stat)
	a1=$(metric go_memstats_alloc_bytes_total) g1=$(metric go_gc_duration_seconds_count)
	local rss
	rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' /proc/$pid/status)
	kill $pid; wait $pid 2>/dev/null || true; pid=""
	set -- $out
	local n=$(($1 * secs + 1)) hz
	hz=$(getconf CLK_TCK)
	echo "$(basename "$bin") $mix req/s=$1 p50_ms=$2 p99_ms=$3 errors=$4 cpu_us/req=$(((t1 - t0) * 1000000 / hz / n)) KB/req=$(((a1 - a0) / n / 1024)) gcs=$((g1 - g0)) rss_MiB=$rss"
}

for _ in $(seq "$pairs"); do
	run "$old"
	run "$new"
done
