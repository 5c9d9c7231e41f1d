package dev.switchboard.architecture.samples.goodfunction;

import dev.switchboard.api.CompleteRequest;
import dev.switchboard.api.InvalidRequestException;
import dev.switchboard.service.DecisionService;

/** Obeys the function rule: only api, service and its own package. */
public final class GoodController {

    DecisionService decisions;
    GoodMapper mapper = new GoodMapper();

    public CompleteRequest check(CompleteRequest request) {
        if (request == null) {
            throw new InvalidRequestException(null, "missing");
        }
        return mapper.map(request);
    }
}
