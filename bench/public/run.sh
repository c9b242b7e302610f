#!/usr/bin/env bash
# Public-site benchmark: a Release build of Digest holding 1,000 published posts, measured with wrk against the home
# page, a post page and /index.xml, and against the same bytes served as static files by the same Kestrel.
#
#   bench/public/run.sh                 # 20 s per target, 2 threads, 64 connections
#   DURATION=60 CONNECTIONS=64 POSTS=1000 bench/public/run.sh
#   IDLE=60 bench/public/run.sh         # a shorter idle phase while experimenting (the default is 600 s)
#
# First the memory phase: the server's resident memory (RSS) when warmed up, every 10 s during MEMORY_RUN (60) s at
# MEMORY_CONNECTIONS (256) connections on the post page, and after IDLE (600) s of rest; the goal is at most 200 MB
# throughout and back within 10 % of the start. Then req/s, p99 latency and errors per target, and the ratio
# page/static. Then (REDIS=1, the default, when redis-server is installed or can be) the pages again with the
# output cache in a local Redis, printed as Redis / in-memory per target. Needs the .NET SDK; installs Debian's wrk
# (and redis-server) when missing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
duration=${DURATION:-20}
threads=${THREADS:-2}
connections=${CONNECTIONS:-64}
posts=${POSTS:-1000}
port=${PORT:-5099}
memory_run=${MEMORY_RUN:-60}
memory_connections=${MEMORY_CONNECTIONS:-256}
idle=${IDLE:-600}
limit_mb=${MEMORY_LIMIT_MB:-200}
with_redis=${REDIS:-1}
base="http://127.0.0.1:$port"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '==> %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  say "installing wrk"
  if [[ $(id -u) -eq 0 ]]; then apt-get -q update >/dev/null || true; apt-get -q install -y wrk >/dev/null
  else sudo apt-get -q update >/dev/null || true; sudo apt-get -q install -y wrk >/dev/null; fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/digest-bench.XXXXXX")
server=""
redis_pid=""
cleanup() {
  if [[ -n "$server" ]] && kill -0 "$server" 2>/dev/null; then kill "$server"; wait "$server" 2>/dev/null || true; fi
  if [[ -n "$redis_pid" ]]; then kill "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

say "publishing a Release build"
dotnet publish "$repo/src/Web" -c Release -o "$work/app" --nologo -v quiet >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
export Digest__DataDirectory="$work/data"
export Digest__Bench__StaticMirror="$work/static"
mkdir -p "$work/static"

say "seeding $posts published posts"
(cd "$work/app" && dotnet Digest.Web.dll bench-seed --count "$posts" >&2)

start_server() {
  say "starting the server on $base${1:+ ($1)}"
  (cd "$work/app" && exec dotnet Digest.Web.dll --urls "$base" >"$work/server.log" 2>&1) &
  server=$!
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "$base/healthz/ready" 2>/dev/null && break
    sleep 1
  done
  curl -fsS -o /dev/null "$base/healthz/ready" || { cat "$work/server.log" >&2; exit 1; }
}

stop_server() {
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

start_server

post=$(curl -fsS "$base/" | grep -o 'href="/posts/[^"]*"' | head -n 1 | sed -E 's/href="([^"]*)"/\1/')
[[ -n "$post" ]] || { echo "no post link on the home page" >&2; exit 1; }

# The same bytes as static files: what the pages would cost if they were files on disk.
curl -fsS "$base/" -o "$work/static/home.html"
curl -fsS "$base$post" -o "$work/static/post.html"
curl -fsS "$base/index.xml" -o "$work/static/index.xml"
words=$(sed -e 's/<[^>]*>/ /g' "$work/static/post.html" | wc -w)
say "post page $post: $(wc -c <"$work/static/post.html") bytes (~$words words of text); home $(wc -c <"$work/static/home.html") bytes; RSS $(wc -c <"$work/static/index.xml") bytes"

css=$(grep -o 'href="site\.[a-z0-9]*\.css"' "$work/static/home.html" | head -n 1 | sed -E 's/href="([^"]*)"/\1/')
say "fingerprinted stylesheet /$css: $(curl -fsS -D - -o /dev/null "$base/$css" | tr -d '\r' | grep -i '^cache-control' || echo 'no Cache-Control')"
etag=$(curl -fsS -D - -o /dev/null "$base$post" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
say "conditional GET of the post page: $(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$base$post")"

rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
dotnet_pid() { pgrep -P "$server" -f Digest.Web.dll || echo "$server"; }
app=$(dotnet_pid)

# wrk's summary → "req/s p99 errors"
measure() {
  local url=$1 secs=$2 out
  out=$(wrk -t"$threads" -c"$connections" -d"${secs}s" --latency "$url")
  local rps p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -o 'Socket errors: .*' <<<"$out" || true)
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$rps $p99 ${non2xx:-0} ${errors:+[$errors]}"
}

# Warm up both paths so JIT and the output cache are settled before measuring.
for url in "$base/" "$base$post" "$base/index.xml" "$base/_static-mirror/post.html"; do
  wrk -t1 -c8 -d3s "$url" >/dev/null
done

mb() { echo $(($1 / 1024)); }

# A site that has been up for a while has settled: the idle trim's 15-s tick has given back the JIT's scratch memory
# from warming up (ADR 0029). Wait for one tick, as a long-running server would have.
sleep 20

say "memory: ${memory_run}s at ${memory_connections} connections on the post page, then ${idle}s idle"
start=$(rss_kb "$app")
wrk -t"$threads" -c"$memory_connections" -d"${memory_run}s" "$base$post" >"$work/long.txt" &
load=$!
samples=()
peak=$start
for _ in $(seq 1 $((memory_run / 10))); do
  sleep 10
  now=$(rss_kb "$app"); samples+=("$(mb "$now")"); ((now > peak)) && peak=$now
done
wait "$load"
end_of_load=$(rss_kb "$app"); ((end_of_load > peak)) && peak=$end_of_load
idle_samples=()
for _ in $(seq 1 $((idle / 60))); do
  sleep 60
  now=$(rss_kb "$app"); idle_samples+=("$(mb "$now")"); ((now > peak)) && peak=$now
done
sleep $((idle % 60))
after=$(rss_kb "$app"); ((after > peak)) && peak=$after
long_rps=$(awk '/Requests\/sec/ {print $2}' "$work/long.txt")
long_errors=$(grep -o 'Socket errors: .*' "$work/long.txt" || echo "no socket errors")
back=$(awk -v a="$after" -v s="$start" 'BEGIN { printf "%+.1f", (a - s) * 100 / s }')
printf '\nmemory (RSS, MB): start %s; during load %s; end of load %s; idle, each minute: %s; after %ss idle %s\n' \
  "$(mb "$start")" "${samples[*]}" "$(mb "$end_of_load")" "${idle_samples[*]:-none}" "$idle" "$(mb "$after")"
printf 'load: %s req/s at %s connections (%s)\n' "$long_rps" "$memory_connections" "$long_errors"
printf 'peak %s MB (goal <= %s MB): %s; after idle %s%% of the start (goal within 10%%): %s\n' \
  "$(mb "$peak")" "$limit_mb" "$( (( $(mb "$peak") <= limit_mb )) && echo met || echo MISSED)" "$back" \
  "$(awk -v b="$back" 'BEGIN { print (b <= 10 && b >= -100) ? "met" : "MISSED" }')"

targets=("home /|home.html" "post $post|post.html" "rss /index.xml|index.xml")
declare -A memory_rps
printf '\n%-12s %14s %10s %8s   %14s %10s   %6s\n' target "page req/s" "p99" "non-2xx" "static req/s" "p99" ratio
for target in "${targets[@]}"; do
  name=${target%% *}; rest=${target#* }; path=${rest%%|*}; file=${rest#*|}
  read -r page_rps page_p99 page_bad page_err <<<"$(measure "$base$path" "$duration")"
  read -r file_rps file_p99 file_bad file_err <<<"$(measure "$base/_static-mirror/$file" "$duration")"
  memory_rps[$name]=$page_rps
  ratio=$(awk -v a="$page_rps" -v b="$file_rps" 'BEGIN { printf "%.2f", a / b }')
  printf '%-12s %14s %10s %8s   %14s %10s   %6s %s %s\n' "$name" "$page_rps" "$page_p99" "$page_bad" "$file_rps" "$file_p99" "$ratio" "$page_err" "$file_err"
done

# The same pages with the output cache in Redis (ConnectionStrings:Redis), as a two-instance install has it: every
# hit is a round trip to Redis on loopback instead of a read from this process's memory.
if [[ $with_redis == 1 ]]; then
  if ! command -v redis-server >/dev/null 2>&1; then
    say "installing redis-server"
    if [[ $(id -u) -eq 0 ]]; then apt-get -q install -y redis-server >/dev/null || true
    else sudo apt-get -q install -y redis-server >/dev/null || true; fi
  fi
  if command -v redis-server >/dev/null 2>&1; then
    redis_port=$((port + 1))
    redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" >"$work/redis.log" 2>&1 &
    redis_pid=$!
    stop_server
    export ConnectionStrings__Redis="127.0.0.1:$redis_port"
    start_server "output cache in Redis"
    for target in "${targets[@]}"; do
      rest=${target#* }; path=${rest%%|*}
      wrk -t1 -c8 -d3s "$base$path" >/dev/null
    done
    printf '\n%-12s %16s %16s %10s %8s   %14s\n' target "in-memory req/s" "Redis req/s" "Redis p99" "non-2xx" "Redis/memory"
    for target in "${targets[@]}"; do
      name=${target%% *}; rest=${target#* }; path=${rest%%|*}
      read -r redis_rps redis_p99 redis_bad redis_err <<<"$(measure "$base$path" "$duration")"
      ratio=$(awk -v a="$redis_rps" -v b="${memory_rps[$name]}" 'BEGIN { printf "%.2f", a / b }')
      printf '%-12s %16s %16s %10s %8s   %14s %s\n' "$name" "${memory_rps[$name]}" "$redis_rps" "$redis_p99" "$redis_bad" "$ratio" "$redis_err"
    done
    say "Redis keys after the run: $(redis-cli -p "$redis_port" dbsize 2>/dev/null || echo '?')"
  else
    say "no redis-server: the Redis comparison is skipped"
  fi
fi

printf 'machine: %s cores, %s\n' "$(nproc)" "$(dotnet --version) SDK"
