#!/bin/sh
# Throughput of searches as a ratio to /healthz on the same machine in the
# same run, with wrk (docs/performance.md has the figures and targets).
#
#   scripts/bench.sh [seconds]                      the embedded records
#   SYNTH=generated:10000 scripts/bench.sh [seconds] a synthetic folder (wegweiser synth)
#   SYNTH=copies:100000 scripts/bench.sh [seconds]   the real records copied under new ids
#   DATA=DIR scripts/bench.sh [seconds]              any data folder
#
# It starts the server (--rate-limit 0, an --index-dir in a temporary
# folder), reports the time until /readyz and the resident memory, then
# runs /healthz, the head mix and the tail mix (scripts/bench-mix.lua) for
# the given seconds each and prints requests/s, p50 and p99 and the ratio to
# /healthz, the server's CPU time per request (cpu_us/req, steadier than
# requests/s on a shared machine) and the share of the machine's CPU time
# the hypervisor stole during the run (steal_%: above a few percent the
# p99 is the host's, not Wegweiser's). The CPU time the server used until ready
# is printed beside the elapsed time. A restart of the unchanged data (warm,
# from the kept index) is timed too. Environment: THREADS (2), CONNECTIONS
# (32), READY_TIMEOUT (900 s: then the server's goroutine stacks are
# printed), CLIENT (both), WARMUP (0 s: the mixes start from the server's
# empty caches, the method of record; WARMUP=3 runs the head and tail mixes
# that long first, unmeasured, for a server that has been up a while, as
# scripts/ab.sh does), ACCEPT_GZIP (unset; 1 asks with Accept-Encoding: gzip).
#
# CLIENT says how wrk shares the machine with the server: "same" runs it at
# the server's priority (issue 8's method: on 2 cores wrk's threads pre-empt
# the server, and that wait is part of every figure, /healthz's p99 of
# 20 ms included); "low" runs it under nice -n 19, so the server gets a core
# whenever it has work: the latency of a server whose clients are elsewhere;
# "both" (the default) runs every mix both ways, each ratio against
# /healthz of the same method. docs/performance.md has both methods' figures.
# Only 127.0.0.1 is targeted. Needs wrk and curl (Debian: apt-get install
# wrk curl).
set -eu
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."
seconds="${1:-20}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-32}"
client="${CLIENT:-both}"
case "$client" in same | low | both) ;; *) echo "bench: CLIENT=same, low or both, not $client" >&2 && exit 2 ;; esac
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 2; }

tmp="$(mktemp -d)"
server_pid=""
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

go build -o "$tmp/wegweiser" ./cmd/wegweiser
data="${DATA:-}"
if [ -n "${SYNTH:-}" ]; then
	data="$tmp/data"
	"$tmp/wegweiser" synth --mode "${SYNTH%%:*}" --services "${SYNTH#*:}" --out "$data" >/dev/null
fi

# start launches the server and waits for /readyz; elapsed is the time it took.
start() {
	set -- --addr 127.0.0.1:0 --rate-limit 0 --log-format json --index-dir "$tmp/index"
	[ -n "$data" ] && set -- "$@" --data "$data"
	t0=$(date +%s.%N)
	# Emptied here, not by the redirection below: that runs in the child,
	# and the loop could read the last server's address before it does
	# (a warm start then waited for a port nobody listened on).
	: >"$tmp/out"
	"$tmp/wegweiser" serve "$@" >"$tmp/out" 2>"$tmp/server.log" &
	server_pid=$!
	url=""
	while [ -z "$url" ]; do
		kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "bench: the server stopped" >&2; exit 1; }
		url="$(sed -n 's/^wegweiser listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")"
		sleep 0.05
	done
	until curl -fsS --max-time 10 "$url/readyz" >/dev/null 2>&1; do
		kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "bench: the server stopped" >&2; exit 1; }
		if [ "$(echo "$(date +%s) ${t0%.*}" | awk '{print $1 - $2}')" -gt "${READY_TIMEOUT:-900}" ]; then
			# Not ready in time: the goroutines' stacks say where it waits.
			kill -QUIT "$server_pid"
			sleep 1
			tail -c 20000 "$tmp/server.log" >&2
			echo "bench: not ready after ${READY_TIMEOUT:-900} s" >&2
			exit 1
		fi
		sleep 0.05
	done
	elapsed="$(echo "$(date +%s.%N) $t0" | awk '{printf "%.2f", $1 - $2}')"
}

memory() { awk '/^VmRSS|^VmHWM/ {printf "%s %d MiB  ", $1, $2/1024}' "/proc/$server_pid/status"; }

# cpu is the CPU time the server has used on every core (user + system):
# on a shared machine it varies less than the elapsed time.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "CPU %.1f s", ($14 + $15) / hz}' "/proc/$server_pid/stat"; }

# ticks is the server's CPU time so far in clock ticks (user + system).
ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# machine prints the machine's CPU ticks so far: all of them, and those
# stolen by the hypervisor (the 8th field of /proc/stat's first line). On a
# virtual machine whose host is busy, steal takes whole time slices from
# the server and wrk alike: a p99 measured then says more about the host
# than about Wegweiser (2026-12-03: 42 % stolen during a /healthz run at
# load 0 inside, p99 22 ms).
machine() { awk 'NR == 1 {t = 0; for (i = 2; i <= NF; i++) t += $i; print t, $9}' /proc/stat; }

# run prints wrk's result, the server's CPU ticks during the run (the CPU
# per request varies less with the machine's other work than req/s) and
# the share of the machine's time stolen meanwhile.
run() { # name path-or-mix [nice]
	before="$(ticks)"
	machine_before="$(machine)"
	out="$(MIX="$2" ${3:+nice -n 19} wrk -t"$threads" -c"$connections" -d"${seconds}s" -s scripts/bench-mix.lua "$url" 2>&1 | sed -n 's/^RESULT //p')"
	[ -n "$out" ] || { echo "bench: wrk gave no result for $1" >&2; exit 1; }
	steal="$(echo "$machine_before $(machine)" | awk '{d = $3 - $1; printf "%.0f", (d > 0 ? 100 * ($4 - $2) / d : 0)}')"
	echo "$out $(($(ticks) - before)) $steal"
}

# table prints the rows of one method, each mix's ratio to its /healthz.
table() { # title healthz head tail
	echo "$1"
	healthz="$2"
	printf '%-8s %10s %8s %8s %7s %6s %11s %7s\n' mix req/s p50_ms p99_ms errors ratio cpu_us/req steal_%
	for row in "healthz $2" "head $3" "tail $4"; do
		set -- $row
		ratio="$(echo "$2 ${healthz%% *}" | awk '{printf "%.3f", $1 / $2}')"
		perreq="$(echo "$6 $2 $seconds $(getconf CLK_TCK)" | awk '{printf "%.0f", $1 / $4 / ($2 * $3) * 1e6}')"
		printf '%-8s %10s %8s %8s %7s %6s %11s %7s\n' "$1" "$2" "$3" "$4" "$5" "$ratio" "$perreq" "$7"
	done
}

start
echo "ready (cold): ${elapsed} s, $(cpu); $(memory)"
# the head mix's area filters name two areas of the data served (the first listed)
AREAS="$(curl -fsS "$url/api/v1/areas" | grep -o '"id":"[^"]*"' | head -2 | cut -d'"' -f4 | tr '\n' ' ')"
export AREAS
if [ "${WARMUP:-0}" != 0 ]; then
	for mix in head tail; do
		MIX=$mix wrk -t"$threads" -c"$connections" -d"${WARMUP}s" -s scripts/bench-mix.lua "$url" >/dev/null 2>&1
	done
	echo "warmed up: ${WARMUP} s of the head and the tail mix, not measured"
fi
# The two methods alternate mix by mix, so that both see the same machine.
for mix in healthz head tail; do
	[ "$client" = low ] || eval "same_$mix=\"\$(run $mix $mix)\""
	[ "$client" = same ] || eval "low_$mix=\"\$(run $mix $mix nice)\""
done
echo "after load: $(memory); load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$client" = low ] || table "wrk at the server's priority (issue 8's method):" "$same_healthz" "$same_head" "$same_tail"
[ "$client" = same ] || table "wrk under nice -n 19 (the server's own latency, clients elsewhere):" "$low_healthz" "$low_head" "$low_tail"
kill "$server_pid" && wait "$server_pid" 2>/dev/null || true
server_pid=""
start
echo "ready (warm, kept index): ${elapsed} s, $(cpu); $(memory)"
