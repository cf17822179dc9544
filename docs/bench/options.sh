#!/usr/bin/env bash
# JVM options against each other on a batch: `./exdiag analyze --format jsonl` of N generated documents,
# once per LABEL=OPTIONS (given to the launcher as EXDIAG_JAVA_OPTS, after its own: a later flag wins),
# taking turns, ROUNDS times (default 3); prints each run, then per label the median wall time and the
# median CPU time (user + system) of the whole process, JIT threads included.
# Usage: docs/bench/options.sh N LABEL=OPTIONS...
#   e.g. docs/bench/options.sh 200000 "default=" "cap325=-XX:FreqInlineSize=325"
source "$(dirname "$0")/common.sh"
rounds=${ROUNDS:-3}
input=$(lines_file "$1")
shift
out=target/bench/options.txt
machine | tee "$out"
./exdiag analyze examples/healthy-hosted.yaml >/dev/null 2>&1 # the launcher's class-data sharing archive
for round in $(seq 1 "$rounds"); do
  for spec in "$@"; do
    label=${spec%%=*}
    EXDIAG_JAVA_OPTS="${spec#*=}" /usr/bin/time -f "%e %U %S" -o "$data/time-o.txt" \
      ./exdiag analyze --format jsonl --out "$data/options-out.jsonl" "$input" 2>/dev/null
    echo "$label $(tail -1 "$data/time-o.txt")"
  done
done | python3 -c '
import sys, statistics, collections
wall, cpu = collections.defaultdict(list), collections.defaultdict(list)
for line in sys.stdin:
    print(line.rstrip())
    label, w, u, s = line.split()
    wall[label].append(float(w)); cpu[label].append(float(u) + float(s))
for label in wall:
    print(f"{label:<12} wall median {statistics.median(wall[label]):6.2f} s   CPU median {statistics.median(cpu[label]):6.1f} s")
' | tee -a "$out"
