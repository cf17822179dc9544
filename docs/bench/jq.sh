#!/usr/bin/env bash
# Batch against jq: `./exdiag analyze --format jsonl` and `jq -c '{mailbox}'` (issue 30's reference: jq
# parses every document whole and writes one small object) on the same JSON lines file from
# generate-facts.py, taking turns, ROUNDS times (default 2), each timed whole (start-up included); prints
# each rate and the ratio analyze/jq of the same round. Memory: peak RSS.
# Usage: docs/bench/jq.sh [LINES...]   (default: 200000 1000000). Needs jq (apt-get install jq).
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-2}
out=target/bench/jq.txt
machine | tee "$out"
./exdiag analyze examples/healthy-hosted.yaml >/dev/null 2>&1;                 # the launcher's class-data sharing archive
for lines in "${@:-200000 1000000}"; do
  for n in $lines; do
    input=$(lines_file "$n")
    for round in $(seq 1 "$rounds"); do
      /usr/bin/time -f "%e %M" -o "$data/time-a.txt" ./exdiag analyze --format jsonl --out "$data/jq-analyze.jsonl" "$input" 2>/dev/null
      /usr/bin/time -f "%e %M" -o "$data/time-j.txt" jq -c '{mailbox}' "$input" > "$data/jq-out.jsonl"
      a=$(tail -1 "$data/time-a.txt"); j=$(tail -1 "$data/time-j.txt")
      python3 - "$n" "$round" $a $j <<'PY' | tee -a "$out"
import sys
n, r, at, am, jt, jm = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
print(f"{n:>9,} docs round {r}: analyze {at:6.1f} s {n/at:8,.0f}/s peak {am/1024:5.0f} MiB | jq {jt:6.1f} s {n/jt:8,.0f}/s | ratio {jt/at:.2f}")
PY
    done
  done
done
