package dev.switchboard.testsupport.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads an event fixture (JSON in the shape AWS documents) into the Lambda events type, with the
 * serializers the Lambda Java runtime itself uses, so a test feeds the handler what AWS would.
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    public static <T> T load(String resource, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no event fixture on the classpath: " + resource);
            }
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
