#!/usr/bin/env bash
# Installs what @switchboard/local-infra needs to run the local infrastructure:
#   - nats-server v2.15.3 built from source into ${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/nats-server-v2.15.3/
#     unless NATS_URL is set (Debian's nats-server 2.9 is too old: no JWT resolver features we use)
#   - redis-server (Debian package), unless REDIS_URL is set
#   - FerretDB v1.24.2 built from source into ${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/ferretdb-v1.24.2/
#     unless MONGO_URL is set or mongod / ferretdb is already available
#   - pnpm (npm install -g pnpm@10.34.8) if missing
# Idempotent: a second run checks and installs nothing. Prints one line per component.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
NATS_SERVER_VERSION=v2.15.3
NATS_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/nats-server-${NATS_SERVER_VERSION}"
PNPM_VERSION=10.34.8
FERRETDB_CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/switchboard/ferretdb-${FERRETDB_VERSION}"
export PATH="$PATH:/usr/local/go/bin"

work_dir=""
cleanup() {
  if [ -n "$work_dir" ] && [ -d "$work_dir" ]; then
    chmod -R u+w "$work_dir" 2>/dev/null || true
    rm -rf "$work_dir"
  fi
}
trap cleanup EXIT
make_work_dir() {
  if [ -z "$work_dir" ]; then work_dir="$(mktemp -d "${TMPDIR:-/tmp}/install-infra.XXXXXX")"; fi
}

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-infra: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

# ---------------------------------------------------------------- redis-server
packages=()
declare -A status=()
check_binary() { # <binary> <url env var name> <debian package>
  local bin="$1" url_var="$2" pkg="$3"
  if [ -n "${!url_var:-}" ]; then
    status[$bin]="$bin: $url_var is set, not needed"
  elif command -v "$bin" >/dev/null 2>&1; then
    status[$bin]="$bin: already installed ($(command -v "$bin"))"
  else
    packages+=("$pkg")
  fi
}
check_binary redis-server REDIS_URL redis-server

if [ "${#packages[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-infra: ${packages[*]} missing and apt-get is not available; install them with your package manager" >&2
    exit 1
  fi
  make_work_dir
  apt_log="$work_dir/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  if ! as_root apt-get update >"$apt_log" 2>&1 ||
    ! as_root apt-get install -y --no-install-recommends "${packages[@]}" >>"$apt_log" 2>&1; then
    tail -n 30 "$apt_log" >&2
    echo "install-infra: apt-get install ${packages[*]} failed (check the names with: apt-cache policy ${packages[*]})" >&2
    exit 1
  fi
  for bin in redis-server; do
    if [ -z "${status[$bin]:-}" ]; then
      if ! command -v "$bin" >/dev/null 2>&1; then
        echo "install-infra: $bin still not on PATH after apt-get install" >&2
        exit 1
      fi
      status[$bin]="$bin: installed from Debian package ($(command -v "$bin"))"
    fi
  done
fi
echo "${status[redis-server]}"

# ---------------------------------------------------------------- nats-server (built)
# The exact release, built with Go like FerretDB: tests, `pnpm start` and the benchmarks run it
# with decentralized JWT authentication (@switchboard/nats-auth). NATS_SERVER_BIN overrides it.
nats_server_works() { [ -x "$1" ] && "$1" --version 2>/dev/null | grep -q "${NATS_SERVER_VERSION}\$"; }

build_nats_server() {
  if ! command -v go >/dev/null 2>&1; then
    echo "install-infra: Go is needed to build nats-server ${NATS_SERVER_VERSION} (looked on PATH and in /usr/local/go/bin)" >&2
    exit 1
  fi
  make_work_dir
  local started=$SECONDS target="$NATS_CACHE_DIR/nats-server" log="$work_dir/nats-go.log"
  mkdir -p "$NATS_CACHE_DIR"
  if ! CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -buildvcs=false" GOBIN="$work_dir/nats-bin" \
    go install "github.com/nats-io/nats-server/v2@${NATS_SERVER_VERSION}" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "install-infra: go install of nats-server ${NATS_SERVER_VERSION} failed" >&2
    exit 1
  fi
  if ! nats_server_works "$work_dir/nats-bin/nats-server"; then
    "$work_dir/nats-bin/nats-server" --version >&2 || true
    echo "install-infra: the nats-server binary built does not report ${NATS_SERVER_VERSION}" >&2
    exit 1
  fi
  mv -f "$work_dir/nats-bin/nats-server" "$target.tmp"
  mv -f "$target.tmp" "$target"
  echo "nats-server: built ${NATS_SERVER_VERSION} into $target ($((SECONDS - started)) s)"
}

if [ -n "${NATS_URL:-}" ]; then
  echo "nats-server: NATS_URL is set, not needed (that server must run the auth configuration, see README)"
elif [ -n "${NATS_SERVER_BIN:-}" ] && nats_server_works "$NATS_SERVER_BIN"; then
  echo "nats-server: already installed (NATS_SERVER_BIN=$NATS_SERVER_BIN)"
elif command -v nats-server >/dev/null 2>&1 && nats_server_works "$(command -v nats-server)"; then
  echo "nats-server: already installed ($(command -v nats-server))"
elif nats_server_works "$NATS_CACHE_DIR/nats-server"; then
  echo "nats-server: already installed ($NATS_CACHE_DIR/nats-server)"
else
  build_nats_server
fi

# ---------------------------------------------------------------- FerretDB (or mongod)
ferretdb_works() { [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }

build_ferretdb() {
  if ! command -v go >/dev/null 2>&1; then
    echo "install-infra: Go is needed to build FerretDB ${FERRETDB_VERSION} (looked on PATH and in /usr/local/go/bin)" >&2
    exit 1
  fi
  make_work_dir
  local started=$SECONDS target="$FERRETDB_CACHE_DIR/ferretdb" method log="$work_dir/go.log"
  mkdir -p "$FERRETDB_CACHE_DIR"
  export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -buildvcs=false"

  # 1. plain `go install`. Can fail (module proxy answering 403 on the deprecation lookup), and
  #    a binary built from the module zip may panic at start (no generated build/version/version.txt),
  #    hence the --version check.
  if GOBIN="$work_dir/bin" go install "github.com/FerretDB/FerretDB/cmd/ferretdb@${FERRETDB_VERSION}" >"$log" 2>&1 &&
    ferretdb_works "$work_dir/bin/ferretdb"; then
    mv -f "$work_dir/bin/ferretdb" "$target.tmp"
    method="go install"
  else
    # 2. fetch the module through a throwaway module, then build a writable copy with version.txt.
    mkdir -p "$work_dir/fetch"
    if ! (cd "$work_dir/fetch" && go mod init fetch-ferretdb && go get "github.com/FerretDB/FerretDB@${FERRETDB_VERSION}") >>"$log" 2>&1; then
      tail -n 30 "$log" >&2
      echo "install-infra: could not download github.com/FerretDB/FerretDB@${FERRETDB_VERSION}" >&2
      exit 1
    fi
    local src
    src="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@${FERRETDB_VERSION}"
    cp -R "$src" "$work_dir/src"
    chmod -R u+w "$work_dir/src"
    echo "${FERRETDB_VERSION}" >"$work_dir/src/build/version/version.txt"
    if ! (cd "$work_dir/src" && go build -trimpath -o "$target.tmp" ./cmd/ferretdb) >>"$log" 2>&1; then
      tail -n 30 "$log" >&2
      echo "install-infra: go build of FerretDB ${FERRETDB_VERSION} failed" >&2
      exit 1
    fi
    method="go build from the module source"
  fi
  if ! ferretdb_works "$target.tmp"; then
    "$target.tmp" --version >&2 || true
    rm -f "$target.tmp"
    echo "install-infra: the FerretDB binary built by $method does not run" >&2
    exit 1
  fi
  mv -f "$target.tmp" "$target"
  echo "ferretdb: built ${FERRETDB_VERSION} into $target ($method, $((SECONDS - started)) s)"
}

if [ -n "${MONGO_URL:-}" ]; then
  echo "ferretdb: MONGO_URL is set, not needed"
elif command -v mongod >/dev/null 2>&1; then
  echo "ferretdb: not needed, mongod is installed ($(command -v mongod))"
elif [ -n "${FERRETDB_BIN:-}" ] && ferretdb_works "$FERRETDB_BIN"; then
  echo "ferretdb: already installed (FERRETDB_BIN=$FERRETDB_BIN)"
elif command -v ferretdb >/dev/null 2>&1 && ferretdb_works "$(command -v ferretdb)"; then
  echo "ferretdb: already installed ($(command -v ferretdb))"
elif ferretdb_works "$FERRETDB_CACHE_DIR/ferretdb"; then
  echo "ferretdb: already installed ($FERRETDB_CACHE_DIR/ferretdb)"
else
  build_ferretdb
fi

# ---------------------------------------------------------------- pnpm
if command -v pnpm >/dev/null 2>&1; then
  echo "pnpm: already installed ($(pnpm --version 2>/dev/null || echo '?'))"
else
  # not through corepack: its signature check fails on some machines
  npm install -g "pnpm@${PNPM_VERSION}" >/dev/null
  echo "pnpm: installed ${PNPM_VERSION} with npm install -g"
fi
