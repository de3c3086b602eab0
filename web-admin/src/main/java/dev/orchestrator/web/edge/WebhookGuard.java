package dev.orchestrator.web.edge;

import dev.orchestrator.application.outbound.IpRange;
import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.MetricsSource;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook edge, before any signature is checked or byte stored: a source may be limited to address ranges
 * ({@code WEBHOOK_ALLOW_IPS_<SOURCE>}, 403 from elsewhere) and to a request rate ({@code WEBHOOK_RATE_LIMIT_<SOURCE>}
 * per second, token bucket, 429 with {@code Retry-After}). The address is the socket's peer: behind a proxy, set the
 * allow-list at the proxy (a forwarded-for header is the sender's word, not a fact).
 */
public final class WebhookGuard implements MetricsSource {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookGuard.class);
    private static final String PREFIX = "/webhooks/";

    private final Map<String, List<IpRange>> allowLists;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, Double> rates;
    private final LongSupplier nanoTime;
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> limited = new ConcurrentHashMap<>();

    public WebhookGuard(Map<String, List<IpRange>> allowLists, Map<String, Double> ratesPerSecond, LongSupplier nanoTime) {
        this.allowLists = Map.copyOf(allowLists);
        this.rates = Map.copyOf(ratesPerSecond);
        this.nanoTime = nanoTime;
    }

    public static WebhookGuard open() {
        return new WebhookGuard(Map.of(), Map.of(), System::nanoTime);
    }

    /** A Javalin before-handler for {@code /webhooks/*}. */
    public void check(Context ctx) {
        String path = ctx.path();
        if (!path.startsWith(PREFIX)) {
            return;
        }
        String source = path.substring(PREFIX.length());
        List<IpRange> allowed = allowLists.get(source);
        if (allowed != null && !allowed(ctx.req().getRemoteAddr(), allowed)) {
            refused.computeIfAbsent(source, s -> new LongAdder()).increment();
            LOG.warn("webhook source {}: refused a delivery from {} (not in its allow-list)", source,
                    ctx.req().getRemoteAddr());
            throw new ProblemException(Problem.of("address-not-allowed", "Address not allowed", 403,
                    "this source accepts deliveries only from its configured address ranges"));
        }
        Double rate = rates.get(source);
        if (rate != null) {
            long now = nanoTime.getAsLong();
            long waitNanos = buckets.computeIfAbsent(source, s -> new TokenBucket(rate, now)).tryTake(now);
            if (waitNanos > 0) {
                limited.computeIfAbsent(source, s -> new LongAdder()).increment();
                long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
                ctx.header("Retry-After", Long.toString(seconds));
                throw new ProblemException(Problem.of("rate-limited", "Too many requests", 429,
                        "source " + source + " accepts at most " + rate + " deliveries a second; retry after "
                                + seconds + " s"));
            }
        }
    }

    private static boolean allowed(String remote, List<IpRange> ranges) {
        InetAddress address;
        try {
            // the peer address is a literal: no DNS lookup happens here
            address = InetAddress.getByName(remote);
        } catch (UnknownHostException e) {
            return false;
        }
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append("# HELP orchestrator_webhook_refused_total Deliveries refused at the edge, by source and reason\n");
        out.append("# TYPE orchestrator_webhook_refused_total counter\n");
        Map<String, Long> lines = new LinkedHashMap<>();
        refused.forEach((source, n) -> lines.put("source=\"" + source + "\",reason=\"address\"", n.sum()));
        limited.forEach((source, n) -> lines.put("source=\"" + source + "\",reason=\"rate\"", n.sum()));
        lines.forEach((labels, n) -> out.append("orchestrator_webhook_refused_total{").append(labels).append("} ")
                .append(n).append('\n'));
    }
}
