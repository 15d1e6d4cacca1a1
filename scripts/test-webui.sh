#!/usr/bin/env bash
# test-webui.sh runs the web app's browser tests: it installs Debian's
# Chromium and Firefox ESR when they are missing (apt; no browser download)
# and the pinned playwright-core and puppeteer-core
# (scripts/webui/package-lock.json), builds argmap, ingests the demo corpus
# into a temporary store, serves it on a free loopback port with a named
# write token, and drives the pages with scripts/webui/browser-test.mjs
# (Chromium, through playwright-core) and then scripts/webui/firefox-test.mjs
# (Firefox, through puppeteer-core over WebDriver BiDi: the map labels fit
# their boxes in a Firefox-class renderer too). Screenshots (1400×900 and
# 390×844) and an A4 PDF of the print view go to $ARGMAP_SHOTS (default: a
# temp dir, printed).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
# Liberation Sans is metric-compatible with the Helvetica Graphviz measures
# labels in; without it the label-fit checks would fail on wider fallbacks.
if ! command -v chromium >/dev/null 2>&1 || ! command -v firefox-esr >/dev/null 2>&1 || ! dpkg -s fonts-liberation >/dev/null 2>&1; then
	echo "installing chromium, firefox-esr and fonts-liberation (apt)"
	export DEBIAN_FRONTEND=noninteractive
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo -E"
	$sudo apt-get update -qq
	$sudo apt-get install -y -qq chromium firefox-esr fonts-liberation >/dev/null
fi
dir=scripts/webui
if [ ! -f "$dir/node_modules/playwright-core/package.json" ] ||
	[ ! -f "$dir/node_modules/puppeteer-core/package.json" ] ||
	[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
	(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "browser test set-up took $(($(date +%s) - start)) s"
work=$(mktemp -d)
shots=${ARGMAP_SHOTS:-$work/shots}
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	if [ -z "${ARGMAP_SHOTS:-}" ] && [ -z "${KEEP_SHOTS:-}" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
go build -o "$work/" ./cmd/argmap ./cmd/argmap-render # the map render worker beside argmap
"$work/argmap" demo --no-serve --store "$work/demo.db" >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
token=webui-test-$RANDOM$RANDOM
ARGMAP_API_TOKENS="tester:$token" "$work/argmap" serve --store "$work/demo.db" --addr "127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
node -e '
const url = process.argv[1];
let n = 0;
(function try1() {
  fetch(url).then((r) => { if (!r.ok) throw new Error(String(r.status)); process.exit(0); })
    .catch(() => { if (++n > 300) { console.error("the server did not come up"); process.exit(1); } setTimeout(try1, 100); });
})();' "http://127.0.0.1:$port/healthz"
ARGMAP_TEST_TOKEN=$token node "$dir/browser-test.mjs" "http://127.0.0.1:$port" "$shots" || { echo "server log:"; tail -20 "$work/serve.log"; exit 1; }
node "$dir/firefox-test.mjs" "http://127.0.0.1:$port" "$shots" || { echo "server log:"; tail -20 "$work/serve.log"; exit 1; }
