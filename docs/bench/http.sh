#!/usr/bin/env bash
# HTTP: wrk (apt-get install wrk) against `serve` on loopback, 64 connections, 2 threads, 20 s each:
# GET /health (the framework's floor) and POST /api/v1/analyze with a typical facts body. Besides wrk's
# figures, prints the server's CPU time per request (from /proc), steadier than requests/s on a shared
# machine. ROUNDS=n repeats the pair (default 3): the ratio is read within a round.
source "$(dirname "$0")/common.sh"
machine | tee target/bench/http.txt
port=${PORT:-18099}
java $LAUNCHER_JAVA_OPTS ${EXDIAG_JAVA_OPTS:-} -jar target/exdiag.jar serve --port "$port" > target/bench/http-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done
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
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; } # utime + stime, in clock ticks
tick_us=$((1000000 / $(getconf CLK_TCK)))
for round in $(seq "${ROUNDS:-3}"); do
  for what in health analyze; do
    before=$(cpu)
    if [ "$what" = health ]; then
      wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$port/health"
    else
      wrk -t2 -c64 -d20s --latency -s target/bench/analyze.lua "http://127.0.0.1:$port/api/v1/analyze"
    fi > target/bench/http-$what.out
    after=$(cpu)
    requests=$(awk '/requests in/ {print $1}' target/bench/http-$what.out)
    echo "== round $round $what: server CPU $(( (after - before) * tick_us / requests )) us/request" | tee -a target/bench/http.txt
    grep -E "Requests/sec|Latency |50%|99%|Non-2xx|Socket errors" target/bench/http-$what.out | tee -a target/bench/http.txt
  done
done
