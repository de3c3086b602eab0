package dev.orchestrator.e2e.bench;

import dev.orchestrator.application.intake.StandardWebhooksScheme;
import dev.orchestrator.application.intake.WebhookSecret;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes N correctly signed form webhooks (distinct ids, 1 KiB bodies), one per line as
 * {@code id<TAB>timestamp<TAB>signature<TAB>body}, for {@code scripts/bench-wrk.sh}: wrk cannot compute HMACs,
 * so the requests are signed ahead, with timestamps inside the 5-minute window of the run.
 * Usage: SignedRequestsFile OUT N
 */
public final class SignedRequestsFile {
    private SignedRequestsFile() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        WebhookSecret secret = WebhookSecret.parse(LoadClient.DEV_SECRET);
        long ts = Instant.now().getEpochSecond();
        String run = Long.toString(System.nanoTime(), 36);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String id = "msg_wrk_" + run + "_" + i;
                byte[] body = LoadClient.lead(id, "wrk" + i + "." + run + "@company" + (i % 5000) + ".example.com");
                writer.write(id + "\t" + ts + "\t" + StandardWebhooksScheme.sign(secret, id, ts, body) + "\t"
                        + new String(body, StandardCharsets.UTF_8) + "\n");
            }
        }
    }
}
