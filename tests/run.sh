#!/usr/bin/env bash
# tests/run.sh — the whole check, as CI runs it: install the test tools, then formatting, lints
# and every test (unit + integration, which also drive vnu and Chromium). All steps run even
# when one fails, so one run shows every problem; the exit status is non-zero if any failed.
#
# Tests build in the dev profile: on 2 cores compiling the dependency tree with optimisations
# costs minutes, while the integration tests only build a few tiny sites, where the slower
# debug binary loses seconds at most.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash tests/setup.sh

export NO_COLOR=1 CARGO_TERM_COLOR=never
failed=()
step() {
  printf '\n==> %s\n' "$*"
  if "$@"; then return 0; fi
  failed+=("$*")
}

# --workspace: bantin and the benchmark command (bench/, a workspace member that the root's
# default-members leaves out of a plain `cargo build`).
step cargo fmt --all -- --check
step cargo clippy --locked --workspace --all-targets -- -D warnings
step cargo test --locked --workspace --no-fail-fast

if ((${#failed[@]})); then
  printf '\nFAILED:\n' >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
printf '\nall checks passed\n'
