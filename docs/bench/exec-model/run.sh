#!/usr/bin/env bash
# Issue 30's executable-model spike, reproducible: the bundled rules built as Drools' executable model
# (at build time) against today's start (the compiled-rules cache read back), and a run without Drools.
# Copies the built application jar and rules/ here, builds the spike (Maven Central), generates the model,
# builds one jar as exdiag would ship it, records each variant's class-data archive (JDK 17; and JDK 25's
# archive and AOT cache when $J25 exists), then times the variants in turns (ROUNDS, default 15).
# What it measured: README.md here and docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../../.. && pwd)
[ -f "$root/target/exdiag.jar" ] || (cd "$root" && ./exdiag --version > /dev/null)
mkdir -p lib gen results
cp "$root/target/exdiag.jar" lib/exdiag.jar
cp "$root/examples/healthy-hosted.yaml" .
# the executable model's consequences get org.drools.model.Drools, not RuleContext: the spike's RaiseExec
# takes it (in exdiag: four overloads of Raise); the only edit of the rules
rm -rf rules rules-exec && cp -r "$root/rules" rules && cp -r rules rules-exec
sed -i 's/org\.exdiag\.rules\.Raise\./org.exdiag.spike.RaiseExec./' rules-exec/*.drl
mvn -q -B package
mvn -q -B dependency:build-classpath -Dmdep.outputFile=cp.txt
rm -rf target/gen
java -cp "target/classes:$(cat cp.txt)" org.exdiag.engine.SpikeGenerate rules-exec target/gen
(cd target/gen/classes && jar cf ../../../gen/rules-model.jar .)
python3 mkfat.py
./archives.sh
./turns.sh "${ROUNDS:-15}" results/turns.csv
