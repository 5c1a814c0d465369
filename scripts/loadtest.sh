#!/bin/sh
# Load test with wrk and a realistic query mix (scripts/loadtest.lua).
#
#   scripts/loadtest.sh load [seconds] [URL]   load on a server: URL, or one started here
#   scripts/loadtest.sh soak [seconds]         load while the data changes every 2 s
#
# soak copies data/ to a temporary folder, serves it with --data, and every
# two seconds edits a record (atomic renames and in-place rewrites by turns);
# every fifth change breaks a file, the next repairs it. It fails unless
# every request got a 2xx answer and both good and broken reloads happened.
# Only 127.0.0.1 is ever targeted. Needs wrk (Debian: apt-get install wrk)
# and curl. Environment: THREADS (2), CONNECTIONS (16).
set -eu
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
server_pid="" changer_pid=""
cleanup() {
	[ -n "$changer_pid" ] && kill "$changer_pid" 2>/dev/null || true
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
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

# change n: edit a record in the served copy (see the header).
change() {
	org="$tmp/data/organizations/$(ls "$tmp/data/organizations" | head -1)"
	victim="$tmp/data/organizations/$(ls "$tmp/data/organizations" | tail -1)"
	orig_org="data/organizations/$(basename "$org")"
	orig_victim="data/organizations/$(basename "$victim")"
	case $(($1 % 5)) in
	4) printf '\n[[services]\nid = "broken' >>"$victim" ;; # a syntax error: must be reported, not served
	*)
		cp "$orig_victim" "$victim"
		if [ $(($1 % 2)) = 0 ]; then # an editor that saves by renaming
			{ cat "$orig_org"; printf '\n# soak change %s\n' "$1"; } >"$org.tmp" && mv "$org.tmp" "$org"
		else # one that rewrites in place, so a reload may see half a file
			{ cat "$orig_org"; printf '\n# soak change %s\n' "$1"; } >"$org"
		fi
		;;
	esac
}

if [ "$mode" = soak ]; then
	(n=0; while :; do sleep 2; n=$((n + 1)); change "$n"; done) &
	changer_pid=$!
fi

wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s scripts/loadtest.lua "$url" | tee "$tmp/wrk.out"
[ -n "$changer_pid" ] && kill "$changer_pid" && changer_pid=""

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
	if [ "$mode" = soak ] && { [ "${ok:-0}" -lt 3 ] || [ "${failed:-0}" -lt 1 ]; }; then
		echo "loadtest: the soak did not exercise good and broken reloads" >&2
		status=1
	fi
fi
if [ "$failures" -gt 0 ]; then
	echo "loadtest: $failures failed requests" >&2
	status=1
fi
exit "$status"
