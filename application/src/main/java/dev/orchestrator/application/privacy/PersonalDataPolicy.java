package dev.orchestrator.application.privacy;

import dev.orchestrator.application.port.out.PayloadParser;
import dev.orchestrator.application.port.out.PayloadTree;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which stored values are personal and which are the decision skeleton. Allow-lists, not block-lists: a field a
 * new source adds is personal until someone decides otherwise. Company data is not personal and stays, so
 * reports by company, source and campaign still add up after a person is forgotten.
 */
public final class PersonalDataPolicy {
    /** Payload fields kept (their string values still scrubbed of the person's identifiers). */
    static final Set<String> KEPT_PAYLOAD_FIELDS = Set.of("id", "type", "submittedAt", "occurredAt", "company",
            "website", "country", "state", "consent", "budgetRange", "urgency", "utm", "source", "medium",
            "campaign");
    /** Headers kept: delivery id and time. Signatures go: they are MACs over the personal body. */
    static final Set<String> KEPT_HEADERS = Set.of("content-type", "webhook-id", "webhook-timestamp", "user-agent");
    /**
     * Audit evidence whose value is the person's own data (before/after values of a correction included; a
     * classifier's raw answer and summary, which retell the person's free text).
     */
    static final Set<String> PERSONAL_EVIDENCE = Set.of("email", "firstname", "lastname", "name", "phone", "from",
            "to", "value", "message", "rawanswer", "ai.technical_summary", "inviteename", "customer");
    /** Payload fields that hold the person's identity, read before erasing to know what to scrub. */
    private static final List<String> NAME_FIELDS = List.of("firstName", "lastName", "name", "fullName");
    private static final List<String> PHONE_FIELDS = List.of("phone", "mobile", "phoneNumber");

    private PersonalDataPolicy() {
    }

    /** The identifiers a stored payload holds: what to scrub from everything else written about it. */
    public static Identifiers identifiersIn(PayloadParser.Parsed parsed) {
        if (!(parsed instanceof PayloadParser.Ok ok) || !ok.tree().isObject()) {
            return Identifiers.none();
        }
        PayloadTree tree = ok.tree();
        Set<String> names = new LinkedHashSet<>();
        NAME_FIELDS.forEach(f -> tree.text(f).ifPresent(names::add));
        if (names.size() > 1) {
            names.add(tree.text("firstName").orElse("") + " " + tree.text("lastName").orElse(""));
        }
        Set<String> phones = new LinkedHashSet<>();
        PHONE_FIELDS.forEach(f -> tree.text(f).ifPresent(phones::add));
        return new Identifiers(tree.text("email").map(String::strip), names, phones);
    }

    /**
     * The payload with only non-personal fields, the email replaced by the pseudonym. A body that is not a JSON
     * object keeps nothing: its fields cannot be told apart.
     */
    public static byte[] erasedPayload(PayloadParser.Parsed parsed, Optional<String> pseudonym, Scrubber scrubber) {
        Map<String, Object> kept = new LinkedHashMap<>();
        if (parsed instanceof PayloadParser.Ok ok && ok.tree().root() instanceof Map<?, ?> root) {
            for (Map.Entry<?, ?> entry : root.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (KEPT_PAYLOAD_FIELDS.contains(key)) {
                    kept.put(key, scrubbed(entry.getValue(), scrubber));
                }
            }
        }
        pseudonym.ifPresent(p -> kept.put("email", p));
        kept.put("erased", true);
        return JsonText.write(kept).getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> erasedHeaders(Map<String, String> headers, Scrubber scrubber) {
        Map<String, String> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (KEPT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, scrubber.scrub(value));
            }
        });
        return kept;
    }

    /** Evidence keeps its keys (which values a decision read); personal values go, the rest is scrubbed. */
    public static Map<String, String> erasedEvidence(Map<String, String> evidence, Optional<String> pseudonym,
            Scrubber scrubber) {
        Map<String, String> erased = new LinkedHashMap<>();
        evidence.forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT);
            if (k.equals("email")) {
                erased.put(key, value.isEmpty() ? value : pseudonym.orElse(Scrubber.ERASED));
            } else if (PERSONAL_EVIDENCE.contains(k)) {
                erased.put(key, value.isEmpty() ? value : Scrubber.ERASED);
            } else {
                erased.put(key, scrubber.scrub(value));
            }
        });
        return erased;
    }

    /** The person's identifiers an audit entry's evidence holds, for scrubbing its other values and summary. */
    public static Identifiers identifiersIn(Map<String, String> evidence) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> phones = new LinkedHashSet<>();
        Optional<String> email = Optional.empty();
        for (Map.Entry<String, String> entry : evidence.entrySet()) {
            String k = entry.getKey().toLowerCase(Locale.ROOT);
            String value = entry.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            if (k.equals("email")) {
                email = Optional.of(value.strip());
            } else if (k.equals("phone")) {
                phones.add(value);
            } else if (PERSONAL_EVIDENCE.contains(k)) {
                names.add(value);
            }
        }
        return new Identifiers(email, names, phones);
    }

    private static Object scrubbed(Object value, Scrubber scrubber) {
        if (value instanceof String s) {
            return scrubber.scrub(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), scrubbed(v, scrubber)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> scrubbed(v, scrubber)).toList();
        }
        return value;
    }

    /** What identifies one person in stored text. */
    public record Identifiers(Optional<String> email, Set<String> names, Set<String> phones) {
        public Identifiers {
            names = Set.copyOf(names);
            phones = Set.copyOf(phones);
        }

        public static Identifiers none() {
            return new Identifiers(Optional.empty(), Set.of(), Set.of());
        }

        public Identifiers and(Identifiers other) {
            Set<String> n = new LinkedHashSet<>(names);
            n.addAll(other.names);
            Set<String> p = new LinkedHashSet<>(phones);
            p.addAll(other.phones);
            return new Identifiers(email.or(other::email), n, p);
        }

        public Scrubber scrubber(String pseudonym) {
            return Scrubber.of(email, pseudonym, names, phones);
        }
    }
}
