#!/usr/bin/env bash
# Engine ratio of two builds side by side in one JVM (org.exdiag.bench.BuildsInTurns): an earlier commit
# (default HEAD~1), built in a worktree under target/bench/, against the working tree's build, on the
# three documents of EngineBenchmark, on 1 thread and on all cores. Usage: docs/bench/builds.sh [COMMIT] [SECONDS]
source "$(dirname "$0")/common.sh"
ref=$(git rev-parse --short "${1:-HEAD~1}")
seconds=${2:-30}
tree="$root/target/bench/build-$ref"
if [ ! -f "$tree/target/test-classes/org/exdiag/bench/EngineBenchmark.class" ]; then
  rm -rf "$tree"
  git worktree prune
  git worktree add --force --detach "$tree" "$ref" >&2
  # EngineBenchmark names its rules, knowledge base and documents relative to the working directory,
  # which is this tree's for both builds: the earlier build is pointed at its own tree's files, so
  # that a commit with other rules (or other documents) is measured on them.
  sed -i "s|Path.of(\"|Path.of(\"$tree/|g" "$tree/src/test/java/org/exdiag/bench/EngineBenchmark.java"
  (cd "$tree" && mvn -q -B -DskipTests package test-compile >&2 \
    && mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt >&2)
fi
machine | tee target/bench/builds.txt
echo "A: $ref, B: the working tree" | tee -a target/bench/builds.txt
for threads in 1 "$(nproc)"; do
  for facts in healthy one-cause five-warnings; do
    java -XX:+UseParallelGC -cp "$CP" org.exdiag.bench.BuildsInTurns \
      "$tree/target/test-classes:$tree/target/classes:$(cat "$tree/target/classpath.txt")" "$CP" \
      "$facts" "$threads" "$seconds" 2>/dev/null | tee -a target/bench/builds.txt
  done
done
