#!/usr/bin/env bash
# The one test command: ./test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Postgres"]
#
# Provisions what the tests need when it is missing (PostgreSQL server binaries, Redis, nginx, docker-compose
# and Debian's chromium, through apt), starts a throwaway PostgreSQL cluster and a throwaway Redis in temp
# directories on free ports, builds Digest.sln, runs the test projects in three lanes, and prints as its very last line
# "N passed, N failed, N skipped".
# It exits non-zero when a test failed, the build failed, or no test ran at all.
#
# Environment given to the tests:
#   DIGEST_TEST_POSTGRES   server-level Npgsql connection string (see tests/TestSupport/TestPostgres.cs)
#   DIGEST_TEST_REDIS      host:port of the throwaway Redis (see tests/TestSupport/TestRedis.cs)
#   DIGEST_NGINX           /usr/sbin/nginx, which multi-instance tests start with a config of their own
#   DIGEST_DOCKER_COMPOSE  the docker-compose client, to validate the compose files (there is no Docker engine here)
#   DIGEST_CHROMIUM        /usr/bin/chromium, for browser tests
#   DIGEST_TEST_ARTIFACTS  TestResults/artifacts, a directory for screenshots and other artifacts
# Settings read here:
#   DIGEST_TEST_POSTGRES   when already set, that server is used and no cluster is started.
#   DIGEST_TEST_REDIS      when already set, that server is used and none is started.
#   DIGEST_TEST_HANG       per-test hang timeout handed to `dotnet test --blame-hang-timeout` (default 5m).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '==> %s\n' "$*"; }

# ---------------------------------------------------------------------------------------------------------
# Clean-up runs on every exit path; INT/TERM are turned into exits so the EXIT trap always fires.
work=""
pg_bin=""
pg_user=""
redis_work=""
# shellcheck disable=SC2317 # reached through the trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n "$work" && -d "$work" ]]; then
    if [[ -f "$work/data/postmaster.pid" ]]; then
      as_pg_user "$pg_bin/pg_ctl" stop -D "$work/data" -m immediate -w -t 30 >/dev/null 2>&1 \
        || kill -9 "$(head -n 1 "$work/data/postmaster.pid" 2>/dev/null)" 2>/dev/null || true
    fi
    rm -rf "$work"
  fi
  if [[ -n "$redis_work" && -d "$redis_work" ]]; then
    if [[ -f "$redis_work/redis.pid" ]]; then
      kill -9 "$(cat "$redis_work/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$redis_work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------------
# Installing system packages.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo env DEBIAN_FRONTEND=noninteractive "$@"
  else
    echo "test.sh: '$*' needs root (run as root or install sudo)" >&2
    return 1
  fi
}

apt_updated=false
apt_install() {
  command -v apt-get >/dev/null 2>&1 || { echo "test.sh: no apt-get here; install $* yourself" >&2; return 1; }
  # Another apt run (unattended upgrades, a parallel job) may hold the lock for a while: wait for it.
  local apt=(apt-get -q -o DPkg::Lock::Timeout=600)
  if [[ $apt_updated == false ]]; then
    # A broken third-party list must not stop us: Debian's own lists are what we need.
    as_root "${apt[@]}" update >/dev/null || echo "test.sh: apt-get update reported errors, trying anyway" >&2
    apt_updated=true
  fi
  as_root "${apt[@]}" install -y --no-install-recommends "$@" >/dev/null
}

find_pg_bin() {
  local initdb dir
  if initdb=$(command -v initdb 2>/dev/null); then
    # Debian's /usr/bin has no initdb; a PATH entry is often a symlink into /usr/lib/postgresql/N/bin.
    dir=$(dirname "$(readlink -f "$initdb")")
    if [[ -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

# initdb refuses to run as root: the server runs as the `postgres` system user (made if absent).
as_pg_user() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "$pg_user" -- "$@"
  else
    "$@"
  fi
}

port_is_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_postgres() {
  if ! pg_bin=$(find_pg_bin); then
    say "installing PostgreSQL"
    apt_install postgresql
    pg_bin=$(find_pg_bin) || { echo "test.sh: PostgreSQL installed but initdb not found" >&2; return 1; }
  fi

  if [[ $(id -u) -eq 0 ]]; then
    pg_user=postgres
    if ! id "$pg_user" >/dev/null 2>&1; then
      useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$pg_user"
    fi
  else
    pg_user=$(id -un)
  fi

  # As root the directory must be reachable by the server's user, so not under a private TMPDIR.
  if [[ $(id -u) -eq 0 ]]; then
    work=$(mktemp -d /tmp/digest-pg.XXXXXX)
  else
    work=$(mktemp -d "${TMPDIR:-/tmp}/digest-pg.XXXXXX")
  fi
  chmod 700 "$work"
  printf 'digest\n' >"$work/pwfile"
  if [[ $(id -u) -eq 0 ]]; then
    chown -R "$pg_user:" "$work"
  fi

  # C.UTF-8 exists on every Debian; a LANG naming an ungenerated locale would make initdb fail.
  as_pg_user "$pg_bin/initdb" -D "$work/data" -U digest --pwfile="$work/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; return 1; }

  # Durability is worthless for a cluster that is deleted in a few minutes; speed is not.
  cat >>"$work/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
EOF

  # Another process can grab a port between our check and the bind: try a few.
  local port
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    # Below Linux's ephemeral range (32768+), where outgoing connections take their ports.
    port=$((15000 + (RANDOM * 32768 + RANDOM) % 17000))
    port_is_taken "$port" && continue
    if as_pg_user "$pg_bin/pg_ctl" start -D "$work/data" -l "$work/server.log" -o "-p $port" -w -t 60 >/dev/null; then
      local version
      version=$("$pg_bin/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')
      say "PostgreSQL $version on 127.0.0.1:$port"
      export DIGEST_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=digest;Password=digest;Database=postgres"
      return 0
    fi
  done
  echo "test.sh: PostgreSQL did not start; its log:" >&2
  cat "$work/server.log" >&2 || true
  return 1
}

if [[ -n "${DIGEST_TEST_POSTGRES:-}" ]]; then
  say "using the PostgreSQL server in DIGEST_TEST_POSTGRES"
else
  start_postgres
fi

# Redis: a throwaway server for the shared output cache, no persistence, on a free loopback port.
redis_answers() {
  local reply
  reply=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && head -c 7 <&3) 2>/dev/null || true)
  [[ $reply == +PONG* ]]
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    say "installing Redis"
    apt_install redis-server || { echo "test.sh: Redis could not be installed; Redis tests will be skipped" >&2; return 0; }
  fi

  redis_work=$(mktemp -d "${TMPDIR:-/tmp}/digest-redis.XXXXXX")
  local port
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    port=$((15000 + (RANDOM * 32768 + RANDOM) % 17000))
    port_is_taken "$port" && continue
    redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_work" \
      --pidfile "$redis_work/redis.pid" --daemonize yes --logfile "$redis_work/redis.log" >/dev/null
    for _ in $(seq 1 50); do
      redis_answers "$port" && break
      sleep 0.1
    done
    if redis_answers "$port"; then
      say "Redis $(redis-server --version | sed -E 's/.*v=([0-9.]+).*/\1/') on 127.0.0.1:$port"
      export DIGEST_TEST_REDIS="127.0.0.1:$port"
      return 0
    fi
    [[ -f "$redis_work/redis.pid" ]] && kill -9 "$(cat "$redis_work/redis.pid")" 2>/dev/null || true
  done
  echo "test.sh: Redis did not start; its log:" >&2
  cat "$redis_work/redis.log" >&2 || true
  return 1
}

if [[ -n "${DIGEST_TEST_REDIS:-}" ]]; then
  say "using the Redis server in DIGEST_TEST_REDIS"
else
  start_redis
fi

# nginx for the multi-instance tests (they start it with a config of their own; the package's service is not used)
# and docker-compose to validate the compose files.
for tool in nginx:nginx docker-compose:docker-compose; do
  command=${tool%%:*} package=${tool#*:}
  if ! command -v "$command" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$command" ]]; then
    say "installing $package"
    apt_install "$package" || echo "test.sh: $package could not be installed; the tests that need it will be skipped" >&2
  fi
done
if [[ -x /usr/sbin/nginx ]]; then
  export DIGEST_NGINX=/usr/sbin/nginx
fi
if command -v docker-compose >/dev/null 2>&1; then
  DIGEST_DOCKER_COMPOSE=$(command -v docker-compose)
  export DIGEST_DOCKER_COMPOSE
fi

if [[ ! -x /usr/bin/chromium ]]; then
  say "installing Chromium"
  apt_install chromium fonts-liberation \
    || echo "test.sh: Chromium could not be installed; browser tests will not run" >&2
fi
if [[ -x /usr/bin/chromium ]]; then
  export DIGEST_CHROMIUM=/usr/bin/chromium
fi

# ---------------------------------------------------------------------------------------------------------
# Tests. One TRX file per test project; their counters are summed for the last line. TestResults/ holds
# only this run, so CI can keep it whole; tests may put screenshots and the like in DIGEST_TEST_ARTIFACTS.
results="$repo/TestResults"
rm -rf "$results"
mkdir -p "$results/artifacts"
export DIGEST_TEST_ARTIFACTS="$results/artifacts"

say "dotnet build Digest.sln"
dotnet_status=0
dotnet build Digest.sln -nologo -v:quiet -clp:"ErrorsOnly;Summary" || dotnet_status=$?

# The test projects run in three lanes at once (ADR 0040): the web tests; the browser tests; the README suite, then
# the domain and infrastructure tests, which fill the cores the other lanes leave as they finish. Each output line is
# prefixed with its project's name; each project writes a TRX file of its own name (two starting in the same second
# could otherwise write the same default name).
test_project() {
  local name=$1 project=$2
  shift 2
  dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
    --blame-hang-timeout "${DIGEST_TEST_HANG:-5m}" --blame-hang-dump-type none "$@" 2>&1 | sed -u "s/^/[$name] /"
}

# test_lane STATUS_FILE "name|project" ...: one project after another.
test_lane() {
  local status=0 entry
  for entry in "${@:2}"; do
    test_project "${entry%%|*}" "${entry#*|}" "${extra[@]}" || status=1
  done
  echo "$status" >"$1"
}

if ((dotnet_status == 0)); then
  extra=("$@")
  lanes=("Web.Tests|tests/Web.Tests/Digest.Web.Tests.csproj"
    "EndToEnd.Tests|tests/EndToEnd.Tests/Digest.EndToEnd.Tests.csproj"
    "Acceptance.Tests|tests/Acceptance.Tests/Digest.Acceptance.Tests.csproj;Domain.Tests|tests/Domain.Tests/Digest.Domain.Tests.csproj;Infrastructure.Tests|tests/Infrastructure.Tests/Digest.Infrastructure.Tests.csproj")

  # Every test project must be in a lane: a new one added to tests/ and forgotten here would silently not run.
  in_lanes=$(printf '%s;' "${lanes[@]}")
  for project in tests/*/*.Tests.csproj; do
    [[ $in_lanes == *"|$project;"* ]] || { say "test.sh: $project is in no lane; add it to the lanes"; dotnet_status=1; }
  done

  say "dotnet test in ${#lanes[@]} lanes:$(printf ' [%s]' "${lanes[@]}" | sed -E 's#\|[^];]*##g; s#;# then #g')${*:+ (with $*)}"
  pids=()
  i=0
  for lane in "${lanes[@]}"; do
    IFS=';' read -r -a entries <<<"$lane"
    test_lane "$results/lane-$i.status" "${entries[@]}" &
    pids+=($!)
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || true
  done
  for status in "$results"/lane-*.status; do
    [[ $(cat "$status") == 0 ]] || dotnet_status=1
  done
  (( $(ls "$results"/lane-*.status | wc -l) == ${#lanes[@]} )) || dotnet_status=1
  rm -f "$results"/lane-*.status
fi

# Sums one attribute of the <Counters .../> element over every TRX file of this run.
sum_counter() {
  local name=$1 total=0 file value
  for file in "$results"/*.trx; do
    [[ -e "$file" ]] || continue
    value=$(grep -o '<Counters [^>]*' "$file" | grep -o " $name=\"[0-9]*\"" | grep -o '[0-9][0-9]*' | head -n 1 || true)
    total=$((total + ${value:-0}))
  done
  echo "$total"
}

passed=$(sum_counter passed)
failed=$(($(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) + $(sum_counter aborted)))
# xunit's skipped tests are counted in total but not in executed (TRX has no "skipped" counter).
skipped=$(($(sum_counter total) - $(sum_counter executed)))

status=0
if ((dotnet_status != 0)); then
  status=1
  if ((failed == 0)); then
    # A build error, a crashed or hung test host, or a bad argument: no test says so, the exit code does.
    say "dotnet test exited with $dotnet_status although no test failed (build error, test host crash or bad arguments)"
    failed=1
  fi
elif ((failed > 0)); then
  status=1
elif ((passed == 0)); then
  say "no test ran"
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
