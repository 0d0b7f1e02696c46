#!/usr/bin/env bash
# tests/setup.sh — installs what the integration tests drive from outside Rust: Chromium (apt),
# a Java runtime for the Nu HTML Checker (apt, only when `java` is missing) and the pinned npm
# packages in tests/tools (vnu-jar, playwright-core). Meant for root on a fresh Debian machine;
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
if ((${#packages[@]})); then
  say "installing ${packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
else
  say "chromium, java and node already installed"
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
      && -d "$tools/node_modules/playwright-core" ]]; then
  say "npm packages in tests/tools already installed"
else
  say "npm ci in tests/tools"
  # --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; we bring our own.
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  printf '%s\n' "$want" >"$stamp"
fi
say "done"
