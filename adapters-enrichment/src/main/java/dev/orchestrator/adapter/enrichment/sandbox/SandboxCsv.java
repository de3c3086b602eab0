package dev.orchestrator.adapter.enrichment.sandbox;

import dev.orchestrator.application.port.out.enrichment.Headquarters;
import dev.orchestrator.application.port.out.enrichment.RegistrableDomain;
import dev.orchestrator.domain.crm.FundingStage;
import dev.orchestrator.domain.crm.Industry;
import dev.orchestrator.domain.crm.RevenueRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The sandbox file's format: RFC 4180 CSV with a header, technologies separated by {@code ;}. */
final class SandboxCsv {
    static final List<String> HEADER = List.of("name", "domain", "employees", "industry", "revenue_range",
            "funding_stage", "hq_country", "hq_state", "technologies");

    private SandboxCsv() {
    }

    static String write(List<SandboxCompany> companies) {
        StringBuilder out = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (SandboxCompany company : companies) {
            out.append(line(company)).append('\n');
        }
        return out.toString();
    }

    static String line(SandboxCompany company) {
        return String.join(",", List.of(
                quoted(company.name()),
                company.domain().value(),
                Integer.toString(company.employees()),
                company.industry().key(),
                company.revenueRange().key(),
                company.fundingStage().key(),
                company.headquarters().countryCode(),
                company.headquarters().region().orElse(""),
                quoted(String.join(";", company.technologies()))));
    }

    static List<SandboxCompany> read(String text) {
        List<SandboxCompany> companies = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || !Arrays.asList(fields(lines[0])).equals(HEADER)) {
            throw new IllegalArgumentException("sandbox firmographics: expected header " + HEADER);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = fields(lines[i]);
            if (f.length != HEADER.size()) {
                throw new IllegalArgumentException("sandbox firmographics line " + (i + 1) + ": expected "
                        + HEADER.size() + " columns, found " + f.length);
            }
            List<String> technologies = f[8].isEmpty() ? List.of() : List.of(f[8].split(";"));
            companies.add(new SandboxCompany(f[0], new RegistrableDomain(f[1]), Integer.parseInt(f[2]),
                    Industry.fromKey(f[3]), RevenueRange.fromKey(f[4]), FundingStage.fromKey(f[5]),
                    new Headquarters(f[6], Optional.of(f[7])), technologies));
        }
        return List.copyOf(companies);
    }

    private static String quoted(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n");
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String[] fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields.toArray(new String[0]);
    }
}
