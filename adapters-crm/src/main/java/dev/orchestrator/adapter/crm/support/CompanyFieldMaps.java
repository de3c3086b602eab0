package dev.orchestrator.adapter.crm.support;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What HubSpot's company-property map and Salesforce's Account-field map do alike: take their two settings
 * ({@code field=name,...} and {@code ourKey=option,...}) over the defaults, move one field, stay one-to-one, and carry
 * our industry key to the CRM's option and back. Which names a CRM accepts, its defaults, its setting names and its
 * error wording stay with that CRM: they are part of what its contract tests pin.
 */
public final class CompanyFieldMaps {
    private CompanyFieldMaps() {
    }

    /** One pair of a setting applied to a CRM's field map; the maps are immutable, so this gives the changed one. */
    @FunctionalInterface
    public interface Remap<M, K> {
        M with(M map, K key, String value);
    }

    /**
     * {@code defaults} with the field setting's pairs applied, then the industry setting's. Each setting is read whole
     * before its first pair is applied, so a malformed one is reported before a name the CRM rejects.
     */
    public static <M> M fromSettings(M defaults, Map<String, String> env, String fieldSetting,
            Remap<M, CompanyProfileField> withField, String industrySetting, Remap<M, String> withIndustry) {
        M map = defaults;
        for (Map.Entry<String, String> pair : pairs(env.get(fieldSetting)).entrySet()) {
            CompanyProfileField field;
            try {
                field = CompanyProfileField.valueOf(pair.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(fieldSetting + ": unknown field " + pair.getKey());
            }
            map = withField.with(map, field, pair.getValue());
        }
        for (Map.Entry<String, String> pair : pairs(env.get(industrySetting)).entrySet()) {
            map = withIndustry.with(map, pair.getKey(), pair.getValue());
        }
        return map;
    }

    /** {@code names} with {@code field} sent to {@code name}; a blank name leaves the field out of the CRM. */
    public static Map<CompanyProfileField, String> remapped(Map<CompanyProfileField, String> names,
            CompanyProfileField field, String name) {
        Map<CompanyProfileField, String> changed = new EnumMap<>(CompanyProfileField.class);
        changed.putAll(names);
        if (name == null || name.isBlank()) {
            changed.remove(field);
        } else {
            changed.put(field, name.strip());
        }
        return changed;
    }

    public static Map<String, String> withIndustry(Map<String, String> options, String ourKey, String crmOption) {
        Map<String, String> changed = new HashMap<>(options);
        changed.put(ourKey, crmOption);
        return changed;
    }

    /** Reading a company back needs one key per CRM name or option, so a map sending two keys to one is refused. */
    public static void requireOneToOne(Map<?, String> map, String problem) {
        if (map.values().stream().distinct().count() != map.size()) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** An immutable copy; an empty map is its own case, as an EnumMap can only copy a non-empty plain map. */
    public static Map<CompanyProfileField, String> frozen(Map<CompanyProfileField, String> names) {
        return names.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(names));
    }

    /** An industry without an option is sent as our key, so the CRM's invalid-option answer names it. */
    public static String toCrm(Map<String, String> industryOptions, CompanyProfileField field, String value) {
        return field == CompanyProfileField.INDUSTRY ? industryOptions.getOrDefault(value, value) : value;
    }

    public static String fromCrm(Map<String, String> industryOptions, CompanyProfileField field, String value) {
        if (field != CompanyProfileField.INDUSTRY) {
            return value;
        }
        return industryOptions.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                .findFirst().orElse(value);
    }

    private static Map<String, String> pairs(String text) {
        // kept in the order written: a field can take a name only after the field holding it has given it up
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got '" + part.strip() + "'");
            }
            pairs.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return pairs;
    }
}
