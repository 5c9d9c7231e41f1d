package dev.switchboard.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A cached response as the stores keep it: its JSON ({@link CachedResponseJson}), gzipped when that
 * is larger than {@link CacheSettings#compressAboveBytes()} and gzip actually makes it smaller. Every
 * adapter encodes through here and holds the payload to {@link CacheSettings#maxItemBytes()}; DynamoDB's item
 * counts its key and expiry too (some 100 bytes more), so an answer that close to the limit is kept in memory
 * but not in DynamoDB.
 */
public final class CachePayload {

    /** Reading a gzipped payload stops past this, so a corrupt or hostile entry cannot exhaust memory. */
    static final int MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

    private final byte[] bytes;
    private final boolean gzipped;

    private CachePayload(byte[] bytes, boolean gzipped) {
        this.bytes = bytes;
        this.gzipped = gzipped;
    }

    public static CachePayload encode(CachedResponse response, CacheSettings settings) {
        byte[] json = CachedResponseJson.write(response);
        if (json.length > settings.compressAboveBytes()) {
            byte[] packed = gzip(json);
            if (packed.length < json.length) {
                return new CachePayload(packed, true);
            }
        }
        return new CachePayload(json, false);
    }

    /** A payload as read back from a store. */
    public static CachePayload stored(byte[] bytes, boolean gzipped) {
        return new CachePayload(bytes.clone(), gzipped);
    }

    /** The response; IllegalArgumentException (naming no content) when the payload is unreadable. */
    public CachedResponse decode() {
        return CachedResponseJson.read(gzipped ? gunzip(bytes) : bytes);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean gzipped() {
        return gzipped;
    }

    public int size() {
        return bytes.length;
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream packed = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(packed)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory cannot fail", e);
        }
        return packed.toByteArray();
    }

    private static byte[] gunzip(byte[] packed) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] plain = in.readNBytes(MAX_EXPANDED_BYTES + 1);
            if (plain.length > MAX_EXPANDED_BYTES) {
                throw new IllegalArgumentException("cached response: expands past " + MAX_EXPANDED_BYTES + " bytes");
            }
            return plain;
        } catch (IOException e) {
            throw new IllegalArgumentException("cached response: not gzip (" + e.getClass().getSimpleName() + ")");
        }
    }
}
