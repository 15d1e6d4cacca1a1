#!/bin/sh
# vendor.sh copies the web app's browser library, svg-pan-zoom (pinned in
# scripts/webui/package-lock.json), with its licence into
# internal/webui/static/vendor, where go:embed puts it into the binary. The
# copies are committed, so building and running argmap needs no npm; rerun
# this after changing the pinned version.
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
out="$dir/../../internal/webui/static/vendor"
(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$out"
cp "$dir/node_modules/svg-pan-zoom/dist/svg-pan-zoom.min.js" "$out/svg-pan-zoom.min.js"
cp "$dir/node_modules/svg-pan-zoom/LICENSE" "$out/svg-pan-zoom.LICENSE"
v=$(node -p "require('$dir/node_modules/svg-pan-zoom/package.json').version")
echo "vendored svg-pan-zoom $v into internal/webui/static/vendor"
