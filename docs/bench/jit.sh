#!/usr/bin/env bash
# The JIT by the size of the work (the launcher's choice, docs/performance.md): `./exdiag analyze` timed whole
# with C1 alone (-XX:TieredStopAtLevel=1) and with the full tiered compiler (-XX:TieredStopAtLevel=4; a later
# flag wins over the launcher's), taking turns, ROUNDS times (default 2), on one example and on JSON lines
# files from generate-facts.py. Usage: docs/bench/jit.sh [LINES...]   (default: 1000 10000 100000 200000)
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-2}
out=target/bench/jit.txt
machine | tee "$out"
./exdiag analyze examples/healthy-hosted.yaml >/dev/null 2>&1   # the launcher's class-data sharing archive
time_run() { # JIT-LEVEL INPUT -> seconds
  /usr/bin/time -f "%e" -o "$data/time-jit.txt" env EXDIAG_JAVA_OPTS="-XX:TieredStopAtLevel=$1" \
    ./exdiag analyze --format jsonl --out "$data/jit-out.jsonl" "$2" 2>/dev/null
  tail -1 "$data/time-jit.txt"
}
inputs=(examples/healthy-hosted.yaml)
for n in ${@:-1000 10000 100000 200000}; do
  inputs+=("$(lines_file "$n")")
done
for input in "${inputs[@]}"; do
  for round in $(seq 1 "$rounds"); do
    c1=$(time_run 1 "$input"); c2=$(time_run 4 "$input")
    printf "%-40s %8s bytes round %s: C1 alone %6.2f s, tiered %6.2f s, C1/tiered %.2f\n" "$(basename "$input")" \
      "$(stat -c %s "$input")" "$round" "$c1" "$c2" "$(echo "$c1 / $c2" | bc -l)" | tee -a "$out"
  done
done
