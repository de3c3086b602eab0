/**
 * Merge rules: which value a record keeps when two sources disagree about one field. A {@link
 * dev.orchestrator.domain.merge.MergePolicy} holds a priority ranking of sources and one {@link
 * dev.orchestrator.domain.merge.FieldMergeRule} per field; every decision is a {@link
 * dev.orchestrator.domain.merge.MergeOutcome} naming the rule and saying why, so it can be audited.
 */
package dev.orchestrator.domain.merge;
