-- Enrichment answers remembered per registrable domain, shared by every instance, so a second lead from the
-- same company calls no provider within the TTL. A row whose fields are all NULL is a negative entry
-- ("no provider knows this company"), written with a shorter lifetime. One column group per firmographic field
-- keeps its provider and confidence next to the value, so SQL alone can answer "where did this come from".
CREATE TABLE enrichment_cache (
    domain                  text PRIMARY KEY,
    stored_at               timestamptz NOT NULL,
    expires_at              timestamptz NOT NULL,
    employees               integer CHECK (employees >= 0),
    employees_provider      text,
    employees_confidence    double precision CHECK (employees_confidence BETWEEN 0 AND 1),
    industry                text,
    industry_provider       text,
    industry_confidence     double precision CHECK (industry_confidence BETWEEN 0 AND 1),
    revenue_range           text,
    revenue_provider        text,
    revenue_confidence      double precision CHECK (revenue_confidence BETWEEN 0 AND 1),
    funding_stage           text,
    funding_provider        text,
    funding_confidence      double precision CHECK (funding_confidence BETWEEN 0 AND 1),
    hq_country              char(2),
    hq_region               text,
    hq_provider             text,
    hq_confidence           double precision CHECK (hq_confidence BETWEEN 0 AND 1),
    technologies            text[],
    technologies_provider   text,
    technologies_confidence double precision CHECK (technologies_confidence BETWEEN 0 AND 1),
    CHECK (expires_at > stored_at),
    CHECK ((employees IS NULL) = (employees_provider IS NULL)),
    CHECK ((industry IS NULL) = (industry_provider IS NULL)),
    CHECK ((revenue_range IS NULL) = (revenue_provider IS NULL)),
    CHECK ((funding_stage IS NULL) = (funding_provider IS NULL)),
    CHECK ((hq_country IS NULL) = (hq_provider IS NULL)),
    CHECK ((technologies IS NULL) = (technologies_provider IS NULL))
);

-- The eviction sweep deletes by expiry.
CREATE INDEX enrichment_cache_expires_at_idx ON enrichment_cache (expires_at);
