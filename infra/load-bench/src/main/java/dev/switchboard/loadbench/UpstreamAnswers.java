package dev.switchboard.loadbench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake upstream's fixed answers, encoded once: a chat.completion, and the same answer as
 * chat.completion.chunk server-sent events (role and words, the finish, usage, [DONE]).
 */
final class UpstreamAnswers {

    static final String MODEL = "bench-model";
    private static final String ID = "chatcmpl-bench";
    private static final long CREATED = 1_700_000_000L;
    private static final String[] WORDS = {"Hello", " from", " the", " fake", " upstream", ":", " a", " short",
            " fixed", " answer."};
    private static final String USAGE = "{\"prompt_tokens\":12,\"completion_tokens\":10,\"total_tokens\":22}";

    private UpstreamAnswers() {
    }

    static byte[] completion() {
        String json = "{\"id\":\"" + ID + "\",\"object\":\"chat.completion\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + String.join("", WORDS) + "\"},\"finish_reason\":\"stop\"}],\"usage\":" + USAGE + "}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** One element per event, each a whole "data: ...\n\n" frame. */
    static List<byte[]> streamEvents() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < WORDS.length; i++) {
            String role = i == 0 ? "\"role\":\"assistant\"," : "";
            events.add(chunk("{\"index\":0,\"delta\":{" + role + "\"content\":\"" + WORDS[i] + "\"},\"finish_reason\":null}", ""));
        }
        events.add(chunk("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}", ""));
        events.add("{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":" + USAGE + "}");
        events.add("[DONE]");
        List<byte[]> frames = new ArrayList<>();
        for (String event : events) {
            frames.add(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }

    private static String chunk(String choice, String extra) {
        return "{\"id\":\"" + ID + "\",\"object\":\"chat.completion.chunk\",\"created\":" + CREATED
                + ",\"model\":\"" + MODEL + "\",\"choices\":[" + choice + "]" + extra + "}";
    }

    /** Whether a request body asks for a stream: "stream" followed by true, whatever the spacing. */
    static boolean asksForStream(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"stream\"");
        if (at < 0) {
            return false;
        }
        int i = at + 8;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == ':')) {
            i++;
        }
        return text.startsWith("true", i);
    }
}
