#!/usr/bin/env bash
# Load benchmark: builds the local gateway and the benchmark (tests skipped), then measures a fake
# OpenAI-compatible upstream directly and through the gateway (see README, "Load benchmark").
# Options are passed on, e.g.: infra/load-bench/run.sh --seconds 10 --warmup 5 --connections 1,16,64
#   --stream-connections 1,16 (or none) --scenarios memory,dynamodb,cache --port-base 19200 --jfr true
#   --gateway-cpus 1 --client-cpus 0 --chunk-gap-ms 5 --gateway-jvm "-Xmx512m"
#   --gateway-warmup 300 (the longest JIT warm-up, s) --jit-quiet-percent 2
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -DskipTests -pl infra/local-gateway,infra/load-bench -am package
pin=()
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then
  # The load generator shares CPU 0 with the fake upstream; the gateway gets CPU 1 to itself.
  pin=(taskset -c 0)
else
  echo "taskset not found or a single CPU: nothing is pinned, figures include CPU contention" >&2
fi
exec ${pin[@]+"${pin[@]}"} java -XX:+UseSerialGC -Xms256m -Xmx512m -Dloadbench.path="$PATH" \
  -jar infra/load-bench/target/load-bench-all.jar --work-dir infra/load-bench/target/runs "$@"
