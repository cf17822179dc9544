#!/usr/bin/env bash
# Records, for each variant (none, cache, exec), on the one-jar class path gen/fat.jar:
# a JDK 17 dynamic CDS archive, a JDK 25 dynamic CDS archive and a JDK 25 AOT cache (trained on the same
# command). Run once after the cache entry for gen/fat.jar exists (run the cache variant once first).
set -euo pipefail
cd "$(dirname "$0")"
J17=java; J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
F=(-XX:+UseParallelGC -Xmx1g -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off)
S=org.exdiag.engine.SpikeStart
args() { case $1 in none) echo "none rules healthy-hosted.yaml" ;; cache) echo "cache rules healthy-hosted.yaml /tmp/spike-cache" ;; exec) echo "exec rules-exec healthy-hosted.yaml" ;; esac; }
$J17 -cp gen/fat.jar $S $(args cache) > /dev/null   # make sure the cache entry exists
for v in none cache exec; do
  rm -f /tmp/spike-fat-$v.jsa /tmp/spike-fat-$v-25.jsa /tmp/spike-fat-$v.aot /tmp/spike-fat-$v.aotconf
  $J17 "${F[@]}" -XX:ArchiveClassesAtExit=/tmp/spike-fat-$v.jsa -cp gen/fat.jar $S $(args $v) > /dev/null
  [ -x "$J25" ] || continue   # the JDK 25 rows only where a JDK 25 is
  $J25 "${F[@]}" -XX:ArchiveClassesAtExit=/tmp/spike-fat-$v-25.jsa -cp gen/fat.jar $S $(args $v) > /dev/null
  $J25 "${F[@]}" -Xlog:aot=off -XX:AOTMode=record -XX:AOTConfiguration=/tmp/spike-fat-$v.aotconf -cp gen/fat.jar $S $(args $v) > /dev/null
  $J25 "${F[@]}" -Xlog:aot=off -XX:AOTMode=create -XX:AOTConfiguration=/tmp/spike-fat-$v.aotconf -XX:AOTCache=/tmp/spike-fat-$v.aot -cp gen/fat.jar > /dev/null
done
ls -la /tmp/spike-fat-*
