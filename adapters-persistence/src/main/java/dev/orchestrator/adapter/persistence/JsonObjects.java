package dev.orchestrator.adapter.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A row's map of texts as the JSON object text a {@code json} column stores, in the map's order. Multi-row
 * statements bind one such text a row: building the objects in SQL with {@code json_object} over slices of one
 * shared array walked that array from its start for every row, which cost a wave's audit insert ten times what
 * casting ready texts does (#11, docs/DECISIONS.md).
 */
final class JsonObjects {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonObjects() {
    }

    static String of(Map<String, String> fields) {
        StringWriter text = new StringWriter(16 + 48 * fields.size());
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeStringField(Text.safe(field.getKey()), Text.safe(field.getValue()));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return text.toString();
    }
}
