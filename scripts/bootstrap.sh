#!/usr/bin/env bash
# Installs whatever is missing, idempotently: the two venvs (pinned by requirements/*.lock),
# Node.js 22 + bun for Reflex (project-local, from the npm registry), and, when asked for
# browser tests, Debian's Chromium. Each step is skipped when its stamp matches its lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

WANT_BROWSER=0
WANT_NGINX=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    --nginx) WANT_NGINX=1 ;;  # the gateway tests: nginx and redis-server (`make up-prod` installs nginx itself)
  esac
done

say() { printf '\033[1;36m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

stamp_of() { sha256sum "$@" | sha256sum | cut -c1-16; }

find_python() {  # find_python 3.11
  local version="$1" candidate
  for candidate in "python$version" "$HOME/.pyenv/versions/$version".*/bin/python; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import sys; assert sys.version_info[:2] == tuple(map(int, '$version'.split('.')))" 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

make_venv() {  # make_venv DIR PYTHON_VERSION LOCKFILE LABEL
  local dir="$1" version="$2" lock="$3" label="$4" stamp python
  stamp="$(stamp_of "$lock")"
  if [[ -f "$dir/.stamp-$stamp" ]]; then
    return 0
  fi
  python="$(find_python "$version")" || fail "Python $version not found (install it, e.g. 'pyenv install $version')"
  if [[ ! -x "$dir/bin/python" ]]; then
    say "Creating $label venv ($dir, Python $version)"
    "$python" -m venv "$dir"
  fi
  say "Installing $label packages from $lock (first time: a few minutes)"
  # The machine's pip config lists local package folders that may not exist; hide that noise.
  "$dir/bin/python" -m pip install --quiet --upgrade pip 2>&1 | { grep -v "is neither a file nor a directory" || true; }
  "$dir/bin/python" -m pip install --quiet --progress-bar off -r "$lock" 2>&1 | { grep -v "is neither a file nor a directory" || true; }
  rm -f "$dir"/.stamp-*
  touch "$dir/.stamp-$stamp"
}

make_venv .venv 3.11 requirements/main.lock "main"
make_venv bot/.venv 3.10 requirements/bot.lock "Rasa"

# Reflex 0.10 needs Node.js >= 22.22 and bun; both come from the npm registry into tools/.
tools_stamp="$(stamp_of tools/package-lock.json)"
if [[ ! -f "tools/node_modules/.stamp-$tools_stamp" ]]; then
  command -v npm >/dev/null || fail "npm not found (apt-get install nodejs npm)"
  say "Installing Node.js 22 and bun into tools/ (npm registry)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
  touch "tools/node_modules/.stamp-$tools_stamp"
fi

if [[ "$WANT_BROWSER" == 1 ]] && ! command -v chromium >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing Chromium for browser tests (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: chromium not found; browser tests need it (sudo apt-get install chromium)" >&2
  fi
fi

if [[ "$WANT_NGINX" == 1 ]] && ! command -v nginx >/dev/null 2>&1 && [[ ! -x /usr/sbin/nginx ]]; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing nginx for the gateway tests (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    echo "warning: nginx not found; the gateway tests need it (sudo apt-get install nginx)" >&2
  fi
fi
# The gateway tests restart a Redis of their own (the machine's is not theirs to restart).
if [[ "$WANT_NGINX" == 1 ]] && ! command -v redis-server >/dev/null 2>&1; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "Installing redis-server for the gateway tests (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "warning: redis-server not found; the gateway tests need it (sudo apt-get install redis-server)" >&2
  fi
fi
