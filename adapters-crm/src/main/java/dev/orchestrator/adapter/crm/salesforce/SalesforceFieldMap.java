package dev.orchestrator.adapter.crm.salesforce;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Our canonical fields and the API names of the org's fields for them. Contacts are Salesforce {@code Contact}
 * records, companies are {@code Account} records. Standard fields where Salesforce has one; the company name a
 * person typed and the lifecycle stage have no standard Contact field, so they default to custom fields the org
 * must create (see the module README), as does the external id that makes creating a contact idempotent.
 */
public record SalesforceFieldMap(Map<Field, String> fields) {

    public enum Field {
        EMAIL, FIRST_NAME, LAST_NAME, COMPANY, PHONE, LIFECYCLE_STAGE, OWNER,
        /** A unique, case-insensitive External ID field of type Email on Contact: the upsert key. */
        EXTERNAL_EMAIL,
        ACCOUNT_NAME, ACCOUNT_WEBSITE, CONTACT_ACCOUNT
    }

    public SalesforceFieldMap {
        Objects.requireNonNull(fields, "fields");
        for (Field field : Field.values()) {
            String name = fields.get(field);
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("Salesforce field map: " + field + " needs a field API name, not "
                        + name);
            }
        }
        fields = Map.copyOf(new EnumMap<>(fields));
    }

    public static SalesforceFieldMap defaults() {
        Map<Field, String> fields = new EnumMap<>(Field.class);
        fields.put(Field.EMAIL, "Email");
        fields.put(Field.FIRST_NAME, "FirstName");
        fields.put(Field.LAST_NAME, "LastName");
        fields.put(Field.COMPANY, "Company_Name__c");
        fields.put(Field.PHONE, "Phone");
        fields.put(Field.LIFECYCLE_STAGE, "Lifecycle_Stage__c");
        fields.put(Field.OWNER, "OwnerId");
        fields.put(Field.EXTERNAL_EMAIL, "Orchestrator_Email__c");
        fields.put(Field.ACCOUNT_NAME, "Name");
        fields.put(Field.ACCOUNT_WEBSITE, "Website");
        fields.put(Field.CONTACT_ACCOUNT, "AccountId");
        return new SalesforceFieldMap(fields);
    }

    public String field(Field field) {
        return fields.get(field);
    }
}
