#!/usr/bin/env bash
# Batch analysis: 100,000 facts files, and one JSON lines file of 1,000,000 documents, with -Xmx256m.
# Checks that every document is reported, in input order. Data goes to $BENCH_DATA (default /tmp),
# never to the repository. Usage: docs/bench/batch.sh [FILES] [LINES]. The files run ROUNDS times
# (default 3): a short run is mostly JIT warm-up, and this machine's speed drifts from run to run.
source "$(dirname "$0")/common.sh"
files=${1:-100000}
lines=${2:-1000000}
machine | tee target/bench/batch.txt
[ -d "$data/files-$files" ] || python3 docs/bench/generate-facts.py "$data/files-$files" "$files"
lines_file "$lines" > /dev/null
check_order() {  # every input once, in order
  python3 - "$1" "$2" <<'PY'
import json, sys
expected, n, last = int(sys.argv[2]), 0, None
for line in open(sys.argv[1]):
    src = json.loads(line)["source"]
    key = int(src.rsplit(":", 1)[1]) if src.endswith(tuple("0123456789")) and ".jsonl:" in src else src
    assert last is None or key > last, f"out of order: {last} then {key}"
    assert '"report"' in line, f"not a report: {line[:200]}"
    last, n = key, n + 1
assert n == expected, f"{n} records for {expected} documents"
print(f"order ok: {n} records")
PY
}
run() {  # name, expected count, paths...
  local name=$1 count=$2; shift 2
  /usr/bin/time -f "%e s wall, %M KB peak RSS" java $LAUNCHER_JAVA_OPTS -Xmx256m -XX:SharedArchiveFile=target/exdiag-jdk17.jsa -Xshare:auto \
    -Xlog:cds=off -Xlog:cds+dynamic=off -jar target/exdiag.jar analyze --out "$data/$name.out.jsonl" "$@" \
    2> "target/bench/batch-$name.err"
  tail -2 "target/bench/batch-$name.err" | tee -a target/bench/batch.txt
  check_order "$data/$name.out.jsonl" "$count" | tee -a target/bench/batch.txt
}
for round in $(seq "${ROUNDS:-3}"); do
  echo "== $files files, round $round" | tee -a target/bench/batch.txt
  run files "$files" "$data/files-$files"
done
echo "== one JSON lines file of $lines documents" | tee -a target/bench/batch.txt
run lines "$lines" "$data/lines-$lines.jsonl"
