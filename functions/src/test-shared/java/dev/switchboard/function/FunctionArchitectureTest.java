package dev.switchboard.function;

import dev.switchboard.architecture.SwitchboardArchitecture;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's rule for function modules: they reach Switchboard only through the service layer and
 * the api records, never an adapter. This one file is compiled into every function module's tests
 * (see functions/pom.xml), so each module checks its own classes.
 */
class FunctionArchitectureTest {

    @Test
    void functionsCallServicesNotAdapters() {
        SwitchboardArchitecture.FUNCTIONS_USE_ONLY_SERVICE_AND_API.check(SwitchboardArchitecture.productionClasses());
    }
}
