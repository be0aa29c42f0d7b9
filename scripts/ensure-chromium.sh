#!/usr/bin/env bash
# The browser tests drive Debian's Chromium headless shell (never a downloaded browser; decision 0010).
# On a machine without it, install Debian's package when we can (root with apt-get), and otherwise
# stop at once with the one command that fixes it, before a minute of building and a wall of
# browser-launch failures.
set -euo pipefail
package=chromium-headless-shell
chromium_path="${CHROMIUM_PATH:-/usr/bin/$package}"
[ -x "$chromium_path" ] && exit 0

if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable. Point it at a Chromium binary, or unset it to use Debian's headless shell." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Chromium's headless shell is missing: installing Debian's package (apt-get update && apt-get install -y $package)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
  [ -x "$chromium_path" ] && { echo "Installed $("$chromium_path" --version 2>/dev/null || echo "$package")."; exit 0; }
  echo "apt-get finished but $chromium_path is still missing." >&2
  exit 1
fi
echo "The browser tests need Debian's Chromium headless shell at $chromium_path. Install it with:" >&2
echo "  sudo apt-get install -y $package" >&2
exit 1
