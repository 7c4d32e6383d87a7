#!/usr/bin/env bash
# Installs the real editors used by the editor tests (test/editors/):
#   - Debian: chromium, ripgrep, libkrb5-dev, neovim, pre-commit, git (rsp-lint diff --base and
#     the change review tests; pre-commit needs it too)
#   - code-server 4.100.3 (real VS Code 1.100.3 server) into <repo>/.tools/code-server
# Idempotent and non-interactive: safe to run on every CI start; skips what is there.
# Fresh install takes about 3-4 minutes (see test/editors/README.md); a re-run about 1 s.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
APT_PACKAGES=(chromium ripgrep libkrb5-dev neovim pre-commit git)

log() { printf '[install-tools] %s\n' "$*"; }
die() { printf '[install-tools] ERROR: %s\n' "$*" >&2; exit 1; }
set -E
trap 'printf "[install-tools] FAILED (exit %s) at line %s: %s\n" "$?" "$LINENO" "$BASH_COMMAND" >&2' ERR

started=$SECONDS
# The repository's top: the script's parent folder (git may be among what is missing).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -f "$ROOT/package.json" ] || die "cannot find the repository next to $0"
TOOLS="$ROOT/.tools"
CS_DIR="$TOOLS/code-server"
# Optional: RSP_TOOLS_CACHE=/some/dir keeps the install outside the work tree (survives fresh
# clones, e.g. CI on a reused machine) and makes .tools/code-server a symlink to it.
if [ -n "${RSP_TOOLS_CACHE:-}" ]; then
  CS_INSTALL="$RSP_TOOLS_CACHE/code-server-$CODE_SERVER_VERSION"
else
  CS_INSTALL="$CS_DIR"
fi
CS_MARKER="$CS_INSTALL/.installed-$CODE_SERVER_VERSION"

export DEBIAN_FRONTEND=noninteractive
export npm_config_yes=true           # node-pty's postinstall runs `npx node-gyp`
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export npm_config_loglevel=error

# ---- 1. Debian packages --------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  log "apt: all present (${APT_PACKAGES[*]}), skipping"
else
  [ "$(id -u)" -eq 0 ] || die "apt packages missing (${missing[*]}) and not root"
  log "apt: installing ${missing[*]}"
  t=$SECONDS
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
  log "apt: done in $((SECONDS - t)) s"
fi
for c in chromium rg nvim pre-commit git; do
  command -v "$c" >/dev/null || die "$c not on PATH after apt install"
done

# ---- 2. code-server -------------------------------------------------------------
if [ -f "$CS_MARKER" ] && [ -x "$CS_INSTALL/node_modules/.bin/code-server" ]; then
  log "code-server $CODE_SERVER_VERSION: already in $CS_INSTALL, skipping"
else
  log "code-server $CODE_SERVER_VERSION: installing into $CS_INSTALL"
  t=$SECONDS
  rm -rf "$CS_INSTALL"
  mkdir -p "$CS_INSTALL"
  cd "$CS_INSTALL"
  printf '{ "name": "rsp-lint-tools", "private": true }\n' > package.json
  log "  npm install code-server (no scripts)"
  npm install --no-save --no-package-lock --ignore-scripts "code-server@$CODE_SERVER_VERSION" >/dev/null
  log "  rebuild argon2"
  npm rebuild argon2 >/dev/null
  VS="$CS_INSTALL/node_modules/code-server/lib/vscode"
  cd "$VS"
  log "  npm install VS Code server deps (no scripts)"
  npm install --omit=dev --ignore-scripts >/dev/null
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
  log "  npm rebuild native modules (node-pty, ...)"
  npm rebuild >/dev/null
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sf code-linux.sh code-server)
  (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
  log "  npm install built-in extensions' deps"
  (cd extensions && npm install --omit=dev >/dev/null)
  # scratch XDG dirs + --config /dev/null: otherwise it writes ~/.config/code-server/config.yaml
  scratch=$(mktemp -d)
  v=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" \
      "$CS_INSTALL/node_modules/.bin/code-server" --config /dev/null --version 2>/dev/null | tail -1) || die "code-server --version failed"
  rm -rf "$scratch"
  case "$v" in "$CODE_SERVER_VERSION"*) ;; *) die "unexpected code-server version: $v";; esac
  touch "$CS_MARKER"
  log "code-server: done in $((SECONDS - t)) s ($v)"
fi
if [ "$CS_INSTALL" != "$CS_DIR" ] && [ "$(readlink "$CS_DIR" 2>/dev/null)" != "$CS_INSTALL" ]; then
  mkdir -p "$TOOLS"
  rm -rf "$CS_DIR"
  ln -s "$CS_INSTALL" "$CS_DIR"
  log "linked $CS_DIR -> $CS_INSTALL"
fi

log "all tools ready in $((SECONDS - started)) s"
