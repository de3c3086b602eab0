package dev.orchestrator.adapter.crm.sandbox;

import dev.orchestrator.application.port.out.crm.CompanyProfileField;
import dev.orchestrator.application.port.out.crm.CrmCompanyProfiles;
import dev.orchestrator.application.port.out.crm.CrmFailure;
import dev.orchestrator.domain.crm.CrmObjectId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Firmographic columns of the sandbox CRM's {@code companies} table. */
final class SandboxCompanyProfiles implements CrmCompanyProfiles {
    private static final Map<CompanyProfileField, String> COLUMNS = new EnumMap<>(Map.of(
            CompanyProfileField.INDUSTRY, "industry",
            CompanyProfileField.EMPLOYEES, "numberofemployees",
            CompanyProfileField.COUNTRY, "country",
            CompanyProfileField.STATE, "state",
            CompanyProfileField.REVENUE_RANGE, "revenue_range",
            CompanyProfileField.FUNDING_STAGE, "funding_stage"));

    private final Jdbi jdbi;
    private final Clock clock;

    SandboxCompanyProfiles(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Map<CompanyProfileField, String> read(CrmObjectId companyId) {
        long id = parseId(companyId);
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select industry, numberofemployees::text as numberofemployees, country, state, revenue_range,
                            funding_stage from sandbox_crm.companies where id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> {
                    Map<CompanyProfileField, String> values = new EnumMap<>(CompanyProfileField.class);
                    for (Map.Entry<CompanyProfileField, String> column : COLUMNS.entrySet()) {
                        String value = rs.getString(column.getValue());
                        if (value != null && !value.isBlank()) {
                            values.put(column.getKey(), value);
                        }
                    }
                    return values;
                })
                .findOne()
                .orElseThrow(() -> unknown(companyId)));
    }

    @Override
    public void write(CrmObjectId companyId, Map<CompanyProfileField, String> values) {
        if (values.isEmpty()) {
            return;
        }
        long id = parseId(companyId);
        // Column names come from the fixed map above, never from the caller.
        StringBuilder sql = new StringBuilder("update sandbox_crm.companies set lastmodifieddate = :now");
        values.keySet().forEach(field -> sql.append(", ").append(COLUMNS.get(field)).append(" = :")
                .append(field.key()));
        sql.append(" where id = :id");
        int updated = jdbi.withHandle(handle -> {
            var update = handle.createUpdate(sql.toString()).bind("now", Timestamp.from(clock.instant()))
                    .bind("id", id);
            values.forEach((field, value) -> {
                if (field == CompanyProfileField.EMPLOYEES) {
                    update.bind(field.key(), Integer.valueOf(value));
                } else {
                    update.bind(field.key(), value);
                }
            });
            return update.execute();
        });
        if (updated == 0) {
            throw unknown(companyId);
        }
    }

    private static long parseId(CrmObjectId id) {
        try {
            return Long.parseLong(id.value());
        } catch (NumberFormatException e) {
            throw unknown(id);
        }
    }

    private static CrmFailure unknown(CrmObjectId id) {
        return new CrmFailure(CrmFailure.Kind.REVIEW, "no company " + id.value() + " in the sandbox CRM");
    }
}
