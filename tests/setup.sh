#!/usr/bin/env bash
# tests/setup.sh — installs what the integration tests drive from outside Rust: Chromium (apt),
# a Java runtime for the Nu HTML Checker (apt, only when `java` is missing), the pinned npm
# packages in tests/tools (vnu-jar, playwright-core, axe-core, lighthouse, sitemap for the
# sitemaps.org schema) and a Python venv in tests/tools/.venv with the feed, sitemap and JSON
# Schema checkers' pinned packages (tests/tools/requirements.txt: feedparser, lxml, jsonschema), and
# the pinned Decap CMS tarball (npm pack) for the tests of the CMS at /admin/. Meant for root on a fresh Debian machine;
# safe to run again: every step first checks whether its work is already done and skips it.
set -euo pipefail

tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/tools" && pwd)"
say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    say "need root to run: $*" >&2
    exit 1
  fi
}

# --- apt packages -------------------------------------------------------------------------
# The installed binaries are the stamps: a package counts as done when its command exists.
packages=()
[[ -x /usr/bin/chromium ]] || packages+=(chromium)
command -v java >/dev/null 2>&1 || packages+=(openjdk-17-jre-headless)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
# Debian splits venv/ensurepip out of python3; the import is the test that both are there.
if ! command -v python3 >/dev/null 2>&1; then
  packages+=(python3 python3-venv)
elif ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi
if ((${#packages[@]})); then
  say "installing ${packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
else
  say "chromium, java, node and python3 already installed"
fi

# playwright-core 1.65 needs Node 20 or newer; say so plainly instead of failing later.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if ((node_major < 20)); then
  say "node $(node --version) is too old: playwright-core needs Node >= 20" >&2
  exit 1
fi

# --- npm packages -------------------------------------------------------------------------
# The stamp records the lock file it was installed from, so a changed lock reinstalls.
stamp="$tools/node_modules/.bantin-setup-stamp"
want="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" \
      && -f "$tools/node_modules/vnu-jar/build/dist/vnu.jar" \
      && -d "$tools/node_modules/playwright-core" \
      && -f "$tools/node_modules/axe-core/axe.min.js" \
      && -d "$tools/node_modules/lighthouse" \
      && -f "$tools/node_modules/sitemap/schema/sitemap.xsd" ]]; then
  say "npm packages in tests/tools already installed"
else
  say "npm ci in tests/tools"
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; we bring our own.
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp"
fi
# --- Decap CMS, for the tests of /admin/ ----------------------------------------------------
# The browser CMS's script as bantin pins it (version and sha512 in src/cms/decap.rs). The tests
# point bantin at this copy (BANTIN_DECAP_TARBALL, tests/it/support.rs), so no test reaches the
# npm registry or a CDN. `npm pack` fetches the tarball alone, without the package's large
# dependency tree; the file is checked against the pinned sha512 before it is kept.
src_decap="$tools/../../src/cms/decap.rs"
decap_version="$(sed -n 's/^pub const VERSION: &str = "\(.*\)";$/\1/p' "$src_decap")"
decap_integrity="$(grep -o -m1 'sha512-[A-Za-z0-9+/=]*' "$src_decap")"
decap_tarball="$tools/decap-cms-$decap_version.tgz"
integrity_of() {
  node -e 'const c = require("crypto"), f = require("fs");
    process.stdout.write("sha512-" + c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"));' "$1"
}
if [[ -f "$decap_tarball" && "$(integrity_of "$decap_tarball")" == "$decap_integrity" ]]; then
  say "decap-cms $decap_version tarball in tests/tools already there"
else
  say "npm pack decap-cms@$decap_version into tests/tools"
  rm -f "$decap_tarball"
  (cd "$tools" && npm pack "decap-cms@$decap_version" --silent --loglevel=error >/dev/null)
  found="$(integrity_of "$decap_tarball")"
  if [[ "$found" != "$decap_integrity" ]]; then
    rm -f "$decap_tarball"
    say "decap-cms-$decap_version.tgz has sha512 $found, not the pinned $decap_integrity" >&2
    exit 1
  fi
fi

# --- Python venv for the feed and sitemap checkers ------------------------------------------
# Same idea: the stamp holds the hash of requirements.txt and the interpreter's version, so a
# changed pin or a Python upgrade rebuilds the venv from scratch.
venv="$tools/.venv"
stamp="$venv/.bantin-setup-stamp"
want="$(sha256sum "$tools/requirements.txt" | cut -d' ' -f1) $(python3 --version 2>&1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/python" ]]; then
  say "python venv in tests/tools/.venv already installed"
else
  say "creating the python venv in tests/tools/.venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
    --only-binary lxml -r "$tools/requirements.txt"
  "$venv/bin/python" -c 'import feedparser, lxml.etree, jsonschema'
  printf '%s\n' "$want" >"$stamp"
fi
say "done"
