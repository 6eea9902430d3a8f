#!/usr/bin/env bash
# Side-by-side load benchmark of FederatedGateway and peer gateways on the standard federation benchmark
# (four subgraphs, one nested query with an 87.6 KB answer), all on 127.0.0.1.
#
#   tools/loadbench/run.sh                        full comparison (see the knobs below)
#   ROUNDS=1 DURATION=5 WARMUP=2 tools/loadbench/run.sh    quick smoke run
#   SOAK=600 tools/loadbench/run.sh               our gateway alone under load for 600 s, RSS sampled
#
# What it does: installs wrk (Debian, as root) and the npm packages (npm ci) when missing, builds our gateway
# (Release), starts the subgraphs, then for every round starts each gateway in turn (the order rotates per
# round), checks its answer against data/expected-response.json, warms it up, and measures one wrk window per
# connection count. Gateways run pinned to GATEWAY_CPUS; subgraphs and wrk to LOAD_CPUS. Results go to
# results/<timestamp>/ (windows.csv, rounds.csv with ratios, summary.md, logs/).
#
# Knobs (environment, defaults in brackets):
#   GATEWAYS ["fgw apollo hive hive-rust"]  fgw = ours, apollo = Apollo Gateway, hive = Hive Gateway,
#                                           hive-rust = Hive Gateway with @graphql-hive/router-runtime,
#                                           grafbase = Grafbase Gateway (Rust; grafbase dev from its npm package);
#                                           fgw:NAME is our gateway with the extra environment in FGW_ENV_NAME
#                                           and, when FGW_DLL_NAME is set, that build's Server dll (e.g. a worktree
#                                           of an earlier commit: before/after comparisons in one run; a path
#                                           not ending in .dll is run as a native executable), and when
#                                           FGW_SUPERGRAPH_NAME is set, that supergraph instead of the benchmark's
#   TRAFFIC [standard]        standard = the 87.6 KB nested query, every request the same; varied = the 250 operations
#                             of data/varied/operations.jsonl (240 distinct generated queries with variables, fragments
#                             and @skip/@include, small and medium answers, and 10 mutations), sent in an order shuffled
#                             with BENCH_SEED [2121] (lib/load.lua), over the same subgraphs; every answer is
#                             checked against data/varied/answers.jsonl before and after each window
#   BASELINE [apollo]         ratios are against this gateway, same round and connection count
#   ROUNDS [3]  DURATION [30] s per window  WARMUP [10] s before each window  CONNS ["50 1"]  THREADS [1]
#   GATEWAY_CPUS [1]  LOAD_CPUS [0]         taskset cpu lists ("" = not pinned)
#   GATEWAY_PORT [21001]  SUBGRAPH_PORT [21100]   (both within 21000-21999)
#   FGW_ENV [""]              extra VAR=value words for our gateway, e.g. "DOTNET_gcServer=1 DOTNET_TieredPGO=0"
#                             (defaults set: DOTNET_TieredPGO=1 DOTNET_gcServer=0 DOTNET_JitObjectStackAllocation=0 so the
#                             gateway does not relaunch itself (JitSafeRelaunch) and the measured process is the gateway,
#                             Production, logging at Warning)
#   HIVE_JIT [1]              run "hive" with --jit (as the public benchmark does); hive-rust never uses it
#   DEDUP [1]                 1: every gateway at its own defaults (ours and Hive's executors de-duplicate identical
#                             in-flight subgraph requests, as Grafbase does); 0: de-duplication off where a switch
#                             exists (ours, Hive's), engine against engine. Inbound de-duplication and response
#                             caches stay off always: they would turn 50 identical requests into one
#   CHECK_BODIES [0]          1 = wrk inspects every answer (status 200, no "errors"); costs load-generator CPU
#   QUIET_WAIT [30] s         before each window wait up to this long for other processes to use less than
#   FOREIGN_MAX [25] %        this share of one core; windows above it are marked "busy machine"
#   BENCH_HEADER [""]         "Name: value": one more header on every request (load, verification, readiness)
#   AUTH_FIXTURE [0]          1 = the authorization run: makes OUT/auth (a signing key as a JWKS file, a token with
#                             scope bench:read, the benchmark supergraph with @requiresScopes on ten of the query's
#                             fields; lib/auth-fixture.mjs), sends the token with every request, and defines
#                             fgw:AUTH (JWT required + those ten checks) unless FGW_ENV_AUTH is set. Compare with
#                             GATEWAYS="fgw fgw:AUTH" BASELINE=fgw: fgw gets the same token and ignores it.
#   ALLOC [0]                 1 = dotnet-counters (installed into tools/loadbench/.tools on first use) records what our
#                             gateways allocate during each measured window: the "alloc KB/req" column (the
#                             collector runs pinned with the load, on our gateways only)
#   OTLP_SINK_PORT [0]        >0: a local OTLP/HTTP sink (lib/otlp-sink.mjs) on that port (21000-21999) for the whole
#                             run, for variants exporting telemetry, e.g. FGW_ENV_OTEL="Gateway__Telemetry__TracingEnabled=true
#                             Gateway__Telemetry__MetricsEnabled=true Gateway__Telemetry__OtlpProtocol=HttpProtobuf
#                             Gateway__Telemetry__OtlpEndpoint=http://127.0.0.1:21400"; what it received goes to meta.txt
#   REDIS_PORT [0]            >0: a redis-server on 127.0.0.1:REDIS_PORT (within 21000-21999, no persistence) runs for
#                             the whole run, pinned with the subgraphs, for variants that share limits through it, e.g.
#                             FGW_ENV_REDIS="Gateway__RateLimits__Redis=127.0.0.1:21300 Gateway__RateLimits__Policies__0__..."
#   SUBGRAPH_MEMO [1]  SUBGRAPH_DELAY_MS [0]    see subgraphs/server.mjs
#   FGW_BUILD [native]        which build of ours runs as fgw: native = the ahead-of-time compiled executable that is
#                             deployed (tools/publish-native.sh), jit = the Server dll run by dotnet (the development
#                             build); FGW_DLL overrides the path of either
#   BUILD [1]  INSTALL [1]    0 = skip the build of ours (native publish or dotnet build) / the wrk and npm install steps
#   SOAK [0] s                >0: soak mode (our gateway only, SOAK_CONNS [50] connections, RSS sampled every
#                             SOAK_SAMPLE [5] s; growth judged after SOAK_SETTLE [60] s against SOAK_TOLERANCE_MB [10])
#   OUT [results/<timestamp>]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
TRAFFIC=${TRAFFIC:-standard}
case $TRAFFIC in
  # The benchmark graph is the planner goldens' own file (one copy in the repository).
  standard) BENCH_SUPERGRAPH=$REPO/tests/FederatedGateway.Core.Tests/Goldens/bench/supergraph.graphql ;;
  # The same subgraphs with their two mutations (composed from their SDL; see data/varied/README.md).
  varied) BENCH_SUPERGRAPH=$HERE/data/varied/supergraph.graphql ;;
  *) echo "TRAFFIC must be standard or varied (got $TRAFFIC)" >&2; exit 2 ;;
esac
VARIED_OPERATIONS=$HERE/data/varied/operations.jsonl

GATEWAYS=${GATEWAYS:-"fgw apollo hive hive-rust"}
BASELINE=${BASELINE:-apollo}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
CONNS=${CONNS:-"50 1"}
THREADS=${THREADS:-1}
GATEWAY_CPUS=${GATEWAY_CPUS-1}
LOAD_CPUS=${LOAD_CPUS-0}
GATEWAY_PORT=${GATEWAY_PORT:-21001}
SUBGRAPH_PORT=${SUBGRAPH_PORT:-21100}
FGW_ENV=${FGW_ENV:-}
BENCH_HEADER=${BENCH_HEADER:-}
AUTH_FIXTURE=${AUTH_FIXTURE:-0}
REDIS_PORT=${REDIS_PORT:-0}
OTLP_SINK_PORT=${OTLP_SINK_PORT:-0}
ALLOC=${ALLOC:-0}
COUNTERS=$HERE/.tools/dotnet-counters
HIVE_JIT=${HIVE_JIT:-1}
DEDUP=${DEDUP:-1}
CHECK_BODIES=${CHECK_BODIES:-0}
QUIET_WAIT=${QUIET_WAIT:-30}
FOREIGN_MAX=${FOREIGN_MAX:-25}
BUILD=${BUILD:-1}
INSTALL=${INSTALL:-1}
SOAK=${SOAK:-0}
SOAK_CONNS=${SOAK_CONNS:-50}
SOAK_SAMPLE=${SOAK_SAMPLE:-5}
SOAK_SETTLE=${SOAK_SETTLE:-60}
SOAK_TOLERANCE_MB=${SOAK_TOLERANCE_MB:-10}
READY_TIMEOUT=${READY_TIMEOUT:-90}
OUT=${OUT:-$HERE/results/$(date +%Y%m%d-%H%M%S)}
export SUBGRAPH_MEMO=${SUBGRAPH_MEMO:-1} SUBGRAPH_DELAY_MS=${SUBGRAPH_DELAY_MS:-0}

GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT/graphql
SUBGRAPHS_URL=http://127.0.0.1:$SUBGRAPH_PORT
HZ=$(getconf CLK_TCK)

die() {
  echo "loadbench: $*" >&2
  exit 1
}
log() { echo "[$(date +%H:%M:%S)] $*"; }

FGW_BUILD=${FGW_BUILD:-native}
case $FGW_BUILD in
  native) FGW_DLL=${FGW_DLL:-$REPO/src/FederatedGateway.Server/bin/Release/native/FederatedGateway.Server} ;;
  jit) FGW_DLL=${FGW_DLL:-$REPO/src/FederatedGateway.Server/bin/Release/net10.0/FederatedGateway.Server.dll} ;;
  *) die "FGW_BUILD is native or jit (got '$FGW_BUILD')" ;;
esac

# ---------------------------------------------------------------------------------------------- checks
is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }
for knob in ROUNDS DURATION WARMUP THREADS AUTH_FIXTURE REDIS_PORT ALLOC OTLP_SINK_PORT GATEWAY_PORT SUBGRAPH_PORT QUIET_WAIT FOREIGN_MAX SOAK SOAK_CONNS SOAK_SAMPLE SOAK_SETTLE SOAK_TOLERANCE_MB READY_TIMEOUT; do
  is_uint "${!knob}" || die "$knob must be a whole number, not '${!knob}'"
done
for port in "$GATEWAY_PORT" "$SUBGRAPH_PORT"; do
  ((port >= 21000 && port <= 21999)) || die "ports must be within 21000-21999 (got $port)"
done
if ((OTLP_SINK_PORT > 0)); then
  ((OTLP_SINK_PORT >= 21000 && OTLP_SINK_PORT <= 21999)) || die "OTLP_SINK_PORT must be within 21000-21999 (got $OTLP_SINK_PORT)"
fi
if ((REDIS_PORT > 0)); then
  ((REDIS_PORT >= 21000 && REDIS_PORT <= 21999)) || die "REDIS_PORT must be within 21000-21999 (got $REDIS_PORT)"
  [[ $REDIS_PORT != "$GATEWAY_PORT" && $REDIS_PORT != "$SUBGRAPH_PORT" ]] || die "REDIS_PORT must differ from the other ports"
fi
[[ $GATEWAY_PORT != "$SUBGRAPH_PORT" ]] || die "GATEWAY_PORT and SUBGRAPH_PORT must differ"
((DURATION > 0 && ROUNDS > 0 && THREADS > 0)) || die "DURATION, ROUNDS and THREADS must be at least 1"
read -r -a CONN_LIST <<<"$CONNS"
for c in "${CONN_LIST[@]}"; do
  if ! is_uint "$c" || ((c < 1 || c > 1000)); then die "CONNS holds connection counts from 1 to 1000, not '$c'"; fi
  ((c >= THREADS)) || die "every connection count must be at least THREADS ($THREADS)"
done
read -r -a GATEWAY_LIST <<<"$GATEWAYS"
((${#GATEWAY_LIST[@]} > 0)) || die "GATEWAYS is empty"
needs_fgw=0
for gw in "${GATEWAY_LIST[@]}"; do
  case $gw in
    fgw) needs_fgw=1 ;;
    fgw:*)
      [[ ${gw#fgw:} =~ ^[A-Za-z0-9_]+$ ]] || die "fgw variants are fgw:NAME with NAME of letters, digits and _"
      # A variant with a build of its own (FGW_DLL_NAME) does not need this checkout's build.
      own_build="FGW_DLL_${gw#fgw:}"
      if [[ -n ${!own_build:-} ]]; then
        [[ -f ${!own_build} ]] || die "$own_build=${!own_build} is missing"
      else
        needs_fgw=1
      fi
      ;;
    apollo | hive | hive-rust | grafbase) ;;
    *) die "unknown gateway '$gw' (fgw, fgw:NAME, apollo, hive, hive-rust, grafbase)" ;;
  esac
done
if ((SOAK > 0)); then
  needs_fgw=1
fi
if ((SOAK == 0)) && [[ " $GATEWAYS " != *" $BASELINE "* ]]; then
  die "BASELINE '$BASELINE' is not one of GATEWAYS ($GATEWAYS)"
fi

# ---------------------------------------------------------------------------------------------- install
install_wrk() {
  command -v wrk >/dev/null && return 0
  [[ $(id -u) == 0 ]] || die "wrk is missing; install Debian's package as root: apt-get install -y wrk"
  log "installing wrk (apt)"
  if ! apt-get install -y wrk >/dev/null; then
    apt-get update >/dev/null
    apt-get install -y wrk >/dev/null
  fi
}

install_npm() {
  command -v node >/dev/null || die "Node.js 20+ is needed (node not found)"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  ((major >= 20)) || die "Node.js 20+ is needed (found $(node --version))"
  local stamp=$HERE/node_modules/.loadbench-lock-hash want
  want=$(sha256sum "$HERE/package-lock.json" | cut -d' ' -f1)
  if [[ -f $stamp && $(<"$stamp") == "$want" ]]; then
    return 0
  fi
  log "npm ci in tools/loadbench (first run: a minute or two)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

build_fgw() {
  if [[ $FGW_BUILD == native ]]; then
    log "publishing the native build (tools/publish-native.sh: about 3 minutes)"
    "$REPO/tools/publish-native.sh" >"$OUT/logs/build.log" 2>&1 || die "tools/publish-native.sh failed; see $OUT/logs/build.log"
    return
  fi
  log "building src/FederatedGateway.Server (Release)"
  dotnet build "$REPO/src/FederatedGateway.Server/FederatedGateway.Server.csproj" -c Release -nologo -v q >"$OUT/logs/build.log" 2>&1 ||
    die "dotnet build failed; see $OUT/logs/build.log"
}

# ---------------------------------------------------------------------------------------------- processes
# Everything long-lived runs in its own session (setsid), so its process id is also its process-group id: CPU,
# memory and the final kill all address the whole group (a gateway's worker processes included).
STARTED_GROUPS=()
SAMPLER_PID=""

start_group() { # start_group <cpus> <log> command... ; sets LAST_GROUP
  local cpus=$1 logfile=$2
  shift 2
  if [[ -n $cpus ]]; then
    setsid taskset -c "$cpus" "$@" >"$logfile" 2>&1 </dev/null &
  else
    setsid "$@" >"$logfile" 2>&1 </dev/null &
  fi
  LAST_GROUP=$!
  STARTED_GROUPS+=("$LAST_GROUP")
  # Until setsid has run, the child still sits in our process group: wait for it to lead its own.
  local i stat fields
  for ((i = 0; i < 100; i++)); do
    stat=$(cat "/proc/$LAST_GROUP/stat" 2>/dev/null) || return 0
    read -r -a fields <<<"${stat##*) }"
    [[ ${fields[2]} == "$LAST_GROUP" ]] && return 0
    sleep 0.02
  done
}

# True while the group has a process that is not a zombie (a finished child stays a zombie until reaped).
group_alive() {
  ps -eo pgid=,stat= | awk -v group="$1" '$1 == group && $2 !~ /^Z/ { found = 1 } END { exit !found }'
}

stop_group() {
  local group=$1 i
  [[ -n $group ]] || return 0
  if group_alive "$group"; then
    kill -TERM -- "-$group" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      group_alive "$group" || break
      sleep 0.1
    done
    if group_alive "$group"; then kill -KILL -- "-$group" 2>/dev/null || true; fi
  fi
  wait "$group" 2>/dev/null || true
  local kept=() g
  for g in "${STARTED_GROUPS[@]}"; do
    [[ $g == "$group" ]] || kept+=("$g")
  done
  STARTED_GROUPS=("${kept[@]}")
}

stop_sampler() {
  if [[ -n $SAMPLER_PID ]]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
  fi
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_sampler
  local g
  for g in "${STARTED_GROUPS[@]}"; do
    stop_group "$g"
  done
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------- /proc readings
group_pids() { pgrep -g "$1" || true; }

group_ticks() { # user+system clock ticks of every live process in the group
  local total=0 pid stat fields
  for pid in $(group_pids "$1"); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    read -r -a fields <<<"${stat##*) }"
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

group_memory_kb() { # "<sum VmRSS> <sum VmHWM>" in kB over the group's processes
  local rss=0 hwm=0 pid r h
  for pid in $(group_pids "$1"); do
    read -r r h < <(awk '/^VmRSS:/{r=$2} /^VmHWM:/{h=$2} END{print r+0, h+0}' "/proc/$pid/status" 2>/dev/null || echo "0 0")
    rss=$((rss + r))
    hwm=$((hwm + h))
  done
  echo "$rss $hwm"
}

busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }

# Share of one core (%) that processes other than ours used over a 2 s idle look.
foreign_idle_pct() {
  local gw=$1 t0 t1 g0 g1 s0 s1
  t0=$(busy_ticks); g0=$(group_ticks "$gw"); s0=$(group_ticks "$SUBGRAPH_GROUP")
  sleep 2
  t1=$(busy_ticks); g1=$(group_ticks "$gw"); s1=$(group_ticks "$SUBGRAPH_GROUP")
  awk -v d=$((t1 - t0 - (g1 - g0) - (s1 - s0))) -v hz="$HZ" 'BEGIN { v = d / hz / 2 * 100; if (v < 0) v = 0; printf "%.0f", v }'
}

wait_quiet() {
  local gw=$1 waited=0 pct
  ((QUIET_WAIT > 0)) || return 0
  while :; do
    pct=$(foreign_idle_pct "$gw")
    ((pct <= FOREIGN_MAX)) && return 0
    if ((waited >= QUIET_WAIT)); then
      log "   other processes still use ${pct}% of a core after ${waited}s; measuring anyway"
      return 0
    fi
    log "   waiting for a quieter machine: other processes use ${pct}% of a core"
    waited=$((waited + 2))
  done
}

subgraph_total() { curl -fsS -m 5 "$SUBGRAPHS_URL/counters" | sed -E 's/.*"total":([0-9]+).*/\1/'; }

# Requests a gateway still works on after wrk stopped (an overloaded one has a backlog) would be counted in the
# next window: wait (at most 20 s) until the subgraphs see no new request for half a second.
drain() {
  local i last now
  last=$(subgraph_total)
  for ((i = 0; i < 40; i++)); do
    sleep 0.5
    now=$(subgraph_total)
    [[ $now == "$last" ]] && return 0
    last=$now
  done
  log "   the gateway was still busy 20 s after the load stopped"
}

json_field() { # json_field <name> <one-line json>: a number (or bare word) value
  sed -E "s/.*\"$1\":([^,}]*).*/\1/" <<<"$2"
}

# ---------------------------------------------------------------------------------------------- gateways
wait_ready() { # wait_ready <group> <url>: 200 on { __typename }, bounded by READY_TIMEOUT
  local group=$1 url=$2 deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    group_alive "$group" || return 1
    if curl -fsS -m 2 -o /dev/null -H 'content-type: application/json' ${BENCH_HEADER:+-H "$BENCH_HEADER"} --data '{"query":"{ __typename }"}' "$url" 2>/dev/null; then
      return 0
    fi
    sleep 0.25
  done
  return 1
}

start_gateway() { # start_gateway <name> <log>; sets LAST_GROUP
  local name=$1 logfile=$2
  case $name in
    fgw | fgw:*)
      local extra=$FGW_ENV dll=$FGW_DLL supergraph=$BENCH_SUPERGRAPH
      if [[ $name == fgw:* ]]; then
        local variable="FGW_ENV_${name#fgw:}" dll_variable="FGW_DLL_${name#fgw:}" supergraph_variable="FGW_SUPERGRAPH_${name#fgw:}"
        extra="$extra ${!variable:-}"
        dll=${!dll_variable:-$FGW_DLL}
        supergraph=${!supergraph_variable:-$BENCH_SUPERGRAPH}
      fi
      local extra_words=() launcher=(dotnet "$dll")
      read -r -a extra_words <<<"$extra"
      # A native (ahead-of-time compiled) build is an executable, not a dll: run it as it is.
      [[ $dll == *.dll ]] || launcher=("$dll")
      start_group "$GATEWAY_CPUS" "$logfile" env \
        ASPNETCORE_ENVIRONMENT=Production DOTNET_TieredPGO=1 DOTNET_gcServer=0 DOTNET_JitObjectStackAllocation=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
        Gateway__DeduplicateQueries="$([[ $DEDUP == 1 ]] && echo true || echo false)" \
        Logging__LogLevel__Default=Warning Gateway__WatchSupergraph=false \
        Gateway__SubgraphUrlOverrides__accounts="$SUBGRAPHS_URL/accounts" \
        Gateway__SubgraphUrlOverrides__products="$SUBGRAPHS_URL/products" \
        Gateway__SubgraphUrlOverrides__inventory="$SUBGRAPHS_URL/inventory" \
        Gateway__SubgraphUrlOverrides__reviews="$SUBGRAPHS_URL/reviews" \
        "${extra_words[@]}" \
        "${launcher[@]}" --supergraph "$supergraph" --urls "http://127.0.0.1:$GATEWAY_PORT"
      ;;
    apollo)
      start_group "$GATEWAY_CPUS" "$logfile" env NODE_ENV=production PORT="$GATEWAY_PORT" SUPERGRAPH="$PEER_SUPERGRAPH" \
        node "$HERE/gateways/apollo-gateway.mjs"
      ;;
    hive | hive-rust)
      local config=$HERE/gateways/hive-gateway.config.mjs jit=()
      [[ $name == hive-rust ]] && config=$HERE/gateways/hive-gateway-rust.config.mjs
      [[ $name == hive && $HIVE_JIT == 1 ]] && jit=(--jit)
      start_group "$GATEWAY_CPUS" "$logfile" env NODE_ENV=production LOADBENCH_DEDUP="$DEDUP" \
        node "$HIVE_BIN" supergraph "$PEER_SUPERGRAPH" "${jit[@]}" --fork 1 -h 127.0.0.1 -p "$GATEWAY_PORT" -c "$config"
      ;;
    grafbase)
      start_group "$GATEWAY_CPUS" "$logfile" env SUBGRAPHS_URL="$SUBGRAPHS_URL" GATEWAY_PORT="$GATEWAY_PORT" \
        "$HERE/gateways/start-grafbase.sh"
      ;;
  esac
}

verify() { # verify <label>: prints the verdict JSON line, returns 0 when the answer is right
  if [[ $TRAFFIC == varied ]]; then
    BENCH_HEADER="$BENCH_HEADER" node "$HERE/lib/verify-varied.mjs" "$GATEWAY_URL" "$VARIED_OPERATIONS" "$HERE/data/varied/answers.jsonl"
  else
    BENCH_HEADER="$BENCH_HEADER" node "$HERE/lib/verify.mjs" "$GATEWAY_URL" "$SUBGRAPHS_URL" "$HERE/data/body.json" "$HERE/data/expected-response.json"
  fi
}

bench_bodies() { # the operations file of the varied traffic (empty for the standard one)
  if [[ $TRAFFIC == varied ]]; then echo "$VARIED_OPERATIONS"; fi
}

# ---------------------------------------------------------------------------------------------- one window
# wrk runs in its own process group and the script waits for it: a foreground wrk would take Ctrl+C for itself
# (it stops early and exits 0, so bash would carry on); while waiting, the INT trap fires and cleanup stops wrk too.
run_wrk() { # run_wrk <conns> <seconds> <output file>: wrk's CPU seconds (user + system) go to <output>.cpu
  local conns=$1 seconds=$2 output=$3
  times >"$output.before"
  start_group "$LOAD_CPUS" "$output" env BENCH_BODY="$HERE/data/body.json" BENCH_BODIES="$(bench_bodies)" BENCH_CHECK="$CHECK_BODIES" BENCH_HEADER="$BENCH_HEADER" \
    wrk -t"$THREADS" -c"$conns" -d"${seconds}s" --timeout 10s -s "$HERE/lib/load.lua" "$GATEWAY_URL"
  local load_group=$LAST_GROUP
  wait "$load_group" || true
  stop_group "$load_group"
  times >"$output.after"
  # The second line of `times` is the CPU time of the script's reaped children; wrk is the only one reaped here.
  awk 'function seconds(t, minutes) { minutes = t; sub(/m.*/, "", minutes); sub(/^[0-9]+m/, "", t); sub(/s$/, "", t); return minutes * 60 + t }
       FNR == 2 { total += (FILENAME ~ /after$/ ? 1 : -1) * (seconds($1) + seconds($2)) }
       END { printf "%.3f\n", total }' "$output.before" "$output.after" >"$output.cpu"
  rm -f "$output.before" "$output.after"
}

WINDOW_COLUMNS="round,gateway,conns,order,requests,seconds,rps,p50_ms,p95_ms,p99_ms,max_ms,errors,http_errors,gw_cpu_s,gw_cpu_pct,req_per_cpu_s,rss_max_mb,hwm_mb,sg_requests,sg_per_req,foreign_cpu_pct,verify_before,verify_after,alloc_kb_per_req"

# start_counters <group> <file>: records the gateway's allocations (dotnet.gc.heap.total_allocated per second) into
# <file>; sets COUNTERS_PID (empty when not recording). stop_counters <requests> <file> prints KB per request.
start_counters() {
  COUNTERS_PID=""
  ((ALLOC == 1)) || return 0
  setsid taskset -c "${LOAD_CPUS:-0-$(($(nproc) - 1))}" "$COUNTERS" collect -p "$1" --counters System.Runtime --format csv \
    -o "$2" --refresh-interval 1 >"$2.log" 2>&1 </dev/null &
  COUNTERS_PID=$!
  sleep 1.5 # the session is set up before the window starts
}

stop_counters() {
  if [[ -z $COUNTERS_PID ]]; then
    echo ""
    return 0
  fi
  sleep 1.2 # one more sample after the window
  kill -INT "$COUNTERS_PID" 2>/dev/null || true
  wait "$COUNTERS_PID" 2>/dev/null || true
  COUNTERS_PID=""
  awk -F, -v req="$1" '/dotnet.gc.heap.total_allocated/ { s += $5 } END { if (req > 0 && s > 0) printf "%.1f", s / 1024 / req }' "$2" 2>/dev/null
}

measure_window() { # measure_window <round> <order> <gateway> <group> <conns> <verify_before>; appends one CSV row
  local round=$1 order=$2 name=$3 group=$4 conns=$5 verified=$6
  local tag="${name//:/_}.r$round.c$conns"
  run_wrk "$conns" "$WARMUP" "$OUT/logs/$tag.warmup.txt"
  drain
  wait_quiet "$group"

  local peak_file=$OUT/logs/.peak-rss
  echo 0 >"$peak_file"
  (
    peak=0
    for ((i = 0; i < (DURATION + WARMUP + 60) * 4; i++)); do
      read -r rss _ < <(group_memory_kb "$group")
      if ((rss > peak)); then
        peak=$rss
        # Replaced by a rename, so the reader never sees the file empty between truncation and write.
        echo "$peak" >"$peak_file.new" && mv -f "$peak_file.new" "$peak_file"
      fi
      sleep 0.25
    done
  ) &
  SAMPLER_PID=$!

  local counters_file=$OUT/logs/$tag.counters.csv
  if [[ $name == fgw* ]]; then start_counters "$group" "$counters_file"; else COUNTERS_PID=""; fi
  local t0 g0 s0 c0 t1 g1 s1 c1
  t0=$(busy_ticks); g0=$(group_ticks "$group"); s0=$(group_ticks "$SUBGRAPH_GROUP"); c0=$(subgraph_total)
  run_wrk "$conns" "$DURATION" "$OUT/logs/$tag.wrk.txt"
  t1=$(busy_ticks); g1=$(group_ticks "$group"); s1=$(group_ticks "$SUBGRAPH_GROUP")
  sleep 0.2
  c1=$(subgraph_total)
  stop_sampler
  local peak_kb hwm_kb
  peak_kb=$(<"$peak_file")
  read -r _ hwm_kb < <(group_memory_kb "$group")

  local summary
  summary=$(grep '^LOADBENCH ' "$OUT/logs/$tag.wrk.txt" | sed 's/^LOADBENCH //') || true
  if [[ -z $summary ]]; then
    log "   wrk gave no summary; see $OUT/logs/$tag.wrk.txt"
    summary='{"requests":0,"seconds":0,"connect_errors":0,"read_errors":0,"write_errors":0,"timeouts":0,"http_errors":0,"bad_bodies":1,"p50_ms":0,"p95_ms":0,"p99_ms":0,"max_ms":0}'
  fi
  local wrk_cpu alloc
  wrk_cpu=$(<"$OUT/logs/$tag.wrk.txt.cpu")
  alloc=$(stop_counters "$(json_field requests "$summary")" "$counters_file")

  local after="fail" verdict
  drain
  if verdict=$(verify); then after="ok"; fi
  echo "$verdict" >>"$OUT/logs/verify.jsonl"

  local requests seconds errors http_errors
  requests=$(json_field requests "$summary")
  seconds=$(json_field seconds "$summary")
  http_errors=$(json_field http_errors "$summary")
  errors=$(($(json_field connect_errors "$summary") + $(json_field read_errors "$summary") + $(json_field write_errors "$summary") + \
    $(json_field timeouts "$summary") + http_errors + $(json_field bad_bodies "$summary")))
  local row
  row=$(awk -v req="$requests" -v sec="$seconds" -v hz="$HZ" -v g=$((g1 - g0)) -v s=$((s1 - s0)) -v t=$((t1 - t0)) \
    -v wrkcpu="$wrk_cpu" -v peak="$peak_kb" -v hwm="$hwm_kb" -v sg=$((c1 - c0)) \
    -v p50="$(json_field p50_ms "$summary")" -v p95="$(json_field p95_ms "$summary")" \
    -v p99="$(json_field p99_ms "$summary")" -v pmax="$(json_field max_ms "$summary")" 'BEGIN {
      gs = g / hz; rps = 0; cpu_pct = 0; foreign = 0; per_cpu_s = 0; sg_per_req = 0
      if (sec > 0) { rps = req / sec; cpu_pct = gs / sec * 100; foreign = (t / hz - gs - s / hz - wrkcpu) / sec * 100 }
      if (foreign < 0) foreign = 0
      if (gs > 0) per_cpu_s = req / gs
      if (req > 0) sg_per_req = sg / req
      printf "%d,%.3f,%.1f,%.3f,%.3f,%.3f,%.3f", req, sec, rps, p50, p95, p99, pmax
      printf "|%.2f,%.1f,%.1f,%.1f,%.1f,%d,%.3f,%.1f", gs, cpu_pct, per_cpu_s, peak / 1024, hwm / 1024, sg, sg_per_req, foreign
    }')
  local head=${row%%|*} tail=${row#*|}
  echo "$round,$name,$conns,$order,$head,$errors,$http_errors,$tail,$verified,$after,$alloc" >>"$OUT/windows.csv"
  IFS=, read -r -a cells <<<"$round,$name,$conns,$order,$head,$errors,$http_errors,$tail"
  log "   ${conns}c: rps=${cells[6]} p50=${cells[7]}ms p95=${cells[8]}ms p99=${cells[9]}ms errors=$errors" \
    "req/cpu-s=${cells[15]} gw-cpu=${cells[14]}% rss=${cells[16]}MB sg/req=${cells[19]} other-cpu=${cells[20]}% verify-after=$after${alloc:+ alloc=${alloc}KB/req}"
}

# ---------------------------------------------------------------------------------------------- main
mkdir -p "$OUT/logs"
if ((INSTALL == 1)); then
  install_wrk
  install_npm
fi
command -v wrk >/dev/null || die "wrk is missing (INSTALL=0): apt-get install -y wrk"
[[ -d $HERE/node_modules/graphql ]] || die "npm packages missing (INSTALL=0): run npm ci in $HERE"
if ((ALLOC == 1)) && [[ $FGW_BUILD != jit ]]; then
  die "ALLOC=1 reads the runtime's allocation counters, which the native build does not publish: add FGW_BUILD=jit"
fi
if ((ALLOC == 1)) && [[ ! -x $COUNTERS ]]; then
  log "installing dotnet-counters into $HERE/.tools"
  dotnet tool install --tool-path "$HERE/.tools" dotnet-counters >/dev/null || die "could not install dotnet-counters (ALLOC=1)"
fi
if ((needs_fgw == 1)); then
  ((BUILD == 1)) && build_fgw
  [[ -f $FGW_DLL ]] || die "$FGW_DLL is missing; build with BUILD=1"
fi
if ((AUTH_FIXTURE == 1)); then
  AUTH_SETTINGS=$(node "$HERE/lib/auth-fixture.mjs" "$OUT/auth" "$BENCH_SUPERGRAPH") || die "lib/auth-fixture.mjs failed"
  BENCH_HEADER="Authorization: Bearer $(<"$OUT/auth/token.txt")"
  if [[ -z ${FGW_ENV_AUTH:-} ]]; then
    FGW_ENV_AUTH=$(tr '\n' ' ' <<<"$AUTH_SETTINGS")
    FGW_SUPERGRAPH_AUTH=${FGW_SUPERGRAPH_AUTH:-$OUT/auth/supergraph.graphql}
  fi
fi
HIVE_BIN=$(readlink -f "$HERE/node_modules/.bin/hive-gateway" 2>/dev/null || true)

# The peers read subgraph URLs from the supergraph: a copy pointing at our subgraph port.
PEER_SUPERGRAPH=$OUT/supergraph.graphql
sed -E "s#http://127\.0\.0\.1:[0-9]+/(accounts|products|inventory|reviews)#$SUBGRAPHS_URL/\1#" "$BENCH_SUPERGRAPH" >"$PEER_SUPERGRAPH"
[[ $(grep -c "$SUBGRAPHS_URL/" "$PEER_SUPERGRAPH") == 4 ]] || die "could not point the supergraph at $SUBGRAPHS_URL"

for port in "$GATEWAY_PORT" "$SUBGRAPH_PORT"; do
  if curl -s -m 1 -o /dev/null "http://127.0.0.1:$port/"; then die "port $port is already in use"; fi
done

{
  echo "date: $(date -Is)  commit: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (+ local changes)')"
  echo "host: $(nproc) cpus, $(awk '/MemTotal/{printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)"
  echo "tools: node $(node --version), dotnet $(dotnet --version 2>/dev/null || echo '?'), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
  if ((SOAK > 0)); then
    echo "mode: soak ${SOAK}s, $SOAK_CONNS connections, sample every ${SOAK_SAMPLE}s"
  else
    echo "gateways: $GATEWAYS  baseline: $BASELINE"
    echo "rounds=$ROUNDS duration=${DURATION}s warmup=${WARMUP}s conns=[$CONNS] wrk threads=$THREADS check_bodies=$CHECK_BODIES traffic=$TRAFFIC"
  fi
  echo "cpus: gateway=[$GATEWAY_CPUS] subgraphs+wrk=[$LOAD_CPUS]  subgraph memo=$SUBGRAPH_MEMO delay=${SUBGRAPH_DELAY_MS}ms"
  echo "fgw env: DOTNET_TieredPGO=1 DOTNET_gcServer=0 DOTNET_JitObjectStackAllocation=0 $FGW_ENV$(for g in "${GATEWAY_LIST[@]}"; do [[ $g == fgw:* ]] && v="FGW_ENV_${g#fgw:}" && printf '  %s: %s' "$g" "${!v:-}"; done)"
  echo "packages: $(node -p 'Object.entries(require(process.argv[1]).dependencies).map(([k, v]) => k + "@" + v).join(" ")' "$HERE/package.json")  hive --jit: $HIVE_JIT  dedup: $DEDUP"
} | tee "$OUT/meta.txt"

log "starting the subgraphs on $SUBGRAPHS_URL"
start_group "$LOAD_CPUS" "$OUT/logs/subgraphs.log" env SUBGRAPH_PORT="$SUBGRAPH_PORT" node "$HERE/subgraphs/server.mjs"
SUBGRAPH_GROUP=$LAST_GROUP
for ((i = 0; i < 80; i++)); do
  curl -fsS -m 1 -o /dev/null "$SUBGRAPHS_URL/health" 2>/dev/null && break
  group_alive "$SUBGRAPH_GROUP" || break
  sleep 0.25
done
curl -fsS -m 1 -o /dev/null "$SUBGRAPHS_URL/health" || die "the subgraphs did not start; see $OUT/logs/subgraphs.log"

if ((OTLP_SINK_PORT > 0)); then
  log "starting the OTLP sink on 127.0.0.1:$OTLP_SINK_PORT"
  start_group "$LOAD_CPUS" "$OUT/logs/otlp-sink.log" env OTLP_SINK_PORT="$OTLP_SINK_PORT" node "$HERE/lib/otlp-sink.mjs"
  for ((i = 0; i < 40; i++)); do
    curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$OTLP_SINK_PORT/counters" 2>/dev/null && break
    sleep 0.25
  done
  curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$OTLP_SINK_PORT/counters" || die "the OTLP sink did not start; see $OUT/logs/otlp-sink.log"
fi
if ((REDIS_PORT > 0)); then
  command -v redis-server >/dev/null || die "REDIS_PORT needs redis-server (apt-get install -y redis-server)"
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  start_group "$LOAD_CPUS" "$OUT/logs/redis.log" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
  for ((i = 0; i < 40; i++)); do
    redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break
    sleep 0.25
  done
  redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG || die "redis-server did not start; see $OUT/logs/redis.log"
fi

if ((SOAK > 0)); then
  name=fgw
  for g in "${GATEWAY_LIST[@]}"; do [[ $g == fgw* ]] && name=$g && break; done
  log "soak: $name, $SOAK_CONNS connections for ${SOAK}s"
  start_gateway "$name" "$OUT/logs/soak-gateway.log"
  group=$LAST_GROUP
  wait_ready "$group" "$GATEWAY_URL" || die "$name did not become ready; see $OUT/logs/soak-gateway.log"
  verdict=$(verify) || die "$name answered wrongly: $verdict"
  log "   verified: $verdict"
  echo "elapsed_s,rss_mb,hwm_mb,cpu_pct" >"$OUT/soak.csv"
  start_group "$LOAD_CPUS" "$OUT/soak-load.txt" env BENCH_BODY="$HERE/data/body.json" BENCH_BODIES="$(bench_bodies)" BENCH_CHECK="$CHECK_BODIES" BENCH_HEADER="$BENCH_HEADER" \
    wrk -t"$THREADS" -c"$SOAK_CONNS" -d"${SOAK}s" --timeout 10s -s "$HERE/lib/load.lua" "$GATEWAY_URL"
  load_group=$LAST_GROUP
  started=$SECONDS
  last_ticks=$(group_ticks "$group")
  for ((i = 0; i < SOAK / SOAK_SAMPLE + 20; i++)); do
    sleep "$SOAK_SAMPLE"
    group_alive "$load_group" || break
    read -r rss hwm < <(group_memory_kb "$group")
    ticks=$(group_ticks "$group")
    awk -v t=$((SECONDS - started)) -v r="$rss" -v h="$hwm" -v d=$((ticks - last_ticks)) -v hz="$HZ" -v s="$SOAK_SAMPLE" \
      'BEGIN { printf "%d,%.1f,%.1f,%.0f\n", t, r / 1024, h / 1024, d / hz / s * 100 }' | tee -a "$OUT/soak.csv" |
      awk -F, '{ printf "   %4ss  rss %7s MB  hwm %7s MB  cpu %3s%%\n", $1, $2, $3, $4 }'
    last_ticks=$ticks
  done
  stop_group "$load_group"
  if verdict=$(verify); then log "   verified after the soak: $verdict"; else log "   after the soak the answer is WRONG: $verdict"; fi
  stop_group "$group"
  node "$HERE/lib/report.mjs" soak "$OUT" "$SOAK_SETTLE" "$SOAK_TOLERANCE_MB"
  log "results: $OUT"
  exit 0
fi

echo "$WINDOW_COLUMNS" >"$OUT/windows.csv"
count=${#GATEWAY_LIST[@]}
for ((round = 1; round <= ROUNDS; round++)); do
  for ((k = 0; k < count; k++)); do
    name=${GATEWAY_LIST[$(((k + round - 1) % count))]}
    log "round $round/$ROUNDS: $name"
    gateway_log="$OUT/logs/${name//:/_}.r$round.log"
    start_gateway "$name" "$gateway_log"
    group=$LAST_GROUP
    if ! wait_ready "$group" "$GATEWAY_URL"; then
      log "   $name did not become ready; see $gateway_log"
      stop_group "$group"
      continue
    fi
    if ! verdict=$(verify); then
      log "   $name answered wrongly, not measured: $verdict"
      echo "$verdict" >>"$OUT/logs/verify.jsonl"
      stop_group "$group"
      continue
    fi
    log "   verified: $verdict"
    echo "$verdict" >>"$OUT/logs/verify.jsonl"
    for conns in "${CONN_LIST[@]}"; do
      measure_window "$round" "$((k + 1))" "$name" "$group" "$conns" ok
    done
    stop_group "$group"
  done
done

if ((OTLP_SINK_PORT > 0)); then
  sink_stats="otlp sink: $(curl -fsS -m 2 "http://127.0.0.1:$OTLP_SINK_PORT/counters" 2>/dev/null || echo unreachable)"
  echo "$sink_stats" >>"$OUT/meta.txt"
  log "$sink_stats"
fi
if ((REDIS_PORT > 0)); then
  # Evidence that the Redis variants did use it.
  redis_stats="redis: $(redis-cli -p "$REDIS_PORT" info stats 2>/dev/null | grep -E '^total_commands_processed' | tr -d '\r')"
  echo "$redis_stats" >>"$OUT/meta.txt"
  log "$redis_stats"
fi

echo
node "$HERE/lib/report.mjs" windows "$OUT" "$BASELINE" "$FOREIGN_MAX"
log "results: $OUT (windows.csv, rounds.csv, summary.md, logs/)"
