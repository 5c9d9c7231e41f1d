package dev.switchboard.service;

import dev.switchboard.config.ConfigurationError;
import dev.switchboard.config.DeclaredPrice;
import dev.switchboard.config.DeploymentConfig;
import dev.switchboard.config.ProviderCatalog;
import dev.switchboard.config.ProviderConfig;
import dev.switchboard.cost.ModelPrice;
import dev.switchboard.cost.PriceTable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The price table with the prices the providers file gives its deployments laid over it. */
final class DeclaredPrices {

    private static final double PER_MILLION = 1_000_000.0;

    private DeclaredPrices() {
    }

    static PriceTable over(PriceTable table, ProviderCatalog catalog) {
        Map<String, ModelPrice> declared = new HashMap<>();
        for (ProviderConfig provider : catalog.providers()) {
            for (DeploymentConfig deployment : provider.deployments()) {
                DeclaredPrice price = deployment.price();
                if (price == null) {
                    continue;
                }
                // Cache reads, cache writes and reasoning are left "not given", so they are priced as plain input
                // and output; a declared price has no long-context tiers. The table's longest answer is kept.
                ModelPrice modelPrice = new ModelPrice(price.inputPerMillion() / PER_MILLION,
                        price.outputPerMillion() / PER_MILLION, 0, 0, 0, deployment.capabilities().contextLength(),
                        provider.name(), "chat", List.of(),
                        table.price(deployment.model()).map(ModelPrice::maxOutputTokens).orElse(0));
                ModelPrice earlier = declared.putIfAbsent(deployment.model(), modelPrice);
                if (earlier != null && (earlier.inputCostPerToken() != modelPrice.inputCostPerToken()
                        || earlier.outputCostPerToken() != modelPrice.outputCostPerToken())) {
                    throw new ConfigurationError("SWITCHBOARD_CONFIG: model '" + deployment.model()
                            + "' is given two different prices; prices are per model");
                }
            }
        }
        return declared.isEmpty() ? table : table.overlaidWith(declared, table.source() + " and " + catalog.source());
    }
}
