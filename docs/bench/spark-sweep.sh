#!/usr/bin/env bash
# The sweep job (./exdiag-spark sweep) against `exdiag sweep` on the same lab domains (SweepLabServer, in a
# JVM of its own on loopback: one in ten broken, one in fifty silent), each run timed whole (JVM and Spark
# start, rule build included), with the sweep's defaults but the rate: RATE (default 20000 queries a second;
# for the job, per task). MASTERS lists the local masters to run (default "local[1] local[2]"); PARTITIONS,
# if set, is given to the job (default: one task per core). Checks that the job wrote one record per domain.
# Usage: docs/bench/spark-sweep.sh [N]   (default 10000)
source "$(dirname "$0")/common.sh"
n=${1:-10000}
rate=${RATE:-20000}
out=target/bench/spark-sweep.txt
machine | tee "$out"
./exdiag rules check >/dev/null                                           # builds target/exdiag.jar if needed
./exdiag-spark sweep --help >/dev/null 2>&1 || true                       # builds spark/ if needed
input="$data/sweep-$n.txt"
start_sweep_lab "$n" "$input" spark-sweep-lab
echo "$n lab domains on 127.0.0.1:$port; --rate $rate" | tee -a "$out"
timed() {  # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$data/spark-sweep-time.txt" "$@" 2> "$data/spark-sweep.err" || true # 1: the silent domains
  read -r wall rss < <(tail -1 "$data/spark-sweep-time.txt")
  summary=$(grep -E 'domains in' "$data/spark-sweep.err" | tail -1)
  printf '%-34s wall %6s s  %6.0f domains/s  peak RSS %s MiB\n  %s\n' "$name" "$wall" "$(echo "$n / $wall" | bc -l)" \
    "$((rss / 1024))" "$summary" | tee -a "$out"
}
timed "exdiag sweep" ./exdiag sweep "$input" --dns "127.0.0.1:$port" --rate "$rate" --out "$data/sweep-$n.jsonl"
for master in ${MASTERS:-local[1] local[2]}; do
  timed "exdiag-spark sweep --master $master" ./exdiag-spark sweep --master "$master" ${PARTITIONS:+--partitions "$PARTITIONS"} \
    --dns "127.0.0.1:$port" --rate "$rate" --overwrite --out "$data/spark-sweep-out" "$input"
  records=$(cat "$data"/spark-sweep-out/part-*.jsonl | wc -l)
  [ "$records" -eq "$n" ] || { echo "MISMATCH: $records records for $n domains" | tee -a "$out"; exit 1; }
done
stop_sweep_lab
