package dev.switchboard.observability;

import dev.switchboard.testsupport.EmfDocuments;
import io.micronaut.json.tree.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmfShapeTest {

    private final EmfShape shape = new EmfShape(MetricsNamespace.DEFAULT, List.of(new String[]{"a"}, new String[]{"a", "b"}),
            new String[]{"a", "b"}, new String[]{"note"}, new String[]{"Calls", "Took"},
            new EmfDocument.Unit[]{EmfDocument.Unit.Count, EmfDocument.Unit.Milliseconds});

    @Test
    void writesTheSameDocumentAsTheGeneralBuilder() {
        String written = shape.write(42, new String[]{"x", "y\"z"}, new String[]{"n"}, new double[]{1, 2.5});

        String built = new EmfDocument(MetricsNamespace.DEFAULT, 42).dimension("a", "x").dimension("b", "y\"z").dimensionSet("a")
                .dimensionSet("a", "b").property("note", "n").metric("Calls", EmfDocument.Unit.Count, 1)
                .metric("Took", EmfDocument.Unit.Milliseconds, 2.5).toJson();
        assertEquals(built, written);
        EmfDocuments.assertValid(written);
    }

    @Test
    void aPropertyWithoutAValueIsLeftOut() {
        JsonNode doc = EmfDocuments.assertValid(shape.write(1, new String[]{"x", "y"}, new String[]{null},
                new double[]{1, 2}));

        assertNull(doc.get("note"));
    }

    @Test
    void aSetNamingADimensionWithoutAValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EmfShape(MetricsNamespace.DEFAULT, List.<String[]>of(new String[]{"c"}),
                new String[]{"a"}, new String[0], new String[]{"Calls"}, new EmfDocument.Unit[]{EmfDocument.Unit.Count}));
    }
}
