#!/usr/bin/env bash
# Start-up: `analyze` on one file (and, through the launcher, `bounce` on one message and `rules test`), wall
# time from process start, with hyperfine (apt-get install hyperfine).
# Compared: compiling the rules at every start (no cache), the compiled-rules cache, the launcher on
# JDK 17 (its default `java`; C1 alone, as it runs short work, and the full tiered compiler) and on JDK 25 (cache + class-data sharing archive), JDK 25's ahead-of-time
# cache (JEP 483/515, trained on the same command; tried for the launcher and dropped), and `java -version`.
source "$(dirname "$0")/common.sh"
machine | tee target/bench/startup.txt
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1                      # the archive, and the rules cache
EXDIAG_JAVA=$jdk25 ./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1   # the JDK 25 archive
aot=(-XX:+UseParallelGC -Xmx1g -XX:+UnlockDiagnosticVMOptions -XX:-AOTInvokeDynamicLinking -Xlog:aot=off -Xlog:cds=off)
rm -f target/bench/analyze.aot target/bench/analyze.aotconf
"$jdk25" "${aot[@]}" -XX:AOTMode=record -XX:AOTConfiguration=target/bench/analyze.aotconf -jar target/exdiag.jar \
  analyze examples/healthy-hosted.yaml > /dev/null 2>&1
"$jdk25" "${aot[@]}" -XX:AOTMode=create -XX:AOTConfiguration=target/bench/analyze.aotconf -XX:AOTCache=target/bench/analyze.aot \
  -jar target/exdiag.jar > /dev/null 2>&1
hyperfine -N -w 2 -r 15 --export-markdown target/bench/startup.md \
  -n "compile every start" "env EXDIAG_CACHE_DIR=off java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "compiled-rules cache" "java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "./exdiag, JDK 17 (cache + CDS, C1 alone)" "./exdiag analyze examples/healthy-hosted.yaml" \
  -n "./exdiag bounce (no DNS lookups: network time is not start-up)" "./exdiag bounce --no-lookup examples/bounces/recipient-over-quota.eml" \
  -n "./exdiag rules test" "./exdiag rules test" \
  -n "./exdiag, JDK 17 (cache + CDS, tiered)" "env EXDIAG_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./exdiag analyze examples/healthy-hosted.yaml" \
  -n "./exdiag, JDK 25 (cache + CDS)" "env EXDIAG_JAVA=$jdk25 ./exdiag analyze examples/healthy-hosted.yaml" \
  -n "JDK 25, AOT cache instead of CDS" "$jdk25 ${aot[*]} -XX:AOTCache=target/bench/analyze.aot -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "java -version" "java -version" 2>&1 | tee -a target/bench/startup.txt
