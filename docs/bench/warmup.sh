#!/usr/bin/env bash
# Where a batch's time goes over the run: `./exdiag analyze --format jsonl --out` on N generated
# documents (default 200,000), the reports written counted every STEP seconds (default 2). The rate
# climbs as the JIT compiles: the first seconds are start-up and interpreted code, the last ones the
# steady state. (Reports leave in input order through 64 KiB writes: counts move in steps.)
# Usage: docs/bench/warmup.sh [N]
source "$(dirname "$0")/common.sh"
n=${1:-200000}
step=${STEP:-2}
input=$(lines_file "$n")
out="$data/warmup-out.jsonl"
machine | tee target/bench/warmup.txt
./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1   # the launcher's archive, the rules cache
rm -f "$out"
start=$(date +%s%N)
./exdiag analyze --format jsonl --out "$out" "$input" 2>/dev/null &
pid=$!
prev=0
while kill -0 "$pid" 2>/dev/null; do
  sleep "$step"
  count=$(wc -l < "$out" 2>/dev/null || echo 0)
  now=$(date +%s%N)
  printf '%6.1f s %9d reports %7d/s\n' "$(( (now - start) / 1000000 ))e-3" "$count" "$(( (count - prev) / step ))" \
    | tee -a target/bench/warmup.txt
  prev=$count
done
wait "$pid"
echo "whole run $(( ($(date +%s%N) - start) / 1000000 )) ms, $(wc -l < "$out") reports" | tee -a target/bench/warmup.txt
