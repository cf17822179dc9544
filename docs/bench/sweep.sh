#!/usr/bin/env bash
# `exdiag sweep` against the lab DNS server (SweepLabServer, in a JVM of its own, serving generated domains:
# one in ten broken, one in fifty silent): wall time, domains per second and peak RSS of the whole command,
# start-up included, for each N. The sweep keeps its defaults (concurrency 64, timeout 3 s, 2 retries) but
# the rate: RATE (default 20000 queries a second), since the default 200 is for a shared resolver.
# SWEEP_OPTS adds options (e.g. SWEEP_OPTS="--concurrency 256").
# Usage: docs/bench/sweep.sh [N...]   (default: 1000 10000 100000)
source "$(dirname "$0")/common.sh"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
rate=${RATE:-20000}
machine | tee target/bench/sweep.txt
opts=(${SWEEP_OPTS:-})
echo "./exdiag sweep INPUT --dns 127.0.0.1:PORT --rate $rate ${opts[*]} --out OUT; N: ${sizes[*]}" | tee -a target/bench/sweep.txt
for n in "${sizes[@]}"; do
  input="$data/sweep-$n.txt"
  start_sweep_lab "$n" "$input" sweep-lab
  /usr/bin/time -f "%e %M %U %S" -o "$data/sweep-time.txt" ./exdiag sweep "$input" --dns "127.0.0.1:$port" --rate "$rate" \
    "${opts[@]}" --out "$data/sweep-$n.jsonl" 2> "$data/sweep-$n.err" || true # exit 1: the silent domains could not be checked
  stop_sweep_lab
  read -r wall rss user sys < <(tail -1 "$data/sweep-time.txt") # time(1) first says the exit status when not 0
  summary=$(grep 'domains in' "$data/sweep-$n.err" | tail -1)
  lines=$(wc -l < "$data/sweep-$n.jsonl")
  printf '%s domains: wall %s s (start-up included), %s records; peak RSS %s MiB; CPU %s s user + %s s system\n  %s\n' \
    "$n" "$wall" "$lines" "$((rss / 1024))" "$user" "$sys" "$summary" | tee -a target/bench/sweep.txt
done
