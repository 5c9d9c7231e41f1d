package dev.switchboard.api;

import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A base64 {@code data:} URL (RFC 2397) of a request's image or file, read or refused with a 400 naming the
 * field; no error repeats the URL.
 *
 * @param mediaType lower case
 * @param bytes     the decoded content
 */
record DataUrl(String mediaType, byte[] bytes) {

    private static final Pattern FORM = Pattern.compile("(?i:data:)([A-Za-z0-9.+/-]+)(?i:;base64,)(.*)",
            Pattern.DOTALL);

    static boolean looksLikeOne(String url) {
        return url.regionMatches(true, 0, "data:", 0, 5);
    }

    /** @param example the form expected, for the error, e.g. data:image/png;base64,... */
    static DataUrl read(String url, String path, String example) {
        Matcher m = FORM.matcher(url);
        if (!m.matches()) {
            throw new InvalidRequestException(path, "'" + path + "' must be a data URL of the form " + example);
        }
        try {
            return new DataUrl(m.group(1).toLowerCase(Locale.ROOT), Base64.getDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(path, "'" + path + "' must hold its content in standard base64 "
                    + "without line breaks");
        }
    }

    /** The content again in padded standard base64, which every provider reads, so that one content has one form. */
    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
