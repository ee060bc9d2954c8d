#!/usr/bin/env bash
# Refresh the vendored widget JavaScript from the npm registry, at exact versions.
# Usage: make vendor (or bash tools/vendor_js.sh)        (needs npm + tar; rewrites _vendor_static/widgets-vendor/)
#        bash tools/vendor_js.sh --patch-only             (only re-applies the local patches below, no download)
set -euo pipefail
REQUIREJS_VERSION=2.3.8
HTML_MANAGER_VERSION=1.0.15
ANYWIDGET_VERSION=0.11.0

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="$HERE/../_vendor_static/widgets-vendor"

# Local patches to the vendored files: exact text replacements, each expected exactly
# once (the script stops if a new version no longer has the text). Idempotent: an
# already patched file is left as it is.
#
# embed-amd.js (html-manager 1.0.15): its two bundles (html-manager and libembed-amd)
# each compile the widget-state JSON schemas with `new Ajv()` in Ajv 8's default strict
# mode, and the state schema's buffers.path items are a union type ["string",
# "number"], so every widget page logs the console warning "strict mode: use
# allowUnionTypes to allow union type keyword at ..." twice. {allowUnionTypes: true}
# is what that warning asks for: the same schema, validated the same way, no
# warning. (html-manager is to be replaced; drop this patch with it.)
NOTE='/* forcecouple: patched by tools/vendor_js.sh, new Ajv({allowUnionTypes:!0}) twice (no strict-mode console warnings) */'
patch_text() {  # file, text, replacement
  python3 - "$@" <<'PY'
import pathlib, sys
path, old, new = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
text = path.read_text("utf-8")
if text.count(old) == 1 and new not in text:
    path.write_text(text.replace(old, new), "utf-8")
elif not (old not in text and text.count(new) == 1):
    sys.exit(f"vendor_js.sh: cannot patch {path.name}: expected {old!r} exactly once")
PY
}
patch_vendored() {
  local embed="$DEST/html-manager/embed-amd.js"
  patch_text "$embed" 'gt=new(ht());gt.compile(At)' 'gt=new(ht())({allowUnionTypes:!0});gt.compile(At)'
  patch_text "$embed" 'k=new(w()),E=k.compile(y)' 'k=new(w())({allowUnionTypes:!0}),E=k.compile(y)'
  if [ "$(head -n 1 "$embed")" != "$NOTE" ]; then
    { echo "$NOTE"; cat "$embed"; } > "$embed.tmp" && mv "$embed.tmp" "$embed"
  fi
}
write_sums() {
  (cd "$DEST" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
}
if [ "${1:-}" = "--patch-only" ]; then
  patch_vendored
  write_sums
  echo "patched $DEST/html-manager/embed-amd.js"
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
mkdir -p "$DEST/html-manager" "$DEST/anywidget" "$DEST/licenses"
cp requirejs/require.js            "$DEST/require.js"
cp html-manager/dist/embed-amd.js  "$DEST/html-manager/embed-amd.js"
cp anywidget/dist/index.js         "$DEST/anywidget/index.js"
# Font Awesome webfonts that html-manager's bundled CSS references (hashed names).
# widgets-require-config.js makes webpack resolve them next to embed-amd.js. Only the
# woff2 files are copied: every current browser picks woff2 first, so the woff/ttf/
# eot/svg fallbacks (~2.8 MB) would never be fetched.
cp html-manager/dist/*.woff2 "$DEST/html-manager/"
patch_vendored

# Licences. anywidget ships LICENSE; html-manager ships the third-party notices of its
# bundle (embed.js.LICENSE.txt, same bundle contents as embed-amd.js) but not its own
# LICENSE; requirejs ships neither (its require.js header says MIT). html-manager's text is
# the Jupyter Widgets BSD-3 LICENSE (identical to ipywidgets' wheel LICENSE).
cp anywidget/LICENSE "$DEST/licenses/anywidget-LICENSE"
cp html-manager/dist/embed.js.LICENSE.txt "$DEST/licenses/html-manager-bundled-THIRD-PARTY.txt"
cat > "$DEST/licenses/html-manager-LICENSE" <<'LIC'
Copyright (c) 2015 Project Jupyter Contributors
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this
   list of conditions and the following disclaimer.

2. Redistributions in binary form must reproduce the above copyright notice,
   this list of conditions and the following disclaimer in the documentation
   and/or other materials provided with the distribution.

3. Neither the name of the copyright holder nor the names of its
   contributors may be used to endorse or promote products derived from
   this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
LIC
{
  echo "The requirejs npm package ships no LICENSE file. Its licence statement is the"
  echo "header of require.js itself (kept in the vendored file):"
  echo
  sed -n '1,4p' requirejs/require.js
  echo
  echo "Standard MIT licence text, for that copyright holder:"
  echo
  cat <<'LIC'
Copyright jQuery Foundation and other contributors

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
LIC
} > "$DEST/licenses/requirejs-LICENSE"

{
  echo "requirejs $REQUIREJS_VERSION"
  echo "@jupyter-widgets/html-manager $HTML_MANAGER_VERSION"
  echo "anywidget $ANYWIDGET_VERSION"
} > "$DEST/VERSIONS.txt"
write_sums
echo "vendored into $DEST:"
(cd "$DEST" && find . -type f | sort)
