package dev.switchboard.service;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.RoutingPreferences;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.provider.ChatProvider;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ProviderAdapterFactory;
import dev.switchboard.provider.StreamChunk;
import dev.switchboard.provider.Usage;
import dev.switchboard.routing.RoutingDecision;
import dev.switchboard.routing.Tier;
import dev.switchboard.testsupport.CoreFixture;
import dev.switchboard.testsupport.NamedTestProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.switchboard.testsupport.CoreFixture.deployment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** least-busy sees the calls this process has under way, counted by the breakers' permits. */
class LeastBusyInTheRequestPathTest {

    private static final RoutingPreferences LEAST_BUSY = new RoutingPreferences("least-busy", null, null, null,
            List.of(), List.of(), Set.of());

    @Test
    void aDeploymentWithACallUnderWayIsRankedAfterAnIdleOne() throws Exception {
        HeldProvider held = new HeldProvider();
        CoreFixture fixture = new CoreFixture()
                .adaptedProvider("busy", held, deployment("gemini-1.5-flash", Tier.ECONOMY))
                .provider("idle", 0, deployment("gpt-4o-mini", Tier.ECONOMY));
        RoutingDecision before = fixture.decisions().decide("hi", 100, true, LEAST_BUSY, Caller.ANONYMOUS);
        assertEquals("busy/gemini-1.5-flash", before.chosen().label(), "both idle: the cheaper first");

        CompletableFuture<?> call = CompletableFuture.runAsync(() -> fixture.completions()
                .complete(new CompleteRequest("hi", 100, true, null, LEAST_BUSY), CoreFixture.ALICE));
        try {
            assertTrue(held.entered.await(10, TimeUnit.SECONDS), "the call reached the provider");

            RoutingDecision during = fixture.decisions().decide("hi", 100, true, LEAST_BUSY, Caller.ANONYMOUS);

            assertEquals("idle/gpt-4o-mini", during.chosen().label(), during.reasoning());
        } finally {
            held.release.countDown();
            call.get(10, TimeUnit.SECONDS);
        }
        RoutingDecision after = fixture.decisions().decide("hi", 100, true, LEAST_BUSY, Caller.ANONYMOUS);
        assertEquals("busy/gemini-1.5-flash", after.chosen().label(), "the call is over");
    }

    /** A provider whose call waits for the test to let it answer. */
    private static final class HeldProvider implements ProviderAdapterFactory {

        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String protocol() {
            return "test-held";
        }

        @Override
        public ChatProvider create(ProviderConfig config) {
            return new NamedTestProvider(config.name(), protocol()) {
                @Override
                public ChatResponse complete(ChatRequest request) {
                    awaitRelease();
                    return new ChatResponse("ok", request.model(), new Usage(1, 1), FinishReason.STOP, List.of());
                }

                @Override
                public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
                    awaitRelease();
                    sink.accept(StreamChunk.text("ok"));
                    sink.accept(StreamChunk.last(FinishReason.STOP, new Usage(1, 1), List.of()));
                }

                private void awaitRelease() {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }
}
