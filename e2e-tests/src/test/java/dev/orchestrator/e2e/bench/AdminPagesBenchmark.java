package dev.orchestrator.e2e.bench;

import dev.orchestrator.web.testing.Browser;
import dev.orchestrator.web.testing.RunningOrchestrator;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the admin pages take with 1,000,000 audit events (200,000 of them on one contact), 200,000 stored
 * events, 10,000 contacts, 40,000 dead letters and 40,000 open review items: each page is fetched 30 times after
 * 5 warm-up fetches, over HTTP with a logged-in session, and its median, 95th percentile and worst time printed.
 * <pre>mvn -B -q -pl e2e-tests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.orchestrator.e2e.bench.AdminPagesBenchmark</pre>
 */
public final class AdminPagesBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;

    private AdminPagesBenchmark() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (RunningOrchestrator server = RunningOrchestrator.start()) {
            long seeding = System.nanoTime();
            seed(server);
            out.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - seeding) / 1e9);
            Browser browser = new Browser(server);
            browser.logIn("victor", RunningOrchestrator.PASSWORD);
            String heavy = "/contacts/" + uuid("c1");
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("dashboard", "/");
            pages.put("events, first page", "/events");
            pages.put("events by domain", "/events?domain=co7.com");
            pages.put("events by status", "/events?status=dead");
            String deep = deepEventsLink(browser);
            out.println("events page 2000 starts after " + deep.substring(deep.indexOf("after=") + 6));
            pages.put("events, page 2000 (keyset)", deep);
            pages.put("event detail", "/events/" + uuid("e4242"));
            pages.put("contact (200k events), first page", heavy);
            pages.put("contact (200k events), deep page", heavy + "?after=" + 900_000);
            pages.put("contact (100 events)", "/contacts/" + uuid("c4242"));
            pages.put("dead letters", "/dead-letters");
            pages.put("review queue", "/review");
            out.printf("%-36s %8s %8s %8s%n", "page", "p50 ms", "p95 ms", "max ms");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                double[] ms = time(browser, page.getValue());
                out.printf(Locale.ROOT, "%-36s %8.1f %8.1f %8.1f%n", page.getKey(), ms[RUNS / 2],
                        ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]);
            }
        }
    }

    private static double[] time(Browser browser, String path) {
        for (int i = 0; i < WARM_UP; i++) {
            check(browser.get(path), path);
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check(browser.get(path), path);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void check(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

    /** Follows the events list's "older" links 2,000 pages deep (100,000 events) through the keyset cursor. */
    private static String deepEventsLink(Browser browser) {
        Pattern next = Pattern.compile("href=\"(/events\\?after=[^\"]+)\" rel=\"next\"");
        String link = "/events";
        for (int i = 1; i < 2000; i++) {
            Matcher m = next.matcher(browser.get(link).body());
            if (!m.find()) {
                throw new IllegalStateException("the events list ended after " + i + " pages");
            }
            link = m.group(1).replace("&amp;", "&");
        }
        return link;
    }

    private static String uuid(String seed) {
        String hex = md5(seed);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String md5(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void seed(RunningOrchestrator server) {
        server.sql("""
                insert into contacts (id, email, first_name, last_name, company, stage, created_at, updated_at)
                select md5('c' || n)::uuid, 'c' || n || '@co' || (n % 500) || '.com', 'First' || n, 'Last', 'Co',
                       (array['lead','lead','lead','mql','sql','opportunity','customer','nurture'])[1 + n % 8],
                       now(), now()
                from generate_series(1, 10000) n""");
        server.sql("""
                insert into raw_events (id, source, source_event_id, idempotency_key, received_at, headers, body,
                    payload_sha256, status, email, updated_at)
                select md5('e' || g)::uuid, 'form', 'msg_' || g, 'form:msg_' || g,
                       now() - (g || ' seconds')::interval, '{"webhook-signature":"v1,x"}'::json,
                       convert_to('{"email":"c' || (1 + g % 10000) || '@co' || ((1 + g % 10000) % 500) || '.com"}',
                           'UTF8'), 'x', (array['done','done','done','review','dead'])[1 + g % 5],
                       'c' || (1 + g % 10000) || '@co' || ((1 + g % 10000) % 500) || '.com', now()
                from generate_series(0, 199999) g""");
        server.sql("""
                insert into jobs (kind, event_id, status, attempts, max_attempts, run_at, last_error, created_at,
                    updated_at)
                select 'process-event', id, case when status = 'dead' then 'dead' else 'done' end, 5, 5, received_at,
                       case when status = 'dead' then 'gave up after 5 attempts: CrmFailure: HTTP 503' end,
                       received_at, received_at
                from raw_events""");
        server.sql("""
                insert into review_items (id, event_id, reason, problems, status, created_at)
                select md5('r' || id)::uuid, id, 'validation', '{"email":"is not a valid email address"}'::json,
                       'open', received_at
                from raw_events where status = 'review'""");
        // 800,000 events spread over the 10,000 contacts, 200,000 on contact c1; a sixth are failures
        server.sql("""
                insert into audit_events (id, at, kind, entity_type, entity_id, correlation_id, actor_type,
                    actor_name, summary, rule_id, ruleset_version, evidence)
                select md5('a' || g)::uuid, now() - (g || ' seconds')::interval,
                       (array['normalized','validated','crm-searched','crm-written','transitioned','failed'])[1 + g % 6],
                       'contact',
                       md5('c' || case when g % 5 = 0 then 1 else 1 + g % 10000 end)::uuid::text,
                       md5('e' || (g % 200000))::uuid, 'system', 'pipeline', 'step ' || g,
                       case when g % 6 = 4 then 'mql-fit-and-intent' end, case when g % 6 = 4 then 'v1' end,
                       case when g % 6 = 4 then '{"from":"lead","to":"mql","condition.1.expr":"score.fit >= 30",'
                            || '"condition.1.result":"true","condition.1.values.score.fit":"35"}'
                            else '{"step":"' || g || '"}' end::json
                from generate_series(1, 1000000) g""");
        server.sql("analyze");
    }
}
