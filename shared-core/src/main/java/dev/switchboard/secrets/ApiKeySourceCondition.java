package dev.switchboard.secrets;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.BeanContext;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

import java.util.Set;

/**
 * Matches when {@link ApiKeySourceKind#select} picks this condition's kind. One condition per kind, rather
 * than two {@code @Requires(property)} / {@code @Requires(env)} pairs, because the choice is "property, else
 * environment", which plain {@code @Requires} (all must hold) cannot say.
 */
abstract class ApiKeySourceCondition implements Condition {

    private final ApiKeySourceKind kind;

    ApiKeySourceCondition(ApiKeySourceKind kind) {
        this.kind = kind;
    }

    @Override
    public boolean matches(ConditionContext context) {
        BeanContext beans = context.getBeanContext();
        Set<String> environments = beans instanceof ApplicationContext application
                ? application.getEnvironment().getActiveNames() : Set.of();
        boolean matches = ApiKeySourceKind.select(context.getProperty(ApiKeySourceKind.PROPERTY, String.class), environments) == kind;
        if (!matches) {
            context.fail("the API key source is not " + kind.setting());
        }
        return matches;
    }

    /** The environment-variable source is selected. */
    public static final class Environment extends ApiKeySourceCondition {
        public Environment() {
            super(ApiKeySourceKind.ENVIRONMENT);
        }
    }

    /** The Secrets Manager source is selected. */
    public static final class SecretsManager extends ApiKeySourceCondition {
        public SecretsManager() {
            super(ApiKeySourceKind.SECRETS_MANAGER);
        }
    }
}
