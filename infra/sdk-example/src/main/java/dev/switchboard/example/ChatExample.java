package dev.switchboard.example;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * What a user's program does with Switchboard: the official OpenAI Java SDK pointed at the gateway's
 * {@code /v1}, one whole answer and one streamed, and Switchboard's own fields read from the answer.
 * It prints the request id to rate with {@code POST /feedback}.
 *
 * <p>Exit codes: 0 answered, 1 the gateway refused or failed (its error is printed), 2 bad usage.
 */
public final class ChatExample {

    private final ExampleOptions options;
    private final PrintStream out;

    ChatExample(ExampleOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        ExampleOptions options;
        try {
            options = ExampleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(ExampleOptions.USAGE);
            return 2;
        }
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl(options.baseUrl())
                .apiKey(options.apiKey())
                // The gateway has already retried and fallen back; a second layer of retries would hide that.
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            return new ChatExample(options, out).talkTo(client);
        } catch (OpenAIServiceException e) {
            err.println("the gateway answered " + e.statusCode() + ": " + e.getMessage());
            return 1;
        } finally {
            client.close();
        }
    }

    int talkTo(OpenAIClient client) {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(options.model())
                .addUserMessage(options.prompt())
                .build();

        ChatCompletion answer = client.chat().completions().create(params);
        Map<String, JsonValue> extra = answer._additionalProperties();
        SwitchboardFields switchboard = SwitchboardFields.of(extra.get("switchboard"));
        out.println("whole answer from " + answer.model() + ":");
        out.println("  " + answer.choices().get(0).message().content().orElse(""));
        answer.usage().ifPresent(usage -> out.println("  tokens: " + usage.promptTokens() + " in, "
                + usage.completionTokens() + " out"));
        out.println("  switchboard: provider " + switchboard.provider() + ", strategy "
                + switchboard.strategyUsed() + ", cost " + switchboard.cost() + " USD, cache hit "
                + switchboard.cacheHit());
        out.println("  request id: " + switchboard.requestId());

        out.println("streamed answer:");
        out.print("  ");
        int chunks = 0;
        ChatCompletionCreateParams streamed = params.toBuilder()
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        try (StreamResponse<ChatCompletionChunk> stream = client.chat().completions().createStreaming(streamed)) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunks++;
                chunk.choices().forEach(choice -> choice.delta().content().ifPresent(out::print));
            }
        }
        out.println();
        out.println("  (" + chunks + " chunks)");

        out.println("rate the whole answer:");
        out.println("  curl -s " + options.gatewayRoot() + "/feedback -H 'content-type: application/json'"
                // The key is the caller's secret: the command names where it goes, never what it is.
                + (options.keyGiven() ? " -H \"authorization: Bearer $YOUR_KEY\"" : "") + " -d '"
                + "{\"request_id\":\"" + switchboard.requestId() + "\",\"rating\":5}'");
        return 0;
    }
}
