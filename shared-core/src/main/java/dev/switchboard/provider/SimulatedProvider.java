package dev.switchboard.provider;

import dev.switchboard.config.SimulationConfig;
import dev.switchboard.cost.AttachmentTokens;
import dev.switchboard.cost.TokenCounter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A provider that needs no network and no key (seed 002's mock providers). Its answer depends only
 * on the seed, the model and the prompt; its latency jitter and its failures follow one seeded
 * sequence per provider, so a run with the same seed and the same calls behaves the same way.
 */
public final class SimulatedProvider implements ChatProvider {

    public static final String PROTOCOL = "simulated";

    private static final List<String> SENTENCES = List.of(
            "The short answer is that it depends on the constraints you care about most.",
            "A good first step is to state the problem precisely and list what is known.",
            "Consider the simplest approach that could work, then measure before optimising.",
            "There are a few common pitfalls worth checking before going further.",
            "In practice, the trade-off comes down to cost, latency and quality.",
            "An example makes this concrete: start small, verify, then generalise.",
            "To summarise, the key points are correctness first and clarity second.");

    private static final int WORDS_PER_CHUNK = 4;

    private final String name;
    private final SimulationConfig simulation;
    private final Set<String> models;
    private final TokenCounter tokens;
    private final Sleeper sleeper;
    private final Random calls;

    public SimulatedProvider(String name, SimulationConfig simulation, Set<String> models,
                             TokenCounter tokens, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name);
        this.simulation = Objects.requireNonNull(simulation);
        this.models = Set.copyOf(models);
        this.tokens = Objects.requireNonNull(tokens);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.calls = new Random(simulation.seed());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String protocol() {
        return PROTOCOL;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        if (!models.contains(request.model())) {
            throw new ProviderException(name, ProviderException.Kind.REJECTED,
                    name + " does not serve model " + request.model());
        }
        double failureDraw;
        double latencyDraw;
        synchronized (calls) {
            failureDraw = calls.nextDouble();
            latencyDraw = calls.nextDouble();
        }
        // Latency varies between half and one and a half times the configured mean.
        long latencyMs = Math.round(simulation.latencyMs() * (0.5 + latencyDraw));
        try {
            sleeper.sleep(Duration.ofMillis(latencyMs));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(name, ProviderException.Kind.TIMEOUT, name + " call was interrupted");
        }
        if (failureDraw < simulation.failureRate()) {
            throw new ProviderException(name, ProviderException.Kind.UNAVAILABLE,
                    name + " simulated an outage (HTTP 503)");
        }
        String prompt = request.messages().stream().map(ChatMessage::content).collect(Collectors.joining("\n"));
        int images = request.messages().stream().mapToInt(m -> m.images().size()).sum();
        int files = request.messages().stream().mapToInt(m -> m.documents().size()).sum();
        int clips = request.messages().stream().mapToInt(m -> m.audio().size()).sum();
        // Images, files and audio as a real provider bills them, near enough: the gateway's own estimates.
        int inputTokens = (int) Math.min(Integer.MAX_VALUE, tokens.count(prompt)
                + AttachmentTokens.of(request.messages()));
        Answer answer = answer(request.model(), prompt, attachments(images, files, clips), request.maxTokens(),
                request.options().format().json());
        return new ChatResponse(answer.text(), request.model(), new Usage(inputTokens, answer.tokens()),
                answer.truncated() ? FinishReason.LENGTH : FinishReason.STOP);
    }

    /**
     * The same answer as {@link #complete}, delivered a few words at a time as a real stream is, so
     * that streaming through the gateway can be tried without a provider.
     */
    @Override
    public void stream(ChatRequest request, Consumer<StreamChunk> sink) {
        ChatResponse response = complete(request);
        String text = response.text();
        int start = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' && ++words % WORDS_PER_CHUNK == 0) {
                sink.accept(StreamChunk.text(text.substring(start, i + 1)));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            sink.accept(StreamChunk.text(text.substring(start)));
        }
        sink.accept(StreamChunk.last(response.finishReason(), response.usage(), response.toolCalls()));
    }

    private record Answer(String text, int tokens, boolean truncated) {
    }

    /**
     * "one image", "2 images and one file", "one image, one file and one audio clip": what the answer says it
     * was sent besides text; empty for nothing.
     */
    static String attachments(int images, int files, int clips) {
        List<String> named = new ArrayList<>(3);
        named.add(counted(images, "image"));
        named.add(counted(files, "file"));
        named.add(counted(clips, "audio clip"));
        named.removeIf(String::isEmpty);
        if (named.size() < 2) {
            return String.join("", named);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    private static String counted(int count, String what) {
        return count == 0 ? "" : count == 1 ? "one " + what : count + " " + what + "s";
    }

    /**
     * @param json whether to answer a JSON object, the text as its one field; it follows no json_schema's schema
     *             (a simulated deployment only stands in for one that can), and like a real model's it is cut
     *             mid-object when the budget runs out
     */
    private Answer answer(String model, String prompt, String attachments, int maxTokens, boolean json) {
        SplittableRandom random = new SplittableRandom(simulation.seed() * 31 + (model + "\n" + prompt).hashCode());
        String excerpt = prompt.strip().replaceAll("\\s+", " ");
        if (excerpt.length() > 60) {
            excerpt = excerpt.substring(0, 57) + "...";
        }
        StringBuilder text = new StringBuilder("[simulated ").append(name).append('/').append(model)
                .append("] You asked: \"").append(excerpt).append('"');
        if (!attachments.isEmpty()) {
            text.append(" about ").append(attachments);
        }
        text.append('.');
        int target = 16 + random.nextInt(240);
        while (tokens.count(text.toString()) < target) {
            text.append(' ').append(SENTENCES.get(random.nextInt(SENTENCES.size())));
        }
        String full = json ? "{\"answer\": " + JsonText.quoted(text.toString()) + "}" : text.toString();
        int count = tokens.count(full);
        if (count <= maxTokens) {
            return new Answer(full, count, false);
        }
        // Cut at the token budget, as a real model stops with finish_reason "length".
        int chars = Math.max(1, (int) ((long) full.length() * maxTokens / count));
        String cut = full.substring(0, chars);
        while (tokens.count(cut) > maxTokens && cut.length() > 1) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return new Answer(cut, tokens.count(cut), true);
    }
}
