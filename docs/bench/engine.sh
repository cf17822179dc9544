#!/usr/bin/env bash
# Engine throughput (JMH): reports per second for healthy, one-cause and five-warnings documents,
# against the Jackson-only baseline of the same run, on 1 thread and on all cores, with allocation
# per operation (-prof gc). Results: target/bench/engine-*.txt.
# Then EngineRatio: the same three operations taking turns in 50 ms slices, so that the ratio
# report/baseline is not skewed by the machine getting slower or faster between JMH's runs.
source "$(dirname "$0")/common.sh"
machine | tee target/bench/engine-machine.txt
for threads in 1 "$(nproc)"; do
  java -cp "$CP" org.openjdk.jmh.Main EngineBenchmark -f 1 -wi 3 -w 5s -i 5 -r 5s -t "$threads" -prof gc \
    -rf text -rff "target/bench/engine-t$threads.txt" > "target/bench/engine-t$threads.log" 2>&1
  echo "== $threads thread(s)"
  grep -E "^EngineBenchmark\.(report|baseline|rulesOnly) |gc.alloc.rate.norm" "target/bench/engine-t$threads.txt" \
    | grep -vE "rulesOnly:gc" || true
done
echo "== ratio, operations interleaved (EngineRatio: 15 s warm-up, 30 s measured per line)"
java -cp "$CP" org.exdiag.bench.EngineRatio 15 30 | tee target/bench/engine-ratio.txt
