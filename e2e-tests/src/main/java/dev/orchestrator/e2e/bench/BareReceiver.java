package dev.orchestrator.e2e.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * The benchmark's baseline: the minimal receiver of research §4 (Javalin + Jdbi on durable embedded
 * PostgreSQL) that only verifies a Standard Webhooks signature, parses the JSON, and stores the raw event and a
 * job in one transaction. The product's ingest path is measured against it in the same run.
 * Usage: BareReceiver PORT DATA_DIR
 */
public final class BareReceiver {
    private BareReceiver() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[1]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(16);
        Jdbi jdbi = Jdbi.create(new HikariDataSource(config));
        jdbi.useHandle(h -> h.execute("""
                create table if not exists raw_events (id uuid primary key, idempotency_key text unique not null,
                    received_at timestamptz not null, body bytea not null);
                create table if not exists jobs (id bigserial primary key, event_id uuid not null, status text not null,
                    run_at timestamptz not null)"""));
        byte[] key = Base64.getDecoder().decode(LoadClient.DEV_SECRET.substring("whsec_".length()));
        ObjectMapper json = new ObjectMapper();
        Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/webhooks/{source}", ctx -> {
                byte[] body = ctx.bodyAsBytes();
                String id = ctx.header("webhook-id");
                String ts = ctx.header("webhook-timestamp");
                String sig = ctx.header("webhook-signature");
                if (id == null || ts == null || sig == null
                        || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > 300) {
                    ctx.status(401);
                    return;
                }
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
                byte[] expected = mac.doFinal(body);
                if (!MessageDigest.isEqual(expected, Base64.getDecoder().decode(sig.substring(3)))) {
                    ctx.status(401);
                    return;
                }
                json.readTree(body);
                UUID eventId = UUID.randomUUID();
                UUID stored = jdbi.inTransaction(h -> {
                    var inserted = h.createQuery("""
                            insert into raw_events (id, idempotency_key, received_at, body) values (:id, :key, now(), :body)
                            on conflict (idempotency_key) do nothing returning id""")
                            .bind("id", eventId).bind("key", "form:" + id).bind("body", body)
                            .mapTo(UUID.class).findOne();
                    if (inserted.isPresent()) {
                        h.createUpdate("insert into jobs (event_id, status, run_at) values (:id, 'ready', now())")
                                .bind("id", eventId).execute();
                    }
                    return inserted.orElse(null);
                });
                ctx.status(202).contentType("application/json")
                        .result("{\"eventId\":\"" + stored + "\",\"duplicate\":" + (stored == null) + "}");
            });
            cfg.routes.get("/health", ctx -> ctx.result("ok"));
            cfg.routes.get("/metrics", ctx -> ctx.result("orchestrator_events_total "
                    + jdbi.withHandle(h -> h.createQuery("select count(*) from raw_events").mapTo(Long.class).one())
                    + "\n"));
        }).start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (java.io.IOException ignored) {
                // stopping anyway
            }
        }));
    }
}
