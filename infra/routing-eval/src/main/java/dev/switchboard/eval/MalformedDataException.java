package dev.switchboard.eval;

/** Input data that cannot be read as the RouteLLM format; the message always names the file and line. */
public final class MalformedDataException extends RuntimeException {

    public MalformedDataException(String source, long line, String problem) {
        super(source + ":" + line + ": " + problem);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
