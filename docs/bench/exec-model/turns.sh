#!/usr/bin/env bash
# Start-up in turns: each round runs every variant once (order rotated), fresh JVM each: wall
# time (ms, includes a bash + /usr/bin/time wrapper, the same for all) and CPU time (user + sys, ms).
# Usage: ./turns.sh ROUNDS OUT.csv   (archives: ./archives.sh); VARIANTS='none cache exec cache25aot exec25aot'
set -euo pipefail
cd "$(dirname "$0")"
CP=${CP:-gen/fat.jar}   # one jar, as shipped (see mkfat.py); archives from archives.sh
F=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmx1g -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off)
S=org.exdiag.engine.SpikeStart
J25=${J25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
A=(-XX:+UseParallelGC -Xmx1g -XX:TieredStopAtLevel=1 -Xlog:aot=off -Xlog:cds=off)
run() {
  /usr/bin/time -f "CPU %U %S" "$0" __one "$1"
}
if [ "${1:-}" = __one ]; then
  case $2 in
    none)  java "${F[@]}" -XX:SharedArchiveFile=/tmp/spike-fat-none.jsa  -cp "$CP" $S none  rules      healthy-hosted.yaml ;;
    cache) java "${F[@]}" -XX:SharedArchiveFile=/tmp/spike-fat-cache.jsa -cp "$CP" $S cache rules      healthy-hosted.yaml /tmp/spike-cache ;;
    exec)  java "${F[@]}" -XX:SharedArchiveFile=/tmp/spike-fat-exec.jsa  -cp "$CP" $S exec  rules-exec healthy-hosted.yaml ;;
    none25cds)  $J25 "${A[@]}" -Xshare:auto -XX:SharedArchiveFile=/tmp/spike-fat-none-25.jsa  -cp "$CP" $S none  rules      healthy-hosted.yaml ;;
    cache25cds) $J25 "${A[@]}" -Xshare:auto -XX:SharedArchiveFile=/tmp/spike-fat-cache-25.jsa -cp "$CP" $S cache rules      healthy-hosted.yaml /tmp/spike-cache ;;
    exec25cds)  $J25 "${A[@]}" -Xshare:auto -XX:SharedArchiveFile=/tmp/spike-fat-exec-25.jsa  -cp "$CP" $S exec  rules-exec healthy-hosted.yaml ;;
    none25aot)  $J25 "${A[@]}" -XX:AOTCache=/tmp/spike-fat-none.aot  -cp "$CP" $S none  rules      healthy-hosted.yaml ;;
    cache25aot) $J25 "${A[@]}" -XX:AOTCache=/tmp/spike-fat-cache.aot -cp "$CP" $S cache rules      healthy-hosted.yaml /tmp/spike-cache ;;
    exec25aot)  $J25 "${A[@]}" -XX:AOTCache=/tmp/spike-fat-exec.aot  -cp "$CP" $S exec  rules-exec healthy-hosted.yaml ;;
  esac
  exit 0
fi
rounds=${1:-20}; out=${2:-/tmp/spike-turns.csv}
variants=(${VARIANTS:-none cache exec})
for w in "${variants[@]}"; do run $w >/dev/null; run $w >/dev/null; done   # warm-up: 2 each
echo "round,variant,ms,cpu_ms" > "$out"
for ((i = 0; i < rounds; i++)); do
  for ((j = 0; j < ${#variants[@]}; j++)); do
    v=${variants[$(((i + j) % ${#variants[@]}))]}
    t0=$(date +%s%N); run $v >/dev/null 2>/tmp/spike-turns-err.txt; t1=$(date +%s%N)
    cpu=$(awk '/^CPU /{printf "%d", ($2 + $3) * 1000}' /tmp/spike-turns-err.txt)
    echo "$i,$v,$(((t1 - t0) / 1000000)),$cpu" >> "$out"
  done
done
python3 - "$out" <<'PY'
import csv, statistics as st, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for col in ('ms', 'cpu_ms'):
    by = {}
    for r in rows: by.setdefault(r['variant'], []).append(int(r[col]))
    for v, t in by.items():
        t.sort(); q = st.quantiles(t, n=4)
        print(f"{col:6s} {v:6s} n={len(t)} median {st.median(t):.0f}  min {t[0]}  q1 {q[0]:.0f}  q3 {q[2]:.0f}  max {t[-1]}")
# paired differences per round
rounds = {}
for r in rows: rounds.setdefault(r['round'], {})[r['variant']] = int(r['ms'])
for r in rows: rounds.setdefault(r['round'], {})[r['variant'] + '_cpu'] = int(r['cpu_ms'])
import itertools
vs = sorted({r['variant'] for r in rows})
for a, b in [(x, y) for x, y in itertools.combinations(vs, 2)] + [(x + '_cpu', y + '_cpu') for x, y in itertools.combinations(vs, 2)]:
    d = sorted(x[a] - x[b] for x in rounds.values())
    print(f"{a} - {b}, paired by round: median {st.median(d):.0f} ms, q1 {st.quantiles(d, n=4)[0]:.0f}, q3 {st.quantiles(d, n=4)[2]:.0f}, min {d[0]}, max {d[-1]}")
PY
