#!/usr/bin/env bash
# Start-up: `analyze` on one file, wall time from process start, with hyperfine (apt-get install hyperfine).
# Compared: compiling the rules at every start (no cache), the compiled-rules cache, the launcher on
# JDK 17 (cache + class-data sharing archive), the launcher on the newest JDK >= 25 (cache + AOT cache),
# and a bare `java -version`.
source "$(dirname "$0")/common.sh"
machine | tee target/bench/startup.txt
./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1   # records for the AOT cache, and the rules cache
EXDIAG_JAVA=java ./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1   # makes the JDK 17 CDS archive
sleep 15                                                          # the AOT cache is assembled in the background
hyperfine -N -w 2 -r 15 --export-markdown target/bench/startup.md \
  -n "compile every start" "env EXDIAG_CACHE_DIR=off java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "compiled-rules cache" "java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "./exdiag, JDK 17 (cache + CDS)" "env EXDIAG_JAVA=java ./exdiag analyze examples/healthy-hosted.yaml" \
  -n "./exdiag, newest JDK (cache + AOT cache)" "./exdiag analyze examples/healthy-hosted.yaml" \
  -n "java -version" "java -version" 2>&1 | tee -a target/bench/startup.txt
