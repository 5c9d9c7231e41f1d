package dev.switchboard.cost;

import dev.switchboard.provider.ChatMessage;
import dev.switchboard.provider.DocumentInput;

import java.util.List;

/**
 * The prompt tokens a PDF file is estimated to cost, before a provider counts them: {@link #TOKENS_PER_PAGE}
 * for each page, inside Anthropic's published range (1,500 to 3,000 a page, the page's text and its
 * picture together; OpenAI reads a page the same two ways, Gemini counts 258): the top of the range would
 * leave a long report out of a 128k window it fits. The pages are those the file says it has; a file that
 * shows none (its objects compressed) counts one page for each {@link #BYTES_PER_UNSEEN_PAGE} bytes, a
 * rough guess. It stands in for the file in windows, cost ceilings and reservations; the provider's own
 * count settles them.
 */
public final class DocumentTokenEstimate {

    public static final int TOKENS_PER_PAGE = 2_000;
    public static final int BYTES_PER_UNSEEN_PAGE = 30_000;

    private DocumentTokenEstimate() {
    }

    /** The tokens of every file in {@code messages}. */
    public static long of(List<ChatMessage> messages) {
        return AttachmentTokens.sum(messages, ChatMessage::documents, DocumentTokenEstimate::of);
    }

    public static long of(DocumentInput document) {
        return (long) TOKENS_PER_PAGE * pages(document);
    }

    /** The pages the estimate counts: those the file shows, else one per {@link #BYTES_PER_UNSEEN_PAGE} bytes. */
    public static long pages(DocumentInput document) {
        int visible = document.visiblePages();
        return visible > 0 ? visible : Math.max(1, (document.byteCount() + BYTES_PER_UNSEEN_PAGE - 1)
                / BYTES_PER_UNSEEN_PAGE);
    }
}
