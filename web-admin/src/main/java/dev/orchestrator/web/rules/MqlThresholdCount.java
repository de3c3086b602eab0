package dev.orchestrator.web.rules;

import dev.orchestrator.application.seed.SeedData;
import dev.orchestrator.application.seed.SeedData.SeedCompany;
import dev.orchestrator.application.seed.SeedData.SeedContact;
import dev.orchestrator.application.seed.SeedData.SeedDeal;
import dev.orchestrator.application.seed.SeedData.SeedSignal;
import dev.orchestrator.domain.crm.LifecycleStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The check a dry run is held to: the shipped default ruleset's fit scoring and lifecycle written out by hand in
 * plain Java, over the seeded data itself (not the histories the dry run reads, not the rule parser, not the
 * evaluator), for two MQL fit thresholds. It walks each contact through the same moments a replay does (when
 * created, at each signal, at {@code asOf}) and counts where each ends. If the dry run's stage matrix under a
 * changed threshold differs from these counts, one of the two is wrong.
 *
 * <p>It knows only the default ruleset's motions (subscriber engages, MQL on fit and intent, SQL on demo or
 * meeting, opportunity on an open deal, customer on a won deal, nurture after 90 days dark, re-engaged from
 * nurture); the seed has no competitor accounts, so the disqualification rule never fires on it. Owners do not
 * enter: no lifecycle rule of the default ruleset reads them.
 */
public final class MqlThresholdCount {
    private static final Set<String> ENGAGES = Set.of("form_submitted", "content_download", "webinar_attended",
            "demo_requested", "product_signup");
    private static final Set<String> INTENT = Set.of("pricing_page_view", "content_download", "webinar_attended");
    private static final Set<String> REENGAGES = Set.of("pricing_page_view", "content_download", "webinar_attended",
            "demo_requested");
    private static final Set<String> ICP_INDUSTRIES = Set.of("software", "manufacturing", "financial-services");
    private static final Set<String> CORE_MARKETS = Set.of("US", "CA", "GB", "DE", "FR", "NL", "IE");
    private static final Set<String> CRM_STACK = Set.of("salesforce", "hubspot");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);
    private static final Duration FOURTEEN_DAYS = Duration.ofDays(14);

    /**
     * {@code crossing}: contacts whose fit is at least the lower threshold but below the higher one and that have a
     * qualifying intent signal (the population a threshold change can move at all); {@code changedStage}: those
     * whose final stage differs; {@code matrix}: final stage under the first threshold × under the second.
     */
    public record Counts(int records, int crossing, int changedStage,
            Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix) {
    }

    private MqlThresholdCount() {
    }

    public static Counts count(SeedData data, Instant asOf, int activeThreshold, int proposedThreshold) {
        Map<String, SeedCompany> companies = new HashMap<>();
        data.companies().forEach(c -> companies.put(c.domain(), c));
        Map<String, SeedDeal> deals = new HashMap<>();
        for (SeedDeal deal : data.deals()) {
            for (String email : deal.contactEmails()) {
                SeedDeal known = deals.get(email);
                if (known == null || !deal.createdAt().isBefore(known.createdAt())) {
                    deals.put(email, deal);
                }
            }
        }
        int low = Math.min(activeThreshold, proposedThreshold);
        int high = Math.max(activeThreshold, proposedThreshold);
        int crossing = 0;
        int changed = 0;
        Map<LifecycleStage, Map<LifecycleStage, Integer>> matrix = new EnumMap<>(LifecycleStage.class);
        for (SeedContact contact : data.contacts()) {
            int fit = fit(contact, Optional.ofNullable(companies.get(contact.companyDomain())));
            Optional<SeedDeal> deal = Optional.ofNullable(deals.get(contact.email()));
            if (fit >= low && fit < high && contact.signals().stream().anyMatch(s -> INTENT.contains(s.type()))) {
                crossing++;
            }
            LifecycleStage before = finalStage(contact, fit, deal, asOf, activeThreshold);
            LifecycleStage after = finalStage(contact, fit, deal, asOf, proposedThreshold);
            changed += before != after ? 1 : 0;
            matrix.computeIfAbsent(before, s -> new EnumMap<>(LifecycleStage.class)).merge(after, 1, Integer::sum);
        }
        return new Counts(data.contacts().size(), crossing, changed, matrix);
    }

    /** The default ruleset's fit rules: size band, ICP industry, core market, CRM in the stack. */
    static int fit(SeedContact contact, Optional<SeedCompany> company) {
        int fit = 0;
        int employees = company.flatMap(SeedCompany::employees).orElse(-1);
        if (employees >= 1000) {
            fit += 25;
        } else if (employees >= 200) {
            fit += 20;
        } else if (employees >= 50) {
            fit += 10;
        }
        if (company.flatMap(SeedCompany::industry).map(i -> ICP_INDUSTRIES.contains(i.toLowerCase(Locale.ROOT)))
                .orElse(false)) {
            fit += 15;
        }
        if (CORE_MARKETS.contains(contact.country().toUpperCase(Locale.ROOT))) {
            fit += 5;
        }
        if (company.map(c -> c.technologies().stream().anyMatch(t -> CRM_STACK.contains(t.toLowerCase(Locale.ROOT))))
                .orElse(false)) {
            fit += 5;
        }
        return fit;
    }

    private static LifecycleStage finalStage(SeedContact contact, int fit, Optional<SeedDeal> deal, Instant asOf,
            int threshold) {
        LifecycleStage stage = contact.createdAs();
        for (Instant at : moments(contact, asOf)) {
            Set<LifecycleStage> visited = EnumSet.of(stage);
            while (true) {
                Optional<LifecycleStage> next = next(stage, contact.signals(), fit, deal, at, threshold);
                if (next.isEmpty()) {
                    break;
                }
                stage = next.get();
                if (!visited.add(stage)) {
                    break;
                }
            }
        }
        return stage;
    }

    private static Optional<LifecycleStage> next(LifecycleStage stage, List<SeedSignal> signals, int fit,
            Optional<SeedDeal> deal, Instant at, int threshold) {
        return switch (stage) {
            case SUBSCRIBER -> any(signals, ENGAGES, at, THIRTY_DAYS) ? Optional.of(LifecycleStage.LEAD)
                    : Optional.empty();
            case LEAD -> fit >= threshold && any(signals, INTENT, at, THIRTY_DAYS) ? Optional.of(LifecycleStage.MQL)
                    : dark(signals, at) ? Optional.of(LifecycleStage.NURTURE) : Optional.empty();
            case MQL -> any(signals, Set.of("demo_requested"), at, THIRTY_DAYS)
                    || any(signals, Set.of("meeting_booked"), at, THIRTY_DAYS) ? Optional.of(LifecycleStage.SQL)
                    : dark(signals, at) ? Optional.of(LifecycleStage.NURTURE) : Optional.empty();
            case SQL -> deal.filter(d -> d.amount() > 0 && d.status().equals("open")).isPresent()
                    ? Optional.of(LifecycleStage.OPPORTUNITY) : Optional.empty();
            case OPPORTUNITY -> deal.filter(d -> d.status().equals("closed_won")).isPresent()
                    ? Optional.of(LifecycleStage.CUSTOMER) : Optional.empty();
            case NURTURE -> fit >= threshold && any(signals, REENGAGES, at, FOURTEEN_DAYS)
                    ? Optional.of(LifecycleStage.MQL) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A signal of one of {@code types} no later than {@code at} and no earlier than {@code window} before it. */
    private static boolean any(List<SeedSignal> signals, Set<String> types, Instant at, Duration window) {
        Instant since = at.minus(window);
        for (SeedSignal signal : signals) {
            if (types.contains(signal.type()) && !signal.at().isAfter(at) && !signal.at().isBefore(since)) {
                return true;
            }
        }
        return false;
    }

    /** 90 whole days or more since the latest signal up to {@code at}; no signal at all is not "dark". */
    private static boolean dark(List<SeedSignal> signals, Instant at) {
        Instant latest = null;
        for (SeedSignal signal : signals) {
            if (!signal.at().isAfter(at) && (latest == null || signal.at().isAfter(latest))) {
                latest = signal.at();
            }
        }
        return latest != null && Duration.between(latest, at).toDays() >= 90;
    }

    private static List<Instant> moments(SeedContact contact, Instant asOf) {
        TreeSet<Instant> moments = new TreeSet<>();
        if (!contact.createdAt().isAfter(asOf)) {
            moments.add(contact.createdAt());
        }
        for (SeedSignal signal : contact.signals()) {
            if (!signal.at().isBefore(contact.createdAt()) && !signal.at().isAfter(asOf)) {
                moments.add(signal.at());
            }
        }
        moments.add(asOf);
        return new ArrayList<>(moments);
    }
}
