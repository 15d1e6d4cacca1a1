# serve.sh — sourced by the benchmark scripts that time a live server
# (bench-api.sh, bench-answers.sh): a temporary directory $tmp, removed at
# exit together with the server, and
#   serve NAME BIN STORE PORT   starts "BIN serve" on STORE at 127.0.0.1:PORT
#                               (a throw-away write token, logs in
#                               $tmp/server.log), sets $server and $base, and
#                               waits up to 30 s for /healthz
#   stop_server                 stops it
tmp=$(mktemp -d)
server=
stop_server() {
	if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
		kill -TERM "$server" 2>/dev/null || true
		wait "$server" 2>/dev/null || true
	fi
	server=
}
trap 'stop_server; rm -rf "$tmp"' EXIT INT TERM

serve() {
	local name=$1 bin=$2 store=$3 port=$4
	base="http://127.0.0.1:$port"
	echo "== serving on $base"
	ARGMAP_API_TOKENS=bench-$RANDOM$RANDOM "$bin" serve --store "$store" --addr "127.0.0.1:$port" >/dev/null 2>"$tmp/server.log" &
	server=$!
	for _ in $(seq 1 300); do
		curl -fsS "$base/healthz" >/dev/null 2>&1 && return 0
		kill -0 "$server" 2>/dev/null || { echo "$name: the server stopped" >&2; cat "$tmp/server.log" >&2; exit 1; }
		sleep 0.1
	done
	echo "$name: the server did not come up" >&2
	cat "$tmp/server.log" >&2
	exit 1
}
