#!/usr/bin/env bash
# How cost grows (docs/performance.md, "How cost grows"): time per analysis on one thread as the rule base
# grows (bundled, 5x, 20x rules and reply patterns, generated: org.exdiag.bench.Scaling) and as a document's
# replies grow (1, 10, 100); and batch time as the number of documents grows (10^3 .. 10^6, ./exdiag analyze).
# Writes target/bench/scaling-*.csv and draws docs/scaling.svg. Usage: docs/bench/scaling.sh [MAX_DOCS]
source "$(dirname "$0")/common.sh"
max=${1:-1000000}
machine | tee target/bench/scaling.txt
java -XX:+UseParallelGC -cp "$CP" org.exdiag.bench.Scaling target/bench 3 2>/dev/null | tee -a target/bench/scaling.txt
cp target/bench/scaling-analysis.csv target/bench/scaling-analysis.csv.keep
echo "series,x,seconds,docs_per_second" > target/bench/scaling-docs.csv
for n in 1000 10000 100000 1000000; do
  [ "$n" -le "$max" ] || continue
  input=$(lines_file "$n")
  /usr/bin/time -f "%e" -o "$data/time.txt" ./exdiag analyze --format jsonl --out "$data/scaling-out.jsonl" "$input" 2>/dev/null
  s=$(tail -1 "$data/time.txt")
  echo "docs $n: $s s" | tee -a target/bench/scaling.txt
  python3 -c "import sys; n,s=int(sys.argv[1]),float(sys.argv[2]); print(f'docs,{n},{s},{n/s:.0f}')" "$n" "$s" >> target/bench/scaling-docs.csv
done
python3 docs/bench/plot-scaling.py target/bench/scaling-analysis.csv target/bench/scaling-docs.csv docs/scaling.svg
echo "plot: docs/scaling.svg"
