package dev.orchestrator.application.port.out.enrichment;

import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import dev.orchestrator.domain.shared.Require;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What enrichment knows about a company, each field carrying its provider and confidence. Absent means no
 * provider has said anything yet, which is what lets a waterfall fill only the gaps.
 */
public record Firmographics(
        Optional<Sourced<Integer>> employees,
        Optional<Sourced<Industry>> industry,
        Optional<Sourced<RevenueRange>> revenueRange,
        Optional<Sourced<FundingStage>> fundingStage,
        Optional<Sourced<Headquarters>> headquarters,
        Optional<Sourced<List<String>>> technologies) {

    public Firmographics {
        Require.present("employees", employees);
        Require.present("industry", industry);
        Require.present("revenueRange", revenueRange);
        Require.present("fundingStage", fundingStage);
        Require.present("headquarters", headquarters);
        Require.present("technologies", technologies);
        employees.ifPresent(e -> Require.that(e.value() >= 0, "employees", "must not be negative"));
        // An empty technology list says nothing; keep it absent so a later provider may fill it.
        technologies = technologies.filter(t -> !t.value().isEmpty())
                .map(t -> Sourced.of(List.copyOf(t.value()), t.provider(), t.confidence()));
    }

    public static Firmographics empty() {
        return new Firmographics(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public Firmographics withEmployees(Sourced<Integer> value) {
        return new Firmographics(Optional.of(value), industry, revenueRange, fundingStage, headquarters,
                technologies);
    }

    public Firmographics withIndustry(Sourced<Industry> value) {
        return new Firmographics(employees, Optional.of(value), revenueRange, fundingStage, headquarters,
                technologies);
    }

    public Firmographics withRevenueRange(Sourced<RevenueRange> value) {
        return new Firmographics(employees, industry, Optional.of(value), fundingStage, headquarters,
                technologies);
    }

    public Firmographics withFundingStage(Sourced<FundingStage> value) {
        return new Firmographics(employees, industry, revenueRange, Optional.of(value), headquarters,
                technologies);
    }

    public Firmographics withHeadquarters(Sourced<Headquarters> value) {
        return new Firmographics(employees, industry, revenueRange, fundingStage, Optional.of(value),
                technologies);
    }

    public Firmographics withTechnologies(Sourced<List<String>> value) {
        return new Firmographics(employees, industry, revenueRange, fundingStage, headquarters,
                Optional.of(value));
    }

    /** Keeps every field this record has and takes from {@code later} only the ones still missing. */
    public Firmographics fillMissingFrom(Firmographics later) {
        return new Firmographics(
                employees.or(later::employees),
                industry.or(later::industry),
                revenueRange.or(later::revenueRange),
                fundingStage.or(later::fundingStage),
                headquarters.or(later::headquarters),
                technologies.or(later::technologies));
    }

    public Set<FirmographicField> present() {
        Set<FirmographicField> fields = EnumSet.noneOf(FirmographicField.class);
        employees.ifPresent(v -> fields.add(FirmographicField.EMPLOYEES));
        industry.ifPresent(v -> fields.add(FirmographicField.INDUSTRY));
        revenueRange.ifPresent(v -> fields.add(FirmographicField.REVENUE_RANGE));
        fundingStage.ifPresent(v -> fields.add(FirmographicField.FUNDING_STAGE));
        headquarters.ifPresent(v -> fields.add(FirmographicField.HEADQUARTERS));
        technologies.ifPresent(v -> fields.add(FirmographicField.TECHNOLOGIES));
        return fields;
    }

    public Set<FirmographicField> missing() {
        Set<FirmographicField> fields = EnumSet.allOf(FirmographicField.class);
        fields.removeAll(present());
        return fields;
    }

    public boolean isEmpty() {
        return present().isEmpty();
    }

    public boolean isComplete() {
        return missing().isEmpty();
    }

    /** The field's provider, for the audit line of a merge. */
    public Optional<Sourced<?>> field(FirmographicField field) {
        switch (field) {
            case EMPLOYEES:
                return employees.map(v -> v);
            case INDUSTRY:
                return industry.map(v -> v);
            case REVENUE_RANGE:
                return revenueRange.map(v -> v);
            case FUNDING_STAGE:
                return fundingStage.map(v -> v);
            case HEADQUARTERS:
                return headquarters.map(v -> v);
            case TECHNOLOGIES:
                return technologies.map(v -> v);
            default:
                throw new IllegalArgumentException("unknown field " + field);
        }
    }

    /** The field's value as the audit and the rules print it: keys for enums, {@code US/CA} for a location. */
    public Optional<String> display(FirmographicField field) {
        return field(field).map(sourced -> render(sourced.value()));
    }

    private static String render(Object value) {
        if (value instanceof Industry industry) {
            return industry.key();
        }
        if (value instanceof RevenueRange range) {
            return range.key();
        }
        if (value instanceof FundingStage stage) {
            return stage.key();
        }
        if (value instanceof Headquarters hq) {
            return hq.countryCode() + hq.region().map(r -> "/" + r).orElse("");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}
