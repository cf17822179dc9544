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
