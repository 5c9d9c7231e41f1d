package dev.switchboard.coldstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.switchboard.function.complete.SyntheticLambdaContext;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;
import org.crac.Resource;

import java.time.Duration;

/**
 * The measured JVM's main: what the Lambda runtime does on a cold start of the complete function, and
 * nothing more. It builds the handler the way the runtime does (its no-argument constructor, which
 * starts the application context), hands it one payload-2.0 POST /complete event and prints one line
 * that the benchmark waits for. The runtime's own event parsing is not the function's, so the event
 * is built in code. With {@value #PRIMED} it first runs the SnapStart priming, so that the timed event is
 * the first one a restored snapshot would see (the restore itself cannot be measured without a CRaC JVM).
 */
public final class ColdStartRunner {

    /** The line's start that tells the benchmark the first event is answered. */
    static final String ANSWERED = "ANSWERED";
    /** Second argument: run the SnapStart priming after start-up, before the timed event. */
    static final String PRIMED = "primed";

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.nanoTime();
        String bearer = args.length > 0 ? args[0] : "";
        boolean primed = args.length > 1 && PRIMED.equals(args[1]);
        APIGatewayV2HTTPEventFunction handler = new APIGatewayV2HTTPEventFunction();
        if (primed) {
            // What SnapStart runs before its snapshot (every CRaC resource of the function); a restore starts here.
            for (Resource resource : handler.getApplicationContext().getBeansOfType(Resource.class)) {
                resource.beforeCheckpoint(null);
            }
        }
        long handlerBuilt = System.nanoTime();
        APIGatewayV2HTTPEvent event = CompleteEvent.post("What is Python?", bearer);
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new SyntheticLambdaContext("switchboard-complete", "cold-start-request-1", 1536, System.err));
        long answered = System.nanoTime();
        System.out.println(ANSWERED + " status=" + response.getStatusCode()
                + " init_ms=" + millis(handlerBuilt - mainStarted)
                + " first_event_ms=" + millis(answered - handlerBuilt)
                + " cpu_ms=" + cpuMillis());
        System.out.flush();
        if (response.getStatusCode() != 200) {
            // The benchmark reports the failure; the body names it (never a prompt or a key).
            System.out.println("BODY " + response.getBody());
        }
        handler.close();
        System.exit(response.getStatusCode() == 200 ? 0 : 1);
    }

    /**
     * CPU time of the whole process so far (all threads: JIT, GC, the application), read after the answer.
     * On a shared, busy machine it varies far less than wall time, which includes waiting for a core.
     */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }
}
