package dev.orchestrator.web.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses webhook bodies into neutral trees, refusing everything PostgreSQL's JSON types would refuse even when
 * Jackson alone would accept it (research §6.2): invalid or overlong UTF-8, a byte-order mark, an empty body,
 * duplicate keys, {@code \u0000}, lone surrogates and numbers beyond PostgreSQL's numeric range.
 */
public final class JacksonPayloadParser implements PayloadParser {
    // PostgreSQL numeric holds up to 131072 digits before the point; far below that is already absurd for a lead.
    private static final int MAX_NUMBER_MAGNITUDE = 1000;
    private final ObjectMapper mapper = Json.strictInbound();

    @Override
    public Parsed parse(byte[] body) {
        if (body.length == 0) {
            return new Unparseable("empty body");
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return new Unparseable("body starts with a UTF-8 byte-order mark");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Unparseable("body is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JacksonException e) {
            return new Unparseable("malformed JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return new Unparseable("empty body");
        }
        try {
            return new Ok(new PayloadTree(toJava(root, "$")));
        } catch (InvalidValue e) {
            return new Unparseable(e.getMessage());
        }
    }

    private static Object toJava(JsonNode node, String path) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                checkText(field.getKey(), path);
                map.put(field.getKey(), toJava(field.getValue(), path + "." + field.getKey()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(toJava(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isTextual()) {
            checkText(node.textValue(), path);
            return node.textValue();
        }
        if (node.isNumber()) {
            BigDecimal number = node.decimalValue();
            if (Math.abs((long) number.precision() - number.scale()) > MAX_NUMBER_MAGNITUDE
                    || Math.abs((long) number.scale()) > MAX_NUMBER_MAGNITUDE) {
                throw new InvalidValue("number out of range at " + path);
            }
            return number;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    private static void checkText(String text, String path) {
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidValue("\\u0000 in a string at " + path);
        }
        try {
            StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
        } catch (CharacterCodingException e) {
            throw new InvalidValue("lone surrogate in a string at " + path);
        }
    }

    private static final class InvalidValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidValue(String message) {
            super(message);
        }
    }
}
