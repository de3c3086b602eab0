package dev.orchestrator.domain.classification;

import java.util.Optional;

/** The known technologies a classifier may name; anything else is not a proposal we accept. */
public enum StackItem {
    KUBERNETES, SNOWFLAKE, DATABRICKS, POSTGRESQL, MYSQL, MONGODB, KAFKA, AWS, GCP, AZURE, TERRAFORM, SALESFORCE,
    HUBSPOT, SAP, SPARK, AIRFLOW, DBT, REACT, JAVA, PYTHON;

    /** The key in proposals, rules and audit evidence: the name in lower case. */
    public String key() {
        return Taxonomy.key(this);
    }

    public static Optional<StackItem> fromKey(String key) {
        return Taxonomy.fromKey(StackItem.class, key);
    }
}
