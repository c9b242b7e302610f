#!/usr/bin/env bash
# Import benchmark: 1,000 Hugo posts (made from the 20 seed files with other dates and slugs) imported through the
# real command line (`dotnet Digest.Web.dll import <folder>`) into a fresh SQLite file and a fresh PostgreSQL
# database. Prints wall seconds and peak memory (max RSS of the process) for the first import and for a re-import
# (every post unchanged). PostgreSQL: the server in DIGEST_TEST_POSTGRES, else a throwaway cluster started here
# (as test.sh does); skipped with a note when neither is possible.
#
#   bench/import/run.sh [count]      (default 1000)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
count=${1:-1000}
seed=""
for candidate in "$repo/shared/fixtures/seed-archive" "$repo/../shared/fixtures/seed-archive" "/work/shared/fixtures/seed-archive"; do
  if [[ -d "$candidate" ]]; then seed=$(cd "$candidate" && pwd); break; fi
done
[[ -n "$seed" ]] || { echo "run.sh: shared/fixtures/seed-archive not found" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run.sh: needs GNU time (/usr/bin/time, Debian package 'time')" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/digest-bench-import.XXXXXX")
chmod 755 "$work"
pg_data=""
pg_bin=""
last_seconds=0
cleanup() {
  if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
    as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -w >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

echo "==> building src/Web (Release)"
dotnet build -c Release "$repo/src/Web" -v q -nologo >/dev/null
dll="$repo/src/Web/bin/Release/net10.0/Digest.Web.dll"

echo "==> writing $count posts from $(ls "$seed"/*.md | wc -l) seed files"
mkdir -p "$work/posts"
mapfile -t seeds < <(ls "$seed"/*.md | sort)
start=$(date -u -d 2023-04-01 +%s)
for ((i = 0; i < count; i++)); do
  day=$(date -u -d "@$((start + i * 86400))" +%Y-%m-%d)
  sed -e "s/^date: .*/date: ${day}T16:11:21Z/" "${seeds[i % ${#seeds[@]}]}" >"$work/posts/${day}-ai-auto-summary-$i.md"
done
du -sh "$work/posts" | awk '{print "    " $1 " of Markdown"}'

# run <label> <provider> <connection string> <args...>: one process, timed.
run() {
  local label=$1 provider=$2 connection=$3
  shift 3
  local out="$work/out.txt" measure="$work/time.txt"
  Digest__Database__Provider=$provider ConnectionStrings__Digest=$connection Digest__DataDirectory=$work \
    /usr/bin/time -f "%e %M" -o "$measure" dotnet "$dll" "$@" >"$out" 2>&1 || { cat "$out" >&2; return 1; }
  read -r seconds kb <"$measure"
  last_seconds=$seconds
  printf '%-10s %-22s %8.2f s   peak RSS %6.0f MB   %s\n' "$provider" "$label" "$seconds" "$((kb / 1024))" "$(tail -n 1 "$out")"
}

# The baseline is the same program's read-only pass over the same files: a re-import where every file is unchanged
# reads, parses and checksums each file and writes nothing, so the ratio is what writing the posts costs on top.
bench() {
  local provider=$1 connection=$2 imported reread
  run "migrate (empty db)" "$provider" "$connection" migrate
  run "import $count" "$provider" "$connection" import "$work/posts" --base-url https://old.example.com/
  imported=$last_seconds
  run "re-import (read-only)" "$provider" "$connection" import "$work/posts" --base-url https://old.example.com/
  reread=$last_seconds
  awk -v p="$provider" -v i="$imported" -v r="$reread" -v n="$count" \
    'BEGIN { printf "%-10s import %d posts = %.1fx the read-only pass (%.2f s / %.2f s)\n", p, n, (r > 0 ? i / r : 0), i, r }'
}

echo "==> results"
bench Sqlite "Data Source=$work/bench.db"

if [[ -z "${DIGEST_TEST_POSTGRES:-}" ]]; then
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")" | sort -V -r); do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then pg_bin=$dir; break; fi
  done
  if [[ -n "$pg_bin" ]]; then
    pg_data="$work/pg"
    mkdir -p "$pg_data"
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$pg_data"; fi
    printf 'digest\n' >"$work/pwfile" && chmod 644 "$work/pwfile"
    as_pg "$pg_bin/initdb" -D "$pg_data" -U digest --pwfile="$work/pwfile" --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    port=$((15000 + RANDOM % 15000))
    # Durable settings (fsync on): the figures should be what a real server does, not a test cluster.
    as_pg "$pg_bin/pg_ctl" start -D "$pg_data" -l "$pg_data/server.log" -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$pg_data" -w >/dev/null
    export DIGEST_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=digest;Password=digest;Database=postgres"
  fi
fi

if [[ -n "${DIGEST_TEST_POSTGRES:-}" ]]; then
  # Migrate creates the database when it does not exist.
  bench Postgres "${DIGEST_TEST_POSTGRES/Database=postgres/Database=digest_bench_$$}"
else
  echo "Postgres   skipped: no DIGEST_TEST_POSTGRES and no PostgreSQL binaries"
fi
