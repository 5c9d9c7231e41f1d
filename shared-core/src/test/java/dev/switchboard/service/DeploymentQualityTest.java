package dev.switchboard.service;

import dev.switchboard.ledger.ProviderQuality;
import dev.switchboard.ledger.RequestLedger;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Seed 001's quality_score from feedback: ratings and scores on one 0..1 scale, read at most once a minute. */
class DeploymentQualityTest {

    private final MutableClock clock = new MutableClock();
    private final List<ProviderQuality> rows = new ArrayList<>();
    private int reads;
    private final RequestLedger ledger = (RequestLedger) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {RequestLedger.class}, (proxy, method, args) -> {
                if (!method.getName().equals("routingQuality")) {
                    throw new AssertionError("only the quality query is expected, not " + method.getName());
                }
                reads++;
                return List.copyOf(rows);
            });

    @Test
    void ratingsAndScoresAreAveragedOnOneScaleByHowManyOfEachThereWere() {
        // Three ratings averaging 4 (0.75 each on 0..1) and one quality score of 0.95.
        assertEquals(0.8, DeploymentQuality.score(new ProviderQuality("p", "m", 4, 3, 4.0, 1, 0.95)), 1e-9);
        assertEquals(1.0, DeploymentQuality.score(new ProviderQuality("p", "m", 1, 1, 5.0, 0, null)), 1e-9);
        assertNull(DeploymentQuality.score(new ProviderQuality("p", "m", 1, 0, null, 0, null)));
    }

    @Test
    void anInstancesFirstPreviewWaitsBrieflyForTheFirstReadSoARatedDeploymentHasItsScore() {
        rows.add(new ProviderQuality("openai", "gpt-4o", 2, 2, 5.0, 0, null));
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            DeploymentQuality quality = new DeploymentQuality(ledger, clock, background);

            assertEquals(1.0, quality.of("openai", "gpt-4o"), "read on another thread, waited for once");
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aFirstReadThatDoesNotFinishInTimeIsNotWaitedForLonger() {
        rows.add(new ProviderQuality("openai", "gpt-4o", 2, 2, 5.0, 0, null));
        List<Runnable> neverRun = new ArrayList<>();
        DeploymentQuality quality = new DeploymentQuality(ledger, clock, neverRun::add, Duration.ofMillis(1));

        assertNull(quality.of("openai", "gpt-4o"));
        assertEquals(1, neverRun.size());
        neverRun.get(0).run();
        assertEquals(1.0, quality.of("openai", "gpt-4o"), "the late read serves the next preview");
    }

    @Test
    void anAnswersMetadataNeverWaitsForTheFirstRead() {
        rows.add(new ProviderQuality("openai", "gpt-4o", 2, 2, 5.0, 0, null));
        List<Runnable> notYetRun = new ArrayList<>();
        DeploymentQuality quality = new DeploymentQuality(ledger, clock, notYetRun::add, Duration.ofSeconds(10));

        assertNull(quality.asLastRead("openai", "gpt-4o"), "not waited for, though a preview would wait 10 s");
        assertEquals(1, notYetRun.size(), "but started");
        notYetRun.get(0).run();
        assertEquals(1.0, quality.asLastRead("openai", "gpt-4o"));
    }

    @Test
    void aDeploymentNobodyRatedHasNoneAndTheLedgerIsReadAtMostOnceAMinute() {
        rows.add(new ProviderQuality("openai", "gpt-4o", 2, 2, 5.0, 0, null));
        DeploymentQuality quality = new DeploymentQuality(ledger, clock);

        assertEquals(1.0, quality.of("openai", "gpt-4o"));
        assertNull(quality.of("gemini", "gemini-1.5-flash"));
        rows.clear();
        assertEquals(1.0, quality.of("openai", "gpt-4o"), "the copy read a moment ago");
        clock.advance(DeploymentQuality.MAX_AGE);
        assertNull(quality.of("openai", "gpt-4o"), "read again after a minute");
        assertEquals(2, reads);
    }
}
