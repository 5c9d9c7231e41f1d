#!/usr/bin/env bash
# Builds what the local gateway needs (tests skipped) and starts it on 127.0.0.1:${PORT:-8080}.
# Data (the H2 ledger and DynamoDB Local's files) goes to ${SWITCHBOARD_DATA_DIR:-<repository>/data}.
# No cd: the gateway runs in the caller's folder, so relative paths the caller gives (SWITCHBOARD_CONFIG,
# SWITCHBOARD_PRICES, SWITCHBOARD_DATA_DIR, SWITCHBOARD_ROUTING_LEARNING_STATE, an H2 SWITCHBOARD_LEDGER_URL)
# mean what they mean in the caller's shell.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export SWITCHBOARD_DATA_DIR="${SWITCHBOARD_DATA_DIR:-$root/data}"
"$root/mvnw" -B -q -ntp -f "$root/pom.xml" -DskipTests -pl :local-gateway -am package
exec java -jar "$root/infra/local-gateway/target/local-gateway-all.jar" "$@"
