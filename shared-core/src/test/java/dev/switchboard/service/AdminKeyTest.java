package dev.switchboard.service;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.switchboard.config.ConfigurationError;
import dev.switchboard.secrets.EnvironmentApiKeySource;
import dev.switchboard.testsupport.AdminKeySources;
import dev.switchboard.testsupport.LogLines;
import dev.switchboard.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminKeyTest {

    private static final String CANARY = "admin-canary-8c1d2e";

    @Test
    void matchesOnlyTheAdminKeyItself() {
        AdminKey admin = new AdminKey(CANARY, false);

        assertTrue(admin.matches(CANARY));
        assertFalse(admin.matches(CANARY + "x"));
        assertFalse(admin.matches(CANARY.substring(1)));
        assertFalse(admin.matches(null));
        assertFalse(new AdminKey(null, false).matches(""));
    }

    @Test
    void comparesHashesInConstantTimeAndNeverTheKeysThemselves() {
        JavaClasses adminKey = new ClassFileImporter().importClasses(AdminKey.class);

        classes().should().callMethod(MessageDigest.class, "isEqual", byte[].class, byte[].class).check(adminKey);
        noClasses().should().callMethod(String.class, "equals", Object.class)
                .orShould().callMethod(Arrays.class, "equals", byte[].class, byte[].class)
                .orShould().callMethod(String.class, "contentEquals", CharSequence.class)
                .check(adminKey);
    }

    @Test
    void anAdminKeyWithTheLineEndOfAnEnvFileIsTakenStrippedAsABearerTokenIsRead() {
        AdminKey admin = new AdminKey("  " + CANARY + "\n", false);

        assertTrue(admin.matches(CANARY));
    }

    @Test
    void anAdminKeyNoAuthorizationHeaderCanCarryStopsStartUpWithoutShowingIt() {
        for (String unusable : new String[] {CANARY + " tail", CANARY + "\u00e9"}) {
            ConfigurationError e = assertThrows(ConfigurationError.class, () -> new AdminKey(unusable, false));

            assertTrue(e.getMessage().contains("SWITCHBOARD_ADMIN_KEY"), e.getMessage());
            assertFalse(e.getMessage().contains(CANARY), "the key is not shown");
        }
    }

    @Test
    void aShortAdminKeyIsTakenWithAWarningThatDoesNotShowIt() {
        List<String> warnings;
        AdminKey admin;
        try (LogLines logs = new LogLines()) {
            admin = new AdminKey("short-key", false);
            warnings = logs.at("WARN");
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains("short-key")), logs.lines().toString());
        }

        assertTrue(admin.matches("short-key"));
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void onLambdaWithoutAnAdminKeyItLogsOneErrorAndAuthenticationStaysOn() {
        AdminKey lambda;
        List<String> errors;
        try (LogLines logs = new LogLines()) {
            lambda = new AdminKey("", true);
            new AdminKey(CANARY, true);
            new AdminKey(CANARY, false);
            errors = logs.at("ERROR");
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(CANARY)), logs.lines().toString());
        }

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("SWITCHBOARD_ADMIN_KEY"));
        assertTrue(lambda.authenticationOn());
        assertFalse(lambda.matches(""));
    }

    @Test
    void withoutTheSettingTheKeySourcesAdminKeyIsAskedForWhenAKeyIsFirstPresentedAndAFailedReadIsTriedAgainLater() {
        MutableClock clock = new MutableClock();
        AdminKeySources source = AdminKeySources.down();

        AdminKey admin = new AdminKey("", true, source, clock);
        assertEquals(0, source.asked, "nothing is read at start-up (the probe's role may not read the admin key)");
        assertTrue(admin.authenticationOn());
        assertFalse(admin.matches(CANARY), "the source is down");
        assertEquals(1, source.asked);
        source.down = false;
        source.stored = CANARY;

        assertFalse(admin.matches(CANARY), "not asked again before the retry time");
        assertEquals(1, source.asked);
        clock.advance(AdminKey.RETRY_AFTER);
        assertTrue(admin.matches(CANARY));
        assertFalse(admin.matches("sb-not-it"));
    }

    @Test
    void offLambdaASourceThatKeepsTheAdminKeyTurnsAuthenticationOnAndTheEnvironmentDoesNot() {
        MutableClock clock = new MutableClock();
        AdminKey fromSecretsManager = new AdminKey("", false, AdminKeySources.keeping(CANARY), clock);
        AdminKey fromEnvironment = new AdminKey("", false, new EnvironmentApiKeySource(Map.of()), clock);

        assertTrue(fromSecretsManager.authenticationOn(), "never open to everyone with an admin key kept elsewhere");
        assertTrue(fromSecretsManager.matches(CANARY));
        assertFalse(fromSecretsManager.matches("sb-not-it"));
        assertFalse(fromEnvironment.authenticationOn(), "locally, with no admin key set, authentication is off");
    }

    @Test
    void aReplacedAdminKeyIsInUseWithinTheRefreshAndAFailedRefreshKeepsTheKnownKey() {
        MutableClock clock = new MutableClock();
        AdminKeySources source = AdminKeySources.keeping(CANARY);
        AdminKey admin = new AdminKey("", true, source, clock);
        assertTrue(admin.matches(CANARY));

        source.stored = "sb-rotated-admin-key";
        assertTrue(admin.matches(CANARY), "read a moment ago: not asked again yet");
        clock.advance(AdminKey.REFRESH_AFTER);
        assertFalse(admin.matches(CANARY), "the replaced key is refused once read again");
        assertTrue(admin.matches("sb-rotated-admin-key"));

        source.down = true;
        clock.advance(AdminKey.REFRESH_AFTER);
        assertTrue(admin.matches("sb-rotated-admin-key"), "the source is down: the known key stays in use");
        assertEquals(3, source.asked);
    }

    @Test
    void withoutTheSourceItAnswersOnlyWhenNoReadIsDueAndNeverReads() {
        MutableClock clock = new MutableClock();
        AdminKeySources source = AdminKeySources.down();
        AdminKey admin = new AdminKey("", true, source, clock);

        assertEquals(Optional.empty(), admin.matchesWithoutSource(CANARY), "never read yet: only the source can tell");
        assertEquals(0, source.asked);
        assertFalse(admin.matches(CANARY), "the source is down");
        assertEquals(Optional.of(false), admin.matchesWithoutSource(CANARY), "no retry due: no admin key for now");
        source.down = false;
        source.stored = CANARY;
        clock.advance(AdminKey.RETRY_AFTER);
        assertEquals(Optional.empty(), admin.matchesWithoutSource(CANARY), "a retry is due");
        assertEquals(1, source.asked);
        assertTrue(admin.matches(CANARY));
        assertEquals(Optional.of(true), admin.matchesWithoutSource(CANARY));
        assertEquals(Optional.of(false), admin.matchesWithoutSource("sb-not-it"));
        assertEquals(2, source.asked);
        assertEquals(Optional.of(true), new AdminKey(CANARY, false).matchesWithoutSource(CANARY),
                "a key set directly needs no source");
    }
}
