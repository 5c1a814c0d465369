#!/bin/sh
# Load test with wrk and a realistic query mix (scripts/loadtest.lua).
#
#   scripts/loadtest.sh load [seconds] [URL]   load on a server: URL, or one started here
#   scripts/loadtest.sh soak [seconds]         load while the data changes every 2 s
#
# soak copies data/ to a temporary folder, serves it with --data, and every
# two seconds edits a record (atomic renames and in-place rewrites by turns);
# every eighth change also breaks another file until the server has rejected
# it. It fails unless every request got a 2xx answer and both good and
# broken reloads happened, and, with MAX_RSS_MIB set, unless the server's
# peak resident memory (VmHWM, its start and every reload included) stayed
# under it.
# Only 127.0.0.1 is ever targeted. Needs wrk (Debian: apt-get install wrk)
# and curl. Environment: THREADS (2), CONNECTIONS (16), SERVER_LOG (a file to
# keep the started server's log in), MAX_RSS_MIB (none: the peak is only
# printed).
set -eu
# The toolchain of go.mod (1.26.10, with the security fixes); the go command
# fetches it from the Go module proxy when the machine has an older one.
export GOTOOLCHAIN=go1.26.10
cd "$(dirname "$0")/.."
mode="${1:-load}"
seconds="${2:-30}"
url="${3:-}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-16}"
case "$mode" in load | soak) ;; *) echo "usage: $0 load|soak [seconds] [URL]" >&2 && exit 2 ;; esac
case "$url" in "" | http://127.0.0.1:* | http://localhost:*) ;; *) echo "loadtest: only http://127.0.0.1 is allowed, not $url" >&2 && exit 2 ;; esac
command -v wrk >/dev/null || { echo "loadtest: wrk is missing (apt-get install wrk)" >&2; exit 2; }

tmp="$(mktemp -d)"
server_pid="" changer_pid="" sampler_pid=""
cleanup() {
	[ -n "$changer_pid" ] && kill "$changer_pid" 2>/dev/null || true
	[ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
	[ -n "${SERVER_LOG:-}" ] && [ -f "$tmp/server.log" ] && cp "$tmp/server.log" "$SERVER_LOG"
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

admin=""
if [ -z "$url" ]; then
	go build -o "$tmp/wegweiser" ./cmd/wegweiser
	set -- --addr 127.0.0.1:0 --admin-addr 127.0.0.1:0 --rate-limit 0 --log-format json
	if [ "$mode" = soak ]; then
		cp -R data "$tmp/data"
		set -- "$@" --data "$tmp/data"
	fi
	"$tmp/wegweiser" serve "$@" >"$tmp/out" 2>"$tmp/server.log" &
	server_pid=$!
	for _ in $(seq 100); do
		grep -q '^admin listening' "$tmp/out" 2>/dev/null && break
		sleep 0.1
	done
	url="$(sed -n 's/^wegweiser listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")"
	admin="$(sed -n 's/^admin listening on \(http:[^ ]*\).*/\1/p' "$tmp/out")"
	[ -n "$url" ] || { cat "$tmp/server.log" >&2; echo "loadtest: the server did not start" >&2; exit 1; }
fi

# Service ids for the detail pages of the mix.
curl -fsS "$url/api/v1/search?limit=100" | grep -o '"id":"[a-z0-9-]*/[a-z0-9-]*"' | cut -d'"' -f4 >"$tmp/ids"
export WEGWEISER_IDS="$tmp/ids"
echo "loadtest: $mode for ${seconds}s against $url ($threads threads, $connections connections, $(wc -l <"$tmp/ids") services)"

# rejected prints how many reloads the server has rejected so far.
rejected() {
	curl -fsS "$admin/metrics" | sed -n 's/^wegweiser_reloads_total{result="failed"} \([0-9]*\)$/\1/p'
}

# soak_changes edits a record every two seconds, by turns atomically (as an
# editor that saves by renaming) and in place (so a reload may see half a
# file). Every eighth change also breaks another file with a syntax error,
# and repairs it once the server has rejected it: reloads take seconds under
# load, and a shorter break might go unseen.
soak_changes() {
	org="$(ls data/organizations/*.toml | head -1)"
	victim="$(ls data/organizations/*.toml | tail -1)"
	n=0 broken_at=""
	while :; do
		sleep 2
		n=$((n + 1))
		if [ $((n % 2)) = 0 ]; then
			{ cat "$org"; printf '\n# soak change %s\n' "$n"; } >"$tmp/org.tmp" && mv "$tmp/org.tmp" "$tmp/$org"
		else
			{ cat "$org"; printf '\n# soak change %s\n' "$n"; } >"$tmp/$org"
		fi
		if [ -n "$broken_at" ]; then
			if [ "$(rejected)" -gt "$broken_at" ]; then
				cp "$victim" "$tmp/$victim"
				broken_at=""
			fi
		elif [ $((n % 8)) = 3 ]; then
			broken_at="$(rejected)"
			printf '\n[[services]\nid = "broken' >>"$tmp/$victim"
		fi
	done
}

# sample prints the server's memory and goroutines every 30 s, to tell a
# leak (growing) from the cost of rebuilding (flat).
sample() {
	t=0
	while :; do
		curl -fsS "$admin/metrics" | awk -v t="$t" '
			/^go_memstats_heap_inuse_bytes / { heap = $2 / 1048576 }
			/^process_resident_memory_bytes / { rss = $2 / 1048576 }
			/^go_goroutines / { g = $2 }
			END { printf "loadtest: t=%ss heap in use %.0f MiB, resident %.0f MiB, %d goroutines\n", t, heap, rss, g }'
		sleep 30
		t=$((t + 30))
	done
}

if [ "$mode" = soak ]; then
	[ -n "$admin" ] || { echo "loadtest: soak starts its own server; give no URL" >&2; exit 2; }
	soak_changes &
	changer_pid=$!
	sample &
	sampler_pid=$!
fi

wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/loadtest.lua "$url" | tee "$tmp/wrk.out"
[ -n "$changer_pid" ] && kill "$changer_pid" "$sampler_pid" && changer_pid="" sampler_pid=""

result="$(grep '^RESULT' "$tmp/wrk.out")"
failures=0
for key in non2xx connect read write timeout; do
	v="$(echo "$result" | sed -n "s/.* $key=\([0-9]*\).*/\1/p")"
	failures=$((failures + v))
done
echo "loadtest: $(echo "$result" | sed 's/^RESULT //')"
status=0
if [ -n "$admin" ]; then
	curl -fsS "$admin/metrics" >"$tmp/metrics"
	ok="$(sed -n 's/^wegweiser_reloads_total{result="ok"} \([0-9]*\)$/\1/p' "$tmp/metrics")"
	failed="$(sed -n 's/^wegweiser_reloads_total{result="failed"} \([0-9]*\)$/\1/p' "$tmp/metrics")"
	echo "loadtest: reloads served ${ok:-0} (the first load included), reloads rejected ${failed:-0}"
	# A replaced index is closed after its last request; goroutines and memory
	# that keep growing over a long soak would mean they are not.
	goroutines="$(sed -n 's/^go_goroutines \([0-9]*\)$/\1/p' "$tmp/metrics")"
	rss="$(sed -n 's/^process_resident_memory_bytes \(.*\)$/\1/p' "$tmp/metrics" | awk '{printf "%.0f", $1 / 1048576}')"
	hwm="$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB$/\1/p' "/proc/$server_pid/status" | awk '{printf "%.0f", $1 / 1024}')"
	echo "loadtest: server at the end: $goroutines goroutines, $rss MiB resident, peak $hwm MiB${MAX_RSS_MIB:+ (limit $MAX_RSS_MIB MiB)}"
	if [ -n "${MAX_RSS_MIB:-}" ] && [ "$hwm" -gt "$MAX_RSS_MIB" ]; then
		echo "loadtest: peak resident memory $hwm MiB > $MAX_RSS_MIB MiB" >&2
		status=1
	fi
	if [ "$mode" = soak ] && { [ "${ok:-0}" -lt 2 ] || [ "${failed:-0}" -lt 1 ]; }; then
		echo "loadtest: the soak did not exercise good and broken reloads" >&2
		status=1
	fi
fi
if [ "$failures" -gt 0 ]; then
	echo "loadtest: $failures failed requests" >&2
	status=1
fi
exit "$status"
