# Shared by the benchmark scripts: build once, and the test classpath JMH and the timing mains need.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
mkdir -p target/bench
if [ ! -f target/exdiag.jar ] || [ ! -f target/test-classes/META-INF/BenchmarkList ]; then
  mvn -q -B -DskipTests package test-compile >&2
fi
if [ ! -f target/bench/classpath.txt ] || [ pom.xml -nt target/bench/classpath.txt ]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench/classpath.txt >&2
fi
CP="target/test-classes:target/classes:$(cat target/bench/classpath.txt)"
machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
}
# The JVM options the launcher (./exdiag) uses, for the scripts that start the jar themselves.
LAUNCHER_JAVA_OPTS="-XX:+UseParallelGC -Xmx1g"
# Generated data (never in the repository), and a JSON lines file of N documents from generate-facts.py,
# written on first use: `input=$(lines_file 200000)`.
data=${BENCH_DATA:-/tmp/exdiag-bench}
mkdir -p "$data"
lines_file() {
  local file="$data/lines-$1.jsonl"
  [ -f "$file" ] || python3 docs/bench/generate-facts.py --jsonl "$file" "$1" >&2
  echo "$file"
}

# Starts SweepLabServer (a JVM of its own) serving N generated domains, their list written to INPUT; sets
# $lab (its pid) and $port. It serves until fd 3 closes: stop it with stop_sweep_lab.
start_sweep_lab() {  # N INPUT NAME
  local fifo="$data/$3.fifo" log="$data/$3.out"
  rm -f "$fifo"
  mkfifo "$fifo"
  java -Xmx3g -cp "$CP" org.exdiag.bench.SweepLabServer "$1" "$2" < "$fifo" > "$log" &
  lab=$!
  exec 3>"$fifo"
  port=
  for _ in $(seq 1 600); do
    port=$(sed -n 's/^port=\([0-9]*\).*/\1/p' "$log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the lab DNS server did not start" >&2; exit 1; }
}

stop_sweep_lab() {
  exec 3>&-
  wait "$lab" || true
}
