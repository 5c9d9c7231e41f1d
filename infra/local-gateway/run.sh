#!/usr/bin/env bash
# Builds what the local gateway needs (tests skipped) and starts it on 127.0.0.1:${PORT:-8080}.
# Data (the H2 ledger and DynamoDB Local's files) goes to ${SWITCHBOARD_DATA_DIR:-./data}.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -DskipTests -pl infra/local-gateway -am package
exec java -jar infra/local-gateway/target/local-gateway-all.jar "$@"
