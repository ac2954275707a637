#!/usr/bin/env bash
# Builds and installs pgvector for PostgreSQL 15 from Debian's own source
# package (trixie ships pgvector 0.8.x; bookworm's is too old), then checks
# that `create extension vector` works. Safe to run again: it does nothing
# when the extension is already installed.
set -euo pipefail

PG_MAJOR=15
PG_CONFIG=/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config
SRC_LIST=/etc/apt/sources.list.d/sovra-trixie-src.sources
DEFAULT_MIRROR=http://deb.debian.org/debian
PGHOST_ADDR=127.0.0.1
START=$SECONDS

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run instead of failing on its lock.
APT_GET=(apt-get -y -q -o DPkg::Lock::Timeout=600)

log() { echo "[install-pgvector] $*"; }
elapsed() { echo "$((SECONDS - START))s"; }

pg_sharedir() {
  if [[ -x $PG_CONFIG ]]; then
    "$PG_CONFIG" --sharedir
  else
    echo "/usr/share/postgresql/${PG_MAJOR}"
  fi
}

already_installed() {
  local control
  control="$(pg_sharedir)/extension/vector.control"
  if [[ -f $control ]]; then
    log "already installed: $control"
    return 0
  fi
  return 1
}

apt_install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    "${APT_GET[@]}" install --no-install-recommends "${missing[@]}"
  fi
}

# The URI of the existing bookworm entry, so trixie sources come from the same
# mirror (handles deb822 .sources files and the one-line sources.list format).
debian_mirror() {
  local uri=""
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    uri=$(awk '
      /^[[:space:]]*$/ { if (suites ~ /(^|[[:space:]])bookworm([[:space:]]|$)/ && uris != "") { print uris; exit } uris = ""; suites = ""; next }
      /^URIs:/   { uris = $2 }
      /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      END { if (suites ~ /(^|[[:space:]])bookworm([[:space:]]|$)/ && uris != "") print uris }
    ' /etc/apt/sources.list.d/debian.sources | head -n1)
  fi
  if [[ -z $uri && -f /etc/apt/sources.list ]]; then
    uri=$(awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' /etc/apt/sources.list)
  fi
  echo "${uri:-$DEFAULT_MIRROR}"
}

# deb-src only: nothing binary may come from trixie into this bookworm system.
add_trixie_sources() {
  local mirror
  mirror=$(debian_mirror)
  log "adding deb-src for trixie from $mirror ($SRC_LIST)"
  cat >"$SRC_LIST" <<EOF
# Added by .ci/install-pgvector.sh: source packages only, to build pgvector.
Types: deb-src
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

build_and_install() {
  local work tarball srcdir
  work=$(mktemp -d /tmp/pgvector-build.XXXXXX)
  # shellcheck disable=SC2064 # expand $work now, the local is gone at exit
  trap "rm -rf '$work'" EXIT
  # apt downloads as the unprivileged _apt user when it can write here.
  if id -u _apt >/dev/null 2>&1; then chown _apt "$work"; fi
  cd "$work"
  log "downloading source package pgvector/trixie"
  apt-get source -q --download-only pgvector/trixie
  tarball=$(find . -maxdepth 1 -name 'pgvector_*.orig.tar.*' | head -n1)
  [[ -n $tarball ]] || { log "no orig tarball downloaded"; ls -la; exit 1; }
  log "unpacking $tarball"
  mkdir src
  tar -xf "$tarball" -C src --strip-components=1
  srcdir=$work/src
  # OPTFLAGS="" drops pgvector's default -march=native, so the installed
  # library keeps working if the machine's CPU model changes (Debian builds
  # it the same way).
  log "building ($(nproc) jobs)"
  make -C "$srcdir" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS=""
  make -C "$srcdir" install PG_CONFIG="$PG_CONFIG" OPTFLAGS=""
}

verify() {
  local db="pgvector_check_$$" version
  if ! pg_isready -q -h "$PGHOST_ADDR"; then
    log "WARNING: PostgreSQL is not accepting connections on $PGHOST_ADDR; skipping the live check"
    return 0
  fi
  local psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_ADDR" -U postgres)
  "${psql[@]}" -d postgres -c "create database $db"
  version=$("${psql[@]}" -d "$db" -At \
    -c "create extension if not exists vector; select extversion from pg_extension where extname='vector'") \
    || { "${psql[@]}" -d postgres -c "drop database if exists $db"; exit 1; }
  "${psql[@]}" -d postgres -c "drop database if exists $db"
  log "create extension vector works: version $version"
}

main() {
  if already_installed; then
    exit 0
  fi
  add_trixie_sources
  log "apt-get update"
  "${APT_GET[@]}" update
  apt_install_missing "postgresql-server-dev-${PG_MAJOR}" build-essential make gcc dpkg-dev
  log "packages ready after $(elapsed)"
  build_and_install
  log "built and installed after $(elapsed)"
  verify
  log "done in $(elapsed)"
}

main "$@"
