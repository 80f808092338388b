#!/bin/sh
# Makes sure Debian's Chromium (/usr/bin/chromium) and a colour emoji font are installed, for the
# preview's browser test and its screenshot (buttons show 👍 / 👎). Idempotent and silent when
# both are there; installs what is missing with apt-get when run as root; otherwise says what to
# do and fails.
set -eu

CHROMIUM=/usr/bin/chromium
EMOJI_FONT=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf

missing=""
[ -x "$CHROMIUM" ] || missing="chromium"
[ -f "$EMOJI_FONT" ] || missing="$missing fonts-noto-color-emoji"
missing=$(echo "$missing" | sed 's/^ *//')

if [ -z "$missing" ]; then
  exit 0
fi

hint="sudo apt-get update && sudo apt-get install -y $missing"

if [ "$(id -u)" -ne 0 ]; then
  echo "ensureChromium: missing Debian package(s): $missing (not root, so not installing them)." >&2
  echo "ensureChromium: install with: $hint" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensureChromium: missing $missing, and apt-get is not available on this machine." >&2
  echo "ensureChromium: install Chromium so that $CHROMIUM exists (Debian/Ubuntu: $hint)." >&2
  exit 1
fi

echo "ensureChromium: installing $missing with apt-get (one time)..." >&2
apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is intended
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensureChromium: apt-get finished but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "ensureChromium: ready: $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
