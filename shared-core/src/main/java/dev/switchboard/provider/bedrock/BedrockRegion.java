package dev.switchboard.provider.bedrock;

import dev.switchboard.config.ConfigurationError;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region a Bedrock provider signs for. A base URL on Bedrock's own endpoint names it
 * (https://bedrock-runtime.eu-west-1.amazonaws.com, also -fips and .amazonaws.com.cn); any other
 * base URL (a VPC endpoint, a local stand-in) or none leaves it to the SDK's default region chain
 * (AWS_REGION, aws.region, the profile, instance metadata).
 */
final class BedrockRegion {

    private static final Pattern BEDROCK_HOST =
            Pattern.compile("bedrock-runtime(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?");

    private BedrockRegion() {
    }

    static Region of(String provider, String baseUrl, Supplier<Region> defaultRegion) {
        if (baseUrl != null) {
            String host = URI.create(baseUrl).getHost();
            Matcher matcher = host == null ? null : BEDROCK_HOST.matcher(host);
            if (matcher != null && matcher.matches()) {
                return Region.of(matcher.group(1));
            }
        }
        try {
            return defaultRegion.get();
        } catch (RuntimeException e) {
            throw new ConfigurationError("provider '" + provider + "' (bedrock) has no AWS region: set AWS_REGION, "
                    + "or base-url https://bedrock-runtime.<region>.amazonaws.com");
        }
    }
}
