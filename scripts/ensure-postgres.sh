#!/usr/bin/env bash
# Brings up a local PostgreSQL for Quorum's tests and development, on Debian 12 as root.
# Idempotent: every step checks before it acts, so running it again is cheap and harmless.
# The last line printed on stdout is the connection string; progress goes to stderr so that
#   export QUORUM_TEST_POSTGRES="$(scripts/ensure-postgres.sh | tail -n 1)"
# works.
set -euo pipefail

role=quorum
password=quorum
port=5432

log() { printf 'ensure-postgres: %s\n' "$*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
    log "must run as root (it installs packages and runs commands as the postgres user)"
    exit 1
fi

# The newest installed server's major version; Debian 12 ships 15, but do not assume it.
installed_major() {
    find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -n | tail -n 1
}

# pg_ctlcluster comes with postgresql-common, which a client-only install also has: check for a server too.
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(installed_major)" ]]; then
    log "installing postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
fi

major=$(installed_major)
if [[ -z "$major" ]]; then
    log "no server under /usr/lib/postgresql after installing postgresql"
    exit 1
fi

# The package normally creates the cluster "main"; a trimmed image may not have one.
if ! pg_lsclusters --no-header | awk -v v="$major" '$1 == v && $2 == "main"' | grep -q .; then
    log "creating cluster $major/main"
    pg_createcluster "$major" main --port "$port" >&2
fi

status=$(pg_lsclusters --no-header | awk -v v="$major" '$1 == v && $2 == "main" { print $4 }')
if [[ "$status" != online* ]]; then
    # No systemd here: pg_ctlcluster starts the server directly.
    log "starting cluster $major/main"
    pg_ctlcluster "$major" main start >&2
fi

# pg_ctlcluster returns once the postmaster is up, but recovery may still refuse connections.
for _ in $(seq 1 60); do
    if pg_isready -h 127.0.0.1 -p "$port" -q; then
        break
    fi
    sleep 0.5
done
if ! pg_isready -h 127.0.0.1 -p "$port" -q; then
    log "server did not accept connections on 127.0.0.1:$port within 30 s; see /var/log/postgresql/"
    exit 1
fi

as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }

if [[ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]]; then
    log "creating role $role"
    # A concurrent run may create it first; that is fine, so the error is tolerated and re-checked.
    as_postgres -c "CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password'" >&2 || true
    if [[ "$(as_postgres -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]]; then
        log "could not create role $role"
        exit 1
    fi
fi

# Tests drop their databases WITH (FORCE), which also ends an autovacuum worker busy in one; that needs
# pg_signal_backend (granting it again is harmless).
as_postgres -c "GRANT pg_signal_backend TO $role" >&2

# Prove the password login over TCP works (Debian's pg_hba asks loopback clients for a password).
if ! PGPASSWORD=$password psql -h 127.0.0.1 -p "$port" -U "$role" -d postgres -qtA -c 'SELECT 1' >/dev/null; then
    log "role $role cannot log in over 127.0.0.1 with its password; check pg_hba.conf"
    exit 1
fi

echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
