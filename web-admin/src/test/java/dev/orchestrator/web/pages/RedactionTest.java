package dev.orchestrator.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void signatureAndCredentialHeadersNeverShowTheirValues() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-signature", "v1,abc");
        headers.put("X-HubSpot-Signature-v3", "hs");
        headers.put("Stripe-Signature", "t=1,v1=s");
        headers.put("X-Hub-Signature-256", "sha256=g");
        headers.put("Authorization", "Bearer t");
        headers.put("webhook-id", "msg_1");

        assertThat(Redaction.headers(headers)).extracting(Map.Entry::getValue)
                .containsOnly(Redaction.REDACTED, "msg_1").doesNotContain("v1,abc", "hs", "t=1,v1=s", "sha256=g");
        assertThat(Redaction.headers(headers)).contains(Map.entry("webhook-id", "msg_1"));
    }

    @Test
    void secretLookingFieldsInThePayloadAreRedactedAtAnyDepth() {
        String payload = Redaction.payload("""
                {"email":"a@b.co","auth":{"apiKey":"k-1","nested":[{"client_secret":"s-1","ok":1}]},"password":"p"}"""
                .getBytes(StandardCharsets.UTF_8));

        assertThat(payload).contains("\"email\" : \"a@b.co\"", "\"ok\" : 1").doesNotContain("k-1", "s-1", "\"p\"");
        assertThat(payload).contains("\"apiKey\" : \"[redacted]\"");
    }

    @Test
    void aBodyThatIsNotJsonIsShownAsText() {
        assertThat(Redaction.payload("not json {".getBytes(StandardCharsets.UTF_8))).isEqualTo("not json {");
    }
}
