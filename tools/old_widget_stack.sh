#!/usr/bin/env bash
# The book's OLD widget stack (before issue 18), fetched from npm for `make bench` only:
# require.js, @jupyter-widgets/html-manager's embed-amd.js and anywidget's AMD bundle,
# which the static book loaded on every widget page until the small runtime
# (_book_static/widgets-runtime.js) replaced them. benchmarks/old_stack.py builds a copy
# of the built book that uses these files, to compare page weight, time to first render
# and slider latency in one run. Nothing here is shipped with the book.
# Usage: bash tools/old_widget_stack.sh [DEST]   (needs npm + tar; default DEST
#        _build/old-widget-stack; does nothing when DEST already has these versions)
set -euo pipefail
REQUIREJS_VERSION=2.3.8
HTML_MANAGER_VERSION=1.0.15
ANYWIDGET_VERSION=0.11.0

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="$(realpath -m "${1:-$HERE/../_build/old-widget-stack}")"
VERSIONS="requirejs $REQUIREJS_VERSION
@jupyter-widgets/html-manager $HTML_MANAGER_VERSION
anywidget $ANYWIDGET_VERSION"
if [ "$(cat "$DEST/VERSIONS.txt" 2>/dev/null)" = "$VERSIONS" ]; then
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "requirejs@$REQUIREJS_VERSION" \
  "@jupyter-widgets/html-manager@$HTML_MANAGER_VERSION" \
  "anywidget@$ANYWIDGET_VERSION" >/dev/null
mkdir requirejs html-manager anywidget
tar -xzf "requirejs-$REQUIREJS_VERSION.tgz" -C requirejs --strip-components=1
tar -xzf "jupyter-widgets-html-manager-$HTML_MANAGER_VERSION.tgz" -C html-manager --strip-components=1
tar -xzf "anywidget-$ANYWIDGET_VERSION.tgz" -C anywidget --strip-components=1

rm -rf "$DEST"
mkdir -p "$DEST/html-manager" "$DEST/anywidget"
cp requirejs/require.js            "$DEST/require.js"
cp html-manager/dist/embed-amd.js  "$DEST/html-manager/embed-amd.js"
cp anywidget/dist/index.js         "$DEST/anywidget/index.js"
# The Font Awesome webfonts of html-manager's CSS (the old book shipped the woff2 ones).
cp html-manager/dist/*.woff2 "$DEST/html-manager/"
echo "$VERSIONS" > "$DEST/VERSIONS.txt"
echo "old widget stack fetched into $DEST"
