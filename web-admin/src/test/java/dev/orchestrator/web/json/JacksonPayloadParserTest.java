package dev.orchestrator.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestrator.application.port.out.PayloadParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

class JacksonPayloadParserTest {
    private final JacksonPayloadParser parser = new JacksonPayloadParser();

    /** The bodies of research §6.2 that Jackson alone accepts but PostgreSQL's JSON refuses, and plain garbage. */
    static Stream<Arguments> unparseable() {
        return Stream.of(
                Arguments.of("empty body", new byte[0]),
                Arguments.of("malformed", bytes("{\"type\":")),
                Arguments.of("overlong UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}),
                Arguments.of("invalid UTF-8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'}),
                Arguments.of("lone surrogate", bytes("{\"a\":\"\\ud800\"}")),
                Arguments.of("NUL escape", bytes("{\"a\":\"x\\u0000y\"}")),
                Arguments.of("byte-order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}),
                Arguments.of("duplicate keys", bytes("{\"a\":1,\"a\":2}")),
                Arguments.of("huge number", bytes("{\"a\":1e999999}")),
                Arguments.of("trailing garbage", bytes("{\"a\":1} x")),
                Arguments.of("too deep", bytes("[".repeat(5000) + "]".repeat(5000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unparseable")
    void bodiesPostgresWouldRefuseAreUnparseable(String name, byte[] body) {
        assertThat(parser.parse(body)).isInstanceOf(PayloadParser.Unparseable.class);
    }

    @Test
    void anObjectBecomesNeutralJavaValues() {
        PayloadParser.Parsed parsed = parser.parse(bytes("{\"email\":\"a@b.co\",\"n\":2.5,\"ok\":true,\"utm\":{\"source\":\"ads\"}}"));

        assertThat(parsed).isInstanceOfSatisfying(PayloadParser.Ok.class, ok -> {
            assertThat(ok.tree().text("email")).contains("a@b.co");
            assertThat(ok.tree().at("n")).contains(new BigDecimal("2.5"));
            assertThat(ok.tree().bool("ok")).contains(true);
            assertThat(ok.tree().text("utm", "source")).contains("ads");
        });
    }

    @Test
    void aNonObjectRootStillParses() {
        assertThat(parser.parse(bytes("[1,2]"))).isInstanceOf(PayloadParser.Ok.class);
        assertThat(parser.parse(bytes("null"))).isInstanceOfSatisfying(PayloadParser.Ok.class,
                ok -> assertThat(ok.tree().isObject()).isFalse());
    }

    @Test
    void escapedUnicodeThatIsValidIsKept() {
        assertThat(parser.parse(bytes("{\"name\":\"Jos\\u00e9 \\ud83d\\ude00\"}")))
                .isInstanceOfSatisfying(PayloadParser.Ok.class,
                        ok -> assertThat(ok.tree().root()).isEqualTo(Map.of("name", "José 😀")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
