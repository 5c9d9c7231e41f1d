package dev.switchboard.coldstart;

import dev.switchboard.coldstart.BenchmarkOptions.StateBackend;
import dev.switchboard.localaws.DynamoDbLocalServer;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The variables a deployed function has, with local stand-ins for the ledger and (optionally) DynamoDB. */
final class LambdaLikeEnvironment {

    private LambdaLikeEnvironment() {
    }

    /** @param dynamo DynamoDB Local for {@link StateBackend#DYNAMODB}, null for in-process state */
    static Map<String, String> of(BenchmarkOptions options, StateBackend state, DynamoDbLocalServer dynamo,
                                  LedgerConnection ledger) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "switchboard-coldstart-complete");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(options.memoryMb()));
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // A fresh admin key per benchmark, from the environment: no Secrets Manager round trip is timed.
        env.put("SWITCHBOARD_ADMIN_KEY", "sk-coldstart-" + UUID.randomUUID());
        env.put("SWITCHBOARD_SECRETS_SOURCE", "environment");
        env.put("SWITCHBOARD_SECRETS_STAGE", "dev");
        env.put("SWITCHBOARD_CONFIG", InstantProviders.write(options.workDir()).toString());
        env.put("SWITCHBOARD_LEDGER_URL", ledger.url());
        env.put("SWITCHBOARD_LEDGER_USERNAME", ledger.username());
        env.put("SWITCHBOARD_LEDGER_PASSWORD", ledger.password());
        if (dynamo == null) {
            env.put("SWITCHBOARD_STATE_STORE", "memory");
        } else {
            String prefix = "coldstart-";
            ColdStartTables.create(dynamo, prefix);
            env.put("SWITCHBOARD_STATE_STORE", "dynamodb");
            env.put("SWITCHBOARD_DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
            env.put("SWITCHBOARD_DYNAMODB_TABLE_PREFIX", prefix);
        }
        env.putAll(options.extraEnvironment());
        return env;
    }
}
