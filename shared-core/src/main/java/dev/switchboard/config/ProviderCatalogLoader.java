package dev.switchboard.config;

import dev.switchboard.provider.bedrock.BedrockModels;
import dev.switchboard.routing.Capabilities;
import dev.switchboard.routing.Tier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the providers file of the contract (SWITCHBOARD_CONFIG, or the built-in simulated set):
 * {@code providers: [{name, protocol, base-url, simulation, deployments: [{model, tier, rpm, tpm,
 * priority, weight, capabilities}]}]}. Every problem is reported with the file and the path of the setting.
 */
public final class ProviderCatalogLoader {

    /**
     * Query parameter names (lower-cased, without '-' and '_') that carry a credential: Gemini's key,
     * SAS signatures, Azure Functions' code, tokens and passwords.
     */
    /**
     * The fields an OpenAI-compatible server may take the answer's budget in: max_tokens, which most take, or
     * max_completion_tokens, which OpenAI's reasoning models behind another URL (Azure's o-series and gpt-5
     * deployments) take instead, refusing max_tokens.
     */
    private static final Set<String> MAX_TOKENS_FIELDS = Set.of("max_tokens", "max_completion_tokens");
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("key", "apikey", "token", "accesstoken",
            "authtoken", "auth", "sig", "signature", "secret", "clientsecret", "password", "pass", "pwd", "code");

    public static final String BUILT_IN = "classpath:switchboard-providers.yml";
    public static final Set<String> PROTOCOLS =
            Set.of("openai", "anthropic", "gemini", "openai-compatible", "bedrock", "simulated");

    /** A capability only some protocols' adapters can say, and what a deployment with it can be asked. */
    private record ProtocolCapability(String key, Predicate<Capabilities> has, Set<String> protocols, String what) {
    }

    /**
     * reasoning: the protocols whose adapters can pass on a reasoning effort (OpenAI's own word, Gemini's and
     * Claude's thinking budgets; on Bedrock, Claude's models only). audio: those whose wire carries an audio
     * clip (Anthropic's Messages API and Converse take none). Every protocol can ask for JSON (Anthropic's and
     * Converse's only with a schema, on the models with structured outputs), so json is not limited here.
     */
    private static final List<ProtocolCapability> PROTOCOL_CAPABILITIES = List.of(
            new ProtocolCapability("reasoning", Capabilities::reasoning,
                    Set.of("openai", "openai-compatible", "gemini", "anthropic", "bedrock", "simulated"),
                    "be given a reasoning effort"),
            new ProtocolCapability("audio", Capabilities::audio,
                    Set.of("openai", "openai-compatible", "gemini", "simulated"), "be sent audio"));
    /** The protocols whose prompt caches cache only what the request marks. */
    private static final Set<String> CACHE_MARKING_PROTOCOLS = Set.of("anthropic", "bedrock");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    /**
     * The providers SWITCHBOARD_CONFIG names ({@code config}, bound to switchboard.config), or the built-in
     * set when it is unset or blank; an error names the variable. Shared by the functions' start-up and the
     * local gateway's check before it starts anything.
     */
    public ProviderCatalog loadConfigured(String config) {
        if (config == null || config.isBlank()) {
            return load(BUILT_IN);
        }
        try {
            return load(config);
        } catch (ConfigurationError e) {
            throw new ConfigurationError("SWITCHBOARD_CONFIG: " + e.getMessage(), e);
        }
    }

    /** Loads {@code location}: a file path, or a resource when it starts with {@code classpath:}. */
    public ProviderCatalog load(String location) {
        Object root;
        try (Reader reader = open(location)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigurationError(location + ": does not exist (" + absolute(location) + ")", e);
        } catch (AccessDeniedException e) {
            throw new ConfigurationError(location + ": cannot be read (permission denied on "
                    + absolute(location) + ")", e);
        } catch (IOException e) {
            throw new ConfigurationError(location + ": cannot be read (" + e.getMessage() + ")", e);
        } catch (YAMLException e) {
            // SnakeYAML wraps the reader's decoding error: a binary file is not "invalid YAML" to a user.
            if (e.getCause() instanceof CharacterCodingException) {
                throw new ConfigurationError(location + ": is not UTF-8 text (" + absolute(location) + ")", e);
            }
            throw new ConfigurationError(location + ": is not valid YAML (" + oneLine(e.getMessage()) + ")", e);
        }
        if (root == null) {
            throw new ConfigurationError(location + ": is empty; it must list providers");
        }
        ConfigReader top = new ConfigReader(location, "", root, Set.of("providers"));
        List<ProviderConfig> providers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        java.util.Map<String, String> keyVariables = new java.util.HashMap<>();
        List<?> list = top.list("providers", true);
        for (int i = 0; i < list.size(); i++) {
            ProviderConfig provider = provider(location, "providers[" + i + "]", list.get(i));
            if (!names.add(provider.name())) {
                throw new ConfigurationError(location + ": providers[" + i + "].name '" + provider.name()
                        + "' is declared twice");
            }
            // my-ai and my_ai would both read MY_AI_API_KEY: one provider would silently use the other's key.
            // The simulated provider and Bedrock (IAM) take no key, so they share nothing.
            boolean takesKey = !provider.protocol().equals("simulated") && !provider.protocol().equals("bedrock");
            String other = takesKey ? keyVariables.putIfAbsent(provider.apiKeyVariable(), provider.name()) : null;
            if (other != null) {
                throw new ConfigurationError(location + ": providers[" + i + "].name '" + provider.name()
                        + "' takes its key from " + provider.apiKeyVariable() + ", as '" + other
                        + "' does; rename one of them");
            }
            providers.add(provider);
        }
        return new ProviderCatalog(location, providers);
    }

    private ProviderConfig provider(String source, String path, Object node) {
        ConfigReader r = new ConfigReader(source, path, node,
                Set.of("name", "protocol", "base-url", "simulation", "deployments", "prompt-caching", "guardrail",
                        "max-tokens-field"));
        String name = r.requiredString("name");
        if (!NAME.matcher(name).matches()) {
            throw r.error(r.child("name"), "must be lower-case letters, digits, '-' or '_' (got '" + name + "')");
        }
        String protocol = r.requiredString("protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw r.error(r.child("protocol"), "must be one of " + PROTOCOLS.stream().sorted().toList()
                    + " (got '" + protocol + "')");
        }
        String baseUrl = r.optionalString("base-url");
        if (baseUrl != null) {
            validateUrl(r, baseUrl);
        } else if (protocol.equals("openai-compatible")) {
            throw r.error(r.child("base-url"), "is required for protocol openai-compatible");
        }
        SimulationConfig simulation = null;
        if (protocol.equals("simulated")) {
            simulation = r.has("simulation") ? simulation(r, r.raw("simulation")) : SimulationConfig.DEFAULTS;
        } else if (r.has("simulation")) {
            throw r.error(r.child("simulation"), "applies only to protocol simulated");
        }
        List<DeploymentConfig> deployments = new ArrayList<>();
        List<?> list = r.list("deployments", true);
        Set<String> models = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            DeploymentConfig deployment = deployment(source, path + ".deployments[" + i + "]", list.get(i));
            if (!models.add(deployment.model())) {
                throw r.error(path + ".deployments[" + i + "].model", "'" + deployment.model() + "' is declared twice");
            }
            for (ProtocolCapability limited : PROTOCOL_CAPABILITIES) {
                if (limited.has().test(deployment.capabilities()) && !limited.protocols().contains(protocol)) {
                    throw r.error(path + ".deployments[" + i + "].capabilities." + limited.key(), "protocol " + protocol
                            + " cannot " + limited.what() + " by this gateway; " + limited.key() + ": true applies to "
                            + String.join(", ", limited.protocols().stream().sorted().toList()));
                }
            }
            if (protocol.equals("bedrock") && deployment.capabilities().reasoning()
                    && !BedrockModels.isClaude(deployment.model())) {
                throw r.error(path + ".deployments[" + i + "].capabilities.reasoning", "on Bedrock this gateway gives "
                        + "a reasoning effort to Claude's models only (an id with \"anthropic.\"), not to '"
                        + deployment.model() + "'");
            }
            deployments.add(deployment);
        }
        boolean promptCaching = r.bool("prompt-caching", false);
        if (promptCaching && !CACHE_MARKING_PROTOCOLS.contains(protocol)) {
            throw r.error(r.child("prompt-caching"), "applies to protocols anthropic and bedrock, whose prompt caches "
                    + "need the request to mark what to cache (OpenAI and Gemini cache on their own)");
        }
        BedrockGuardrail guardrail = null;
        if (r.has("guardrail")) {
            if (!protocol.equals("bedrock")) {
                throw r.error(r.child("guardrail"), "applies only to protocol bedrock (Bedrock Guardrails)");
            }
            guardrail = guardrail(source, r);
        }
        String maxTokensField = r.optionalString("max-tokens-field");
        if (maxTokensField != null && !protocol.equals("openai-compatible")) {
            throw r.error(r.child("max-tokens-field"), "applies only to protocol openai-compatible (OpenAI itself is "
                    + "sent max_completion_tokens, the other protocols their own field)");
        }
        if (maxTokensField != null && !MAX_TOKENS_FIELDS.contains(maxTokensField)) {
            throw r.error(r.child("max-tokens-field"), "must be one of " + MAX_TOKENS_FIELDS.stream().sorted().toList()
                    + " (got '" + maxTokensField + "')");
        }
        return new ProviderConfig(name, protocol, baseUrl, deployments, simulation, promptCaching, guardrail,
                maxTokensField);
    }

    /** {@code guardrail: {id, version}}; YAML reads a version such as 1 as a number, taken as its digits. */
    private static BedrockGuardrail guardrail(String source, ConfigReader provider) {
        ConfigReader g = new ConfigReader(source, provider.child("guardrail"), provider.raw("guardrail"),
                Set.of("id", "version"));
        String id = g.requiredString("id");
        if (!BedrockGuardrail.IDENTIFIER.matcher(id).matches()) {
            throw g.error(g.child("id"), "must be the guardrail's lower-case id or its ARN (got '" + id + "')");
        }
        Object version = g.raw("version");
        String text = version instanceof Number || version instanceof String ? String.valueOf(version) : null;
        if (text == null || !BedrockGuardrail.VERSION.matcher(text).matches()) {
            throw g.error(g.child("version"), "must be the guardrail's version, a number from 1, or DRAFT");
        }
        return new BedrockGuardrail(id, text);
    }

    private SimulationConfig simulation(ConfigReader parent, Object node) {
        ConfigReader r = new ConfigReader(parent.source(), parent.child("simulation"), node,
                Set.of("latency-ms", "failure-rate", "seed"));
        SimulationConfig d = SimulationConfig.DEFAULTS;
        return new SimulationConfig(
                r.integer("latency-ms", d.latencyMs(), 0, 60_000),
                r.decimal("failure-rate", d.failureRate(), 0.0, 1.0),
                r.integer("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private DeploymentConfig deployment(String source, String path, Object node) {
        ConfigReader r = new ConfigReader(source, path, node,
                Set.of("model", "tier", "rpm", "tpm", "capabilities", "priority", "weight", "price"));
        String model = r.requiredString("model");
        String tierName = r.requiredString("tier");
        Tier tier = Tier.fromWireName(tierName).orElseThrow(() -> r.error(r.child("tier"),
                "must be one of economy, standard, premium (got '" + tierName + "')"));
        int rpm = (int) r.integer("rpm", 60, 1, 1_000_000);
        int tpm = (int) r.integer("tpm", 100_000, 1, 1_000_000_000);
        int priority = (int) r.integer("priority", DeploymentConfig.DEFAULT_PRIORITY, 0, 10);
        int weight = (int) r.integer("weight", DeploymentConfig.DEFAULT_WEIGHT, 1, 1000);
        Capabilities capabilities = Capabilities.DEFAULTS;
        if (r.has("capabilities")) {
            ConfigReader c = new ConfigReader(source, r.child("capabilities"), r.raw("capabilities"),
                    Set.of("context-length", "tools", "vision", "streaming", "max-output-tokens", "json", "pdf",
                            "reasoning", "audio"));
            Capabilities d = Capabilities.DEFAULTS;
            capabilities = new Capabilities(
                    (int) c.integer("context-length", d.contextLength(), 1, 100_000_000),
                    c.bool("tools", d.tools()), c.bool("vision", d.vision()), c.bool("streaming", d.streaming()),
                    // 0: not given here; the price table's max_output_tokens is used then, if it has one.
                    (int) c.integer("max-output-tokens", 0, 1, 100_000_000), c.bool("json", d.json()),
                    c.bool("pdf", d.pdf()), c.bool("reasoning", d.reasoning()), c.bool("audio", d.audio()));
        }
        DeclaredPrice price = null;
        if (r.has("price")) {
            ConfigReader p = new ConfigReader(source, r.child("price"), r.raw("price"),
                    Set.of("input-per-million", "output-per-million"));
            if (!p.has("input-per-million") || !p.has("output-per-million")) {
                throw r.error(r.child("price"), "needs both input-per-million and output-per-million (USD)");
            }
            price = new DeclaredPrice(p.decimal("input-per-million", 0, 0, 1_000_000),
                    p.decimal("output-per-million", 0, 0, 1_000_000));
        }
        return new DeploymentConfig(model, tier, rpm, tpm, capabilities, priority, weight, price);
    }

    private static void validateUrl(ConfigReader r, String url) {
        try {
            // An Azure-style template names the model as {model}, which is not legal in a URI until filled in.
            URI uri = URI.create(url.replace("{model}", "model"));
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw r.error(r.child("base-url"), "must be an http(s) URL (got '" + redacted(url) + "')");
            }
            // GET /providers shows the base URL to every key holder: a credential in it would leak there.
            // The message leaves the URL out, since it holds the credential.
            if (uri.getRawUserInfo() != null) {
                throw r.error(r.child("base-url"), "must not carry a user or password; the provider's key comes "
                        + "from its <NAME>_API_KEY variable or Secrets Manager");
            }
            if (uri.getRawQuery() != null && carriesCredential(uri.getRawQuery())) {
                throw r.error(r.child("base-url"), "must not carry a key or token in its query; the provider's key "
                        + "comes from its <NAME>_API_KEY variable or Secrets Manager");
            }
        } catch (IllegalArgumentException e) {
            throw r.error(r.child("base-url"), "must be an http(s) URL (got '" + redacted(url) + "')");
        }
    }

    private static boolean carriesCredential(String rawQuery) {
        for (String pair : rawQuery.split("&")) {
            String name = pair.split("=", 2)[0];
            try {
                name = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException undecodable) {
                return true;
            }
            if (CREDENTIAL_PARAMETERS.contains(name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", ""))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The URL for a message: without what may be a credential (a user and password, whatever the scheme or
     * none, "admin:s3cr3t@host" and "https:/user:pw@host" too; the query).
     */
    static String redacted(String url) {
        return url.replaceAll("[^/?#@]*@", "…@").replaceFirst("\\?.*$", "?…");
    }

    private static Reader open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            String resource = location.substring("classpath:".length());
            InputStream in = ProviderCatalogLoader.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
        }
        Path file = Path.of(location);
        // Reading a directory fails only at the first read, inside SnakeYAML, as "Is a directory".
        if (Files.isDirectory(file)) {
            throw new ConfigurationError(location + ": is a directory, not a file (" + absolute(location) + ")");
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** A relative path resolves against the working directory, which the user may not know. */
    private static Path absolute(String location) {
        return Path.of(location).toAbsolutePath().normalize();
    }

    /** SnakeYAML's message spans lines (context, problem, position); one line keeps logs readable. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
