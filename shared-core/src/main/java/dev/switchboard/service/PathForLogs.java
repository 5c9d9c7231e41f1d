package dev.switchboard.service;

/**
 * A request path as it may be logged: a segment that starts like a virtual key is cut to its prefix, since
 * a caller may put a key where an id belongs ({@code DELETE /keys/sb-…} to end a leaked key).
 */
public final class PathForLogs {

    private PathForLogs() {
    }

    public static String of(String path) {
        if (path == null || !path.contains(KeyService.KEY_PREFIX)) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith(KeyService.KEY_PREFIX)) {
                segments[i] = KeyService.KEY_PREFIX + "…";
            }
        }
        return String.join("/", segments);
    }
}
