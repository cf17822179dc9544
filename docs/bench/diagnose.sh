#!/usr/bin/env bash
# Live diagnostic against local servers (GreenMail and the test DNS server): wall time of a healthy
# run and of a run whose DNS server does not answer (DNS timeout 2 s). Usage: docs/bench/diagnose.sh [RUNS]
source "$(dirname "$0")/common.sh"
machine | tee target/bench/diagnose.txt
java -cp "$CP" org.exdiag.bench.DiagnoseTiming "${1:-10}" 2000 | tee -a target/bench/diagnose.txt
