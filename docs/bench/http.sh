#!/usr/bin/env bash
# HTTP: wrk (apt-get install wrk) against `serve` on loopback, 64 connections, 2 threads, 20 s each:
# GET /health (the framework's floor) and POST /api/v1/analyze with a typical facts body. Between the
# two, the same POST to HttpFloor: a server configured as `serve` that reads the body and answers the
# same report bytes without analyzing (the floor for this request's size). Besides wrk's figures,
# prints each server's CPU time per request (from /proc), steadier than requests/s on a busy
# machine. ROUNDS=n repeats the three (default 3): ratios are read within a round. Last, AnalysisCpu:
# the analysis alone, in process, on as many threads as the server has.
source "$(dirname "$0")/common.sh"
machine | tee target/bench/http.txt
port=${PORT:-18099}
java $LAUNCHER_JAVA_OPTS ${EXDIAG_JAVA_OPTS:-} -jar target/exdiag.jar serve --port "$port" > target/bench/http-server.log 2>&1 &
server=$!
floor_port=$((port + 1))
java $LAUNCHER_JAVA_OPTS ${EXDIAG_JAVA_OPTS:-} -cp "$CP" org.exdiag.bench.HttpFloor "$floor_port" examples/incident-suspected.json \
  > target/bench/http-floor.log 2>&1 &
floor=$!
trap 'kill $server $floor 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
for _ in $(seq 50); do curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @examples/incident-suspected.json \
  "http://127.0.0.1:$floor_port/api/v1/analyze" && break; sleep 0.2; done
cat > target/bench/analyze.lua <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$root/examples/incident-suspected.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA
# warm up the JIT, then measure
wrk -t2 -c64 -d10s "http://127.0.0.1:$port/health" > /dev/null
wrk -t2 -c64 -d30s -s target/bench/analyze.lua "http://127.0.0.1:$port/api/v1/analyze" > /dev/null  # the C2 compiler is still busy after 10 s
wrk -t2 -c64 -d20s -s target/bench/analyze.lua "http://127.0.0.1:$floor_port/api/v1/analyze" > /dev/null
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
tick_us=$((1000000 / $(getconf CLK_TCK)))
for round in $(seq "${ROUNDS:-3}"); do
  for what in health floor analyze; do
    case $what in
      health) pid=$server; args=("http://127.0.0.1:$port/health") ;;
      floor) pid=$floor; args=(-s target/bench/analyze.lua "http://127.0.0.1:$floor_port/api/v1/analyze") ;;
      analyze) pid=$server; args=(-s target/bench/analyze.lua "http://127.0.0.1:$port/api/v1/analyze") ;;
    esac
    before=$(cpu "$pid")
    wrk -t2 -c64 -d20s --latency "${args[@]}" > "target/bench/http-$what.out"
    after=$(cpu "$pid")
    requests=$(awk '/requests in/ {print $1}' "target/bench/http-$what.out")
    echo "== round $round $what: server CPU $(( (after - before) * tick_us / requests )) us/request" | tee -a target/bench/http.txt
    grep -E "Requests/sec|Latency |50%|99%|Non-2xx|Socket errors" "target/bench/http-$what.out" | tee -a target/bench/http.txt
  done
done
kill "$server" "$floor"
echo "== the analysis alone (AnalysisCpu, 20 s warm-up, 20 s measured)" | tee -a target/bench/http.txt
java $LAUNCHER_JAVA_OPTS ${EXDIAG_JAVA_OPTS:-} -cp "$CP" org.exdiag.bench.AnalysisCpu examples/incident-suspected.json \
  2> /dev/null | tee -a target/bench/http.txt
