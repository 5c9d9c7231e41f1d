package dev.switchboard.provider.gemini;

import dev.switchboard.provider.JsonObjects;
import dev.switchboard.cost.TokenCounter;
import dev.switchboard.provider.ChatRequest;
import dev.switchboard.provider.ChatResponse;
import dev.switchboard.provider.FinishReason;
import dev.switchboard.provider.ToolCall;
import dev.switchboard.provider.Usage;
import dev.switchboard.provider.UsageEstimate;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generateContent response body (HTTP 200) in the unified model.
 *
 * <p>A prompt Gemini blocks itself comes back as a 200 with promptFeedback.blockReason and no
 * candidate. That is read as an answer with no text and finish reason CONTENT_FILTER, not as a
 * REJECTED failure: Gemini did run the call (and reports the prompt's tokens, which are billed),
 * the caller learns why there is no text the same way as when the answer itself is filtered, and
 * the other protocols report filtering as a finish reason too. Like REJECTED, it is final: no retry.
 */
public final class GeminiResponseParser {

    private final String provider;
    private final JsonMapper json;
    private final TokenCounter tokens;

    public GeminiResponseParser(String provider, JsonMapper json, TokenCounter tokens) {
        this.provider = Objects.requireNonNull(provider);
        this.json = Objects.requireNonNull(json);
        this.tokens = Objects.requireNonNull(tokens);
    }

    public ChatResponse parse(byte[] body, ChatRequest request) {
        GeminiPiece piece = GeminiPiece.read(readObject(body), provider, json);
        FinishReason finish;
        if (piece.hasCandidate()) {
            finish = piece.finishReason() == null ? FinishReason.OTHER
                    : GeminiFinishReasons.of(piece.finishReason(), !piece.calls().isEmpty());
        } else if (piece.blockReason() != null) {
            finish = FinishReason.CONTENT_FILTER;
        } else {
            throw GeminiPiece.malformed(provider, "has neither a candidate nor a block reason");
        }
        List<ToolCall> calls = new ArrayList<>(piece.calls().size());
        String callKey = piece.calls().isEmpty() ? null : GeminiPiece.callKey(piece.responseId());
        for (int i = 0; i < piece.calls().size(); i++) {
            calls.add(piece.calls().get(i).unified(callKey, i));
        }
        Usage usage = GeminiUsage.of(piece.usage());
        if (usage == null) {
            usage = UsageEstimate.of(tokens, request, piece.text(), calls);
        }
        String model = piece.modelVersion() != null ? piece.modelVersion() : request.model();
        return new ChatResponse(piece.text(), model, usage, finish, calls);
    }

    private JsonNode readObject(byte[] body) {
        return JsonObjects.read(json, body).orElseThrow(() -> GeminiPiece.malformed(provider, "is not a JSON object"));
    }
}
