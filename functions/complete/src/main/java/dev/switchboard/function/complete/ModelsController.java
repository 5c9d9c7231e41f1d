package dev.switchboard.function.complete;

import dev.switchboard.api.ModelList;
import dev.switchboard.service.Caller;
import dev.switchboard.service.CatalogService;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * GET /v1/models and GET /v1/models/{model}, OpenAI-compatible: the names POST /v1/chat/completions takes as
 * {@code model}, which chat front ends and SDKs ask for before offering a model to pick (or check one). Configuration
 * only: nothing is read. A model's name may hold slashes (an OpenAI-compatible server's "org/model"), so the one
 * model's route takes the rest of the path.
 */
@Controller
public class ModelsController {

    private final CatalogService catalog;

    public ModelsController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Get(uri = "/v1/models", produces = MediaType.APPLICATION_JSON)
    public ModelList models(Caller caller) {
        return catalog.models(caller);
    }

    @Get(uri = "/v1/models/{+model}", produces = MediaType.APPLICATION_JSON)
    public ModelList.Model model(String model, Caller caller) {
        return catalog.model(model, caller);
    }
}
