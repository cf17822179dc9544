#!/usr/bin/env bash
# The Spark job against exdiag analyze on the same JSON lines file (default 200,000 documents from
# generate-facts.py): ./exdiag-spark with local[1] and local[2], and ./exdiag analyze --format jsonl with
# --jobs 1 and 2, each timed whole (JVM start, rule build and writing included), ROUNDS times (default 2).
# Checks that the job wrote as many records as analyze, and the same ones. Data goes to $BENCH_DATA.
# Usage: docs/bench/spark.sh [LINES]
source "$(dirname "$0")/common.sh"
lines=${1:-200000}
rounds=${ROUNDS:-2}
out=target/bench/spark.txt
machine | tee "$out"
input=$(lines_file "$lines")
echo "input: $input, $lines documents, $(du -h "$input" | cut -f1)" | tee -a "$out"
./exdiag rules check >/dev/null                      # builds target/exdiag.jar if needed
EXDIAG_SPARK_JAVA_OPTS="" ./exdiag-spark --help >/dev/null 2>&1 || true   # builds spark/ if needed
timed() {  # name, command...
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$data/spark-bench.err" || { cat "$data/spark-bench.err" >&2; return 1; }
  end=$(date +%s.%N)
  python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); print(f'{sys.argv[3]:<34} {s:7.1f} s  {int(sys.argv[4])/s:8.0f} documents/s')" \
    "$start" "$end" "$name" "$lines" | tee -a "$out"
}
for round in $(seq 1 "$rounds"); do
  echo "round $round" | tee -a "$out"
  timed "analyze --jobs 1" ./exdiag analyze --jobs 1 --format jsonl --out "$data/analyze.jsonl" "$input"
  timed "analyze --jobs 2" ./exdiag analyze --jobs 2 --format jsonl --out "$data/analyze.jsonl" "$input"
  timed "exdiag-spark --master local[1]" ./exdiag-spark --master 'local[1]' --overwrite --out "$data/spark-out" "$input"
  timed "exdiag-spark --master local[2]" ./exdiag-spark --master 'local[2]' --overwrite --out "$data/spark-out" "$input"
done
spark_records=$(cat "$data"/spark-out/part-*.jsonl | wc -l)
if [ "$spark_records" -ne "$(wc -l < "$data/analyze.jsonl")" ] \
   || ! cmp -s <(sort "$data/analyze.jsonl") <(sort "$data"/spark-out/part-*.jsonl); then
  echo "MISMATCH: the job's records differ from analyze's" | tee -a "$out"; exit 1
fi
echo "same records: $spark_records (sorted, byte for byte)" | tee -a "$out"
