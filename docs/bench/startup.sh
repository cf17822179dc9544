#!/usr/bin/env bash
# Start-up: `analyze` on one file, wall time from process start, with hyperfine (apt-get install hyperfine).
# Compared: compiling the rules at every start (no cache), the compiled-rules cache, and the launcher
# (cache + class-data sharing archive).
source "$(dirname "$0")/common.sh"
machine | tee target/bench/startup.txt
./exdiag analyze examples/healthy-hosted.yaml > /dev/null 2>&1   # makes the CDS archive and the cache
hyperfine -N -w 2 -r 15 --export-markdown target/bench/startup.md \
  -n "compile every start" "env EXDIAG_CACHE_DIR=off java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "compiled-rules cache" "java -jar target/exdiag.jar analyze examples/healthy-hosted.yaml" \
  -n "./exdiag (cache + CDS)" "./exdiag analyze examples/healthy-hosted.yaml" 2>&1 | tee -a target/bench/startup.txt
