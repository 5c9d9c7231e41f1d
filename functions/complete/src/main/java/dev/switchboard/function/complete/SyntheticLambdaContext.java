package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * An invocation context for a request no Lambda invocation carries: the SnapStart priming's, and the
 * cold-start benchmark's, which plays the runtime.
 *
 * @param functionName the function's name, as the runtime would give it
 * @param requestId    the invocation's id
 * @param memoryMb     the function's memory, or 0 when it does not matter
 * @param log          where the context's logger writes, or null to drop what it is given
 */
public record SyntheticLambdaContext(String functionName, String requestId, int memoryMb, PrintStream log)
        implements Context {

    /** What the priming request runs with: its log lines are of no use to anyone. */
    static SyntheticLambdaContext priming() {
        return new SyntheticLambdaContext("switchboard-complete", "snapstart-priming", 0, null);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return requestId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                if (log != null) {
                    log.print(message);
                }
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
