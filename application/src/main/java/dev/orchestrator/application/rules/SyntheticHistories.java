package dev.orchestrator.application.rules;

import dev.orchestrator.application.port.in.RecordHistory;
import dev.orchestrator.domain.crm.LifecycleStage;
import dev.orchestrator.domain.rules.Signal;
import dev.orchestrator.domain.rules.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A deterministic synthetic population for benchmarks and dry-run demos: the same seed always gives the same
 * records. Shapes follow the sandbox (territories, segments, 180 days of signals, some deals), not any real data.
 */
public final class SyntheticHistories {
    private static final String[] COUNTRIES = {"US", "US", "US", "US", "US", "US", "US", "US", "US", "CA", "CA",
            "GB", "GB", "DE", "DE", "FR", "NL", "IE", "ES", "BR", "IN", "AU"};
    private static final String[] STATES = {"CA", "NY", "TX", "WA", "MA", "IL", "FL", "CO"};
    private static final String[] INDUSTRIES = {"software", "software", "manufacturing", "financial-services",
            "retail", "healthcare", "education", "logistics"};
    private static final String[] SIGNALS = {"page_view", "page_view", "page_view", "page_view", "pricing_page_view",
            "pricing_page_view", "content_download", "content_download", "webinar_attended", "form_submitted",
            "form_submitted", "demo_requested", "meeting_booked", "product_signup"};
    private static final int OWNERS = 12;

    private SyntheticHistories() {
    }

    public static List<RecordHistory> generate(long seed, int count, Instant asOf) {
        Random random = new Random(seed);
        List<RecordHistory> histories = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            histories.add(record(random, i, asOf));
        }
        return histories;
    }

    private static RecordHistory record(Random random, int index, Instant asOf) {
        Instant created = asOf.minus(Duration.ofMinutes(random.nextInt(180 * 24 * 60)));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        Map<String, Value> record = new LinkedHashMap<>();
        record.put("email", Value.of("person" + index + "@company" + (index % 5000) + ".example"));
        record.put("country", Value.of(country));
        if (country.equals("US")) {
            record.put("state", Value.of(STATES[random.nextInt(STATES.length)]));
            record.put("zip", Value.of(String.format("%05d", 10000 + random.nextInt(89999))));
        }
        Map<String, Value> company = new LinkedHashMap<>();
        company.put("employees", Value.of((int) Math.round(Math.exp(Math.log(5) + random.nextDouble()
                * (Math.log(20000) - Math.log(5))))));
        company.put("industry", Value.of(INDUSTRIES[random.nextInt(INDUSTRIES.length)]));
        if (random.nextInt(200) == 0) {
            company.put("competitor", Value.of(true));
        }
        if (random.nextInt(20) == 0) {
            company.put("owner_id", Value.of(String.format("owner-%02d", 1 + random.nextInt(OWNERS))));
        }
        Map<String, Value> deal = new LinkedHashMap<>();
        if (random.nextInt(12) == 0) {
            deal.put("amount", Value.of(Math.round(5000 * Math.exp(random.nextDouble() * Math.log(100)))));
            int status = random.nextInt(10);
            deal.put("status", Value.of(status < 6 ? "open" : status < 8 ? "closed_won" : "closed_lost"));
        }
        List<Signal> signals = new ArrayList<>();
        int signalCount = random.nextInt(13);
        long span = Math.max(1, Duration.between(created, asOf).toMinutes());
        for (int s = 0; s < signalCount; s++) {
            signals.add(new Signal(SIGNALS[random.nextInt(SIGNALS.length)],
                    created.plus(Duration.ofMinutes((long) (random.nextDouble() * span)))));
        }
        LifecycleStage stage = random.nextInt(5) == 0 ? LifecycleStage.SUBSCRIBER : LifecycleStage.LEAD;
        return new RecordHistory("rec-" + index, created, stage, Optional.empty(), record, company, deal, signals);
    }
}
