package dev.switchboard.api;

import java.util.List;

/**
 * Every deployment tried said it cannot take the request as it is (a shape its protocol cannot say, an
 * option its model refuses) and none was passed over for a reason that passes: the request, not the
 * providers' health, is what failed, so a 422 like routing's own, which clients do not send again.
 */
public final class RequestUnsupportedException extends DeploymentsFailedException {

    public RequestUnsupportedException(List<String> tried) {
        super(422, "no_eligible_deployment", "No deployment able to answer can take this request as it is "
                + "(see each one's reason); tried " + String.join(", ", tried), tried);
    }
}
