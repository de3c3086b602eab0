package dev.orchestrator.adapter.crm.hubspot;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Our canonical contact fields and the portal's internal property names for them (labels are not keys: a
 * portal may label {@code lifecyclestage} "Stage" and still expect the internal name), plus our lifecycle stage
 * keys and the portal's internal option values for them. Stages without an entry are sent as they are, so a
 * portal that lacks them answers with an invalid-option error that names the property.
 */
public record HubSpotFieldMap(Map<Field, String> properties, Map<String, String> lifecycleStages) {

    public enum Field { EMAIL, FIRST_NAME, LAST_NAME, COMPANY, PHONE, LIFECYCLE_STAGE, OWNER }

    public HubSpotFieldMap {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(lifecycleStages, "lifecycleStages");
        for (Field field : Field.values()) {
            String name = properties.get(field);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field map has no HubSpot property for " + field);
            }
        }
        if (Map.copyOf(properties).values().stream().distinct().count() != properties.size()) {
            throw new IllegalArgumentException("field map sends two fields to the same HubSpot property");
        }
        if (lifecycleStages.values().stream().distinct().count() != lifecycleStages.size()) {
            // reading a contact back must give one stage per portal value
            throw new IllegalArgumentException("field map sends two lifecycle stages to the same portal value");
        }
        properties = Map.copyOf(new EnumMap<>(properties));
        lifecycleStages = Map.copyOf(lifecycleStages);
    }

    /** HubSpot's default contact properties and default lifecycle stage options. */
    public static HubSpotFieldMap defaults() {
        Map<Field, String> properties = new EnumMap<>(Field.class);
        properties.put(Field.EMAIL, "email");
        properties.put(Field.FIRST_NAME, "firstname");
        properties.put(Field.LAST_NAME, "lastname");
        properties.put(Field.COMPANY, "company");
        properties.put(Field.PHONE, "phone");
        properties.put(Field.LIFECYCLE_STAGE, "lifecyclestage");
        properties.put(Field.OWNER, "hubspot_owner_id");
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("subscriber", "subscriber");
        stages.put("lead", "lead");
        stages.put("mql", "marketingqualifiedlead");
        stages.put("sql", "salesqualifiedlead");
        stages.put("opportunity", "opportunity");
        stages.put("customer", "customer");
        return new HubSpotFieldMap(properties, stages);
    }

    public HubSpotFieldMap withLifecycleStage(String ourKey, String portalValue) {
        Map<String, String> stages = new HashMap<>(lifecycleStages);
        stages.put(ourKey, portalValue);
        return new HubSpotFieldMap(properties, stages);
    }

    public String property(Field field) {
        return properties.get(field);
    }

    /** Which of our fields a portal property name carries, to name it in an error message. */
    public Optional<Field> fieldOf(String property) {
        return properties.entrySet().stream().filter(e -> e.getValue().equals(property)).map(Map.Entry::getKey)
                .findFirst();
    }

    String toPortalStage(String ourKey) {
        return lifecycleStages.getOrDefault(ourKey, ourKey);
    }

    String fromPortalStage(String portalValue) {
        return lifecycleStages.entrySet().stream().filter(e -> e.getValue().equals(portalValue))
                .map(Map.Entry::getKey).findFirst().orElse(portalValue);
    }
}
