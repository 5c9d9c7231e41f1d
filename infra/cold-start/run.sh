#!/usr/bin/env bash
# Cold-start benchmark of the complete function's Lambda jar (README "Cold start"). Builds the jars
# (tests skipped), then starts a fresh JVM per run; options go to ColdStartBenchmark, e.g.
#   infra/cold-start/run.sh --runs 7 --state memory --unpacked --appcds --primed
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -ntp -DskipTests -pl infra/cold-start -am package
lib=infra/cold-start/target/lib
h2=$(ls "$lib"/h2-*.jar)
exec java -cp "infra/cold-start/target/cold-start.jar:$lib/*" dev.switchboard.coldstart.ColdStartBenchmark \
  --lambda-jar functions/complete/target/function-complete-0.1.0-SNAPSHOT-lambda.jar \
  --runner-jar infra/cold-start/target/cold-start.jar \
  --ledger-driver "$h2" \
  --artifacts . \
  --work infra/cold-start/target/work \
  "$@"
