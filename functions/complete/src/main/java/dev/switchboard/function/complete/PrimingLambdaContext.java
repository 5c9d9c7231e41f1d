package dev.switchboard.function.complete;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The invocation context of the priming request, which no Lambda invocation carries. */
final class PrimingLambdaContext implements Context {

    @Override
    public String getAwsRequestId() {
        return "snapstart-priming";
    }

    @Override
    public String getLogGroupName() {
        return "snapstart-priming";
    }

    @Override
    public String getLogStreamName() {
        return "snapstart-priming";
    }

    @Override
    public String getFunctionName() {
        return "switchboard-complete";
    }

    @Override
    public String getFunctionVersion() {
        return "snapstart-priming";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "snapstart-priming";
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
        return 0;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                // The priming request's log lines are of no use to anyone.
            }

            @Override
            public void log(byte[] message) {
                // As above.
            }
        };
    }
}
