#!/bin/sh
# Costly queries against a started server (issue 14): CONNECTIONS (16)
# clients send the 200-character Chinese query (q= and 200 times 中) for
# SECONDS (20), while one more client sends ordinary searches and the
# server's resident memory is read from /proc/PID/status.
#
#   scripts/costly-query.sh [seconds]
#
# It fails when the server's peak resident memory (VmHWM, from its start to
# the end of the load) exceeds MAX_RSS_MIB (512, the Kubernetes limit), the
# ordinary searches' p99 exceeds MAX_P99_MS (50), or an ordinary search
# fails. REPORT_ONLY=1 prints the same figures and verdict but exits 0.
# The server runs as deployed: GOMEMLIMIT=384MiB (deploy/), no rate limit
# (as when the queries come from many addresses), the embedded data.
# Only 127.0.0.1 is targeted. Needs wrk (Debian: apt-get install wrk), curl.
set -eu
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."
seconds="${1:-20}"
connections="${CONNECTIONS:-16}"
max_rss_mib="${MAX_RSS_MIB:-512}"
max_p99_ms="${MAX_P99_MS:-50}"
command -v wrk >/dev/null || { echo "costly-query: wrk is missing (apt-get install wrk)" >&2; exit 2; }

tmp="$(mktemp -d)"
server_pid="" sampler_pid=""
cleanup() {
	[ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

go build -o "$tmp/wegweiser" ./cmd/wegweiser
GOMEMLIMIT="${GOMEMLIMIT:-384MiB}" "$tmp/wegweiser" serve --addr 127.0.0.1:0 --rate-limit 0 --log-format json \
	>"$tmp/out" 2>"$tmp/server.log" &
server_pid=$!
for _ in $(seq 300); do
	grep -q '^wegweiser listening' "$tmp/out" 2>/dev/null && break
	sleep 0.1
done
url="$(sed -n 's/^wegweiser listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")"
[ -n "$url" ] || { cat "$tmp/server.log" >&2; echo "costly-query: the server did not start" >&2; exit 1; }

# kib FIELD prints a field of the server's /proc status in KiB.
kib() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB$/\1/p" "/proc/$server_pid/status"; }
# The sampler keeps the highest VmRSS seen during the load; VmHWM is the
# kernel's own peak since the start, which includes building the index.
sample() {
	peak=0
	while :; do
		rss="$(kib VmRSS)"
		[ "${rss:-0}" -gt "$peak" ] && peak="$rss" && echo "$peak" >"$tmp/peak"
		sleep 0.2
	done
}
costly="/api/v1/search?q=$(printf '%%E4%%B8%%AD%.0s' $(seq 200))"
ordinary="/api/v1/search?q=Aufenthaltstitel+verl%C3%A4ngern"
# The ordinary searches alone first: on a shared machine their p99 says how
# much of the figure under load is the machine's.
WEGWEISER_PATH="$ordinary" wrk -t1 -c1 -d5s --timeout 30s -s scripts/costly.lua "$url" >"$tmp/alone.out"
echo "costly-query: ordinary search alone for 5s: $(sed -n 's/^RESULT //p' "$tmp/alone.out") (load average $(cut -d' ' -f1 /proc/loadavg))"
echo "costly-query: at rest $(($(kib VmRSS) / 1024)) MiB resident; ${seconds}s of the 200-character query at $connections connections, ordinary searches beside it, against $url"
sample &
sampler_pid=$!

WEGWEISER_PATH="$costly" wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s -s scripts/costly.lua "$url" >"$tmp/costly.out" &
costly_pid=$!
WEGWEISER_PATH="$ordinary" wrk -t1 -c1 -d"${seconds}s" --timeout 30s -s scripts/costly.lua "$url" >"$tmp/ordinary.out"
wait "$costly_pid"
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=""

hwm_mib=$(($(kib VmHWM) / 1024))
peak_mib=$(($(cat "$tmp/peak" 2>/dev/null || echo 0) / 1024))
field() { sed -n "s/^RESULT.* $2=\([^ ]*\).*/\1/p" "$1"; }
echo "costly-query: costly query:    $(sed -n 's/^RESULT //p' "$tmp/costly.out")"
echo "costly-query: ordinary search: $(sed -n 's/^RESULT //p' "$tmp/ordinary.out")"
echo "costly-query: resident memory: peak during the load ${peak_mib} MiB, high-water mark since start ${hwm_mib} MiB (limit ${max_rss_mib} MiB)"

p99="$(field "$tmp/ordinary.out" p99_ms)"
failed=$(($(field "$tmp/ordinary.out" non2xx) + $(field "$tmp/ordinary.out" errors)))
verdict=""
[ "$hwm_mib" -gt "$max_rss_mib" ] && verdict="$verdict resident memory ${hwm_mib} MiB > ${max_rss_mib} MiB;"
awk -v p="$p99" -v m="$max_p99_ms" 'BEGIN { exit !(p > m) }' && verdict="$verdict ordinary p99 ${p99} ms > ${max_p99_ms} ms;"
[ "$failed" -gt 0 ] && verdict="$verdict $failed ordinary searches failed;"
if [ -z "$verdict" ]; then
	echo "costly-query: ok"
	exit 0
fi
if [ "${REPORT_ONLY:-0}" = 1 ]; then
	echo "costly-query: over the bounds (reported only, REPORT_ONLY=1):$verdict"
	exit 0
fi
echo "costly-query: FAIL:$verdict" >&2
exit 1
