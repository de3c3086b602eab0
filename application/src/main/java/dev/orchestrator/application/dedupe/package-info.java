/**
 * Batch dedupe over the CLI contract ({@code record_id, company_name, domain, website, email, first_name,
 * last_name, phone, city, country} in, {@code record_id,cluster_id} out): {@link
 * dev.orchestrator.application.dedupe.BatchDedupe} prepares records with
 * {@link dev.orchestrator.application.dedupe.MatchRecordFactory} (Guava public-suffix domains, libphonenumber
 * E.164), blocks, scores candidates and clusters {@code Duplicate} pairs with a conflict-aware union-find;
 * {@link dev.orchestrator.application.dedupe.ClusterMetrics} scores a clustering exactly as the benchmark README
 * defines it; {@link dev.orchestrator.application.dedupe.InMemoryIdentityIndex} is the lookup side: the in-memory
 * implementation of the {@link dev.orchestrator.application.port.out.IdentityIndex} port (PostgreSQL holds the
 * service's own, in {@code adapters-persistence}).
 */
package dev.orchestrator.application.dedupe;
