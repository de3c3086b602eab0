package dev.orchestrator.adapter.persistence;

import dev.orchestrator.application.port.out.CompanyDirectory;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

final class JdbiCompanyDirectory implements CompanyDirectory {
    private final HandleContext db;

    JdbiCompanyDirectory(HandleContext db) {
        this.db = db;
    }

    @Override
    public Optional<KnownCompany> find(String domain) {
        return db.with(handle -> handle.createQuery("select * from companies where domain = :domain")
                .bind("domain", domain)
                .map((rs, ctx) -> company(rs))
                .findOne());
    }

    @Override
    public void save(KnownCompany company) {
        db.write("""
                        insert into companies (domain, name, crm_id, employees, industry, revenue_range, funding_stage,
                            country, state, technologies, updated_at)
                        values (:domain, :name, :crmId, :employees, :industry, :revenue, :funding, :country, :state,
                            :technologies, :updatedAt)
                        on conflict (domain) do update set name = excluded.name, crm_id = excluded.crm_id,
                            employees = excluded.employees, industry = excluded.industry,
                            revenue_range = excluded.revenue_range, funding_stage = excluded.funding_stage,
                            country = excluded.country, state = excluded.state, technologies = excluded.technologies,
                            updated_at = excluded.updated_at""",
                update -> update.bind("domain", company.domain())
                        .bind("name", company.name().map(Text::safe).orElse(null))
                        .bind("crmId", company.crmId().orElse(null))
                        .bind("employees", company.employees().orElse(null))
                        .bind("industry", company.industry().orElse(null))
                        .bind("revenue", company.revenueRange().orElse(null))
                        .bind("funding", company.fundingStage().orElse(null))
                        .bind("country", company.country().orElse(null))
                        .bind("state", company.state().orElse(null))
                        .bindArray("technologies", String.class, company.technologies())
                        .bind("updatedAt", Timestamp.from(company.updatedAt())));
    }

    private static KnownCompany company(ResultSet rs) throws SQLException {
        Array technologies = rs.getArray("technologies");
        int employees = rs.getInt("employees");
        Optional<Integer> employeeCount = rs.wasNull() ? Optional.empty() : Optional.of(employees);
        return new KnownCompany(rs.getString("domain"), Optional.ofNullable(rs.getString("name")),
                Optional.ofNullable(rs.getString("crm_id")), employeeCount,
                Optional.ofNullable(rs.getString("industry")), Optional.ofNullable(rs.getString("revenue_range")),
                Optional.ofNullable(rs.getString("funding_stage")), Optional.ofNullable(rs.getString("country")),
                Optional.ofNullable(rs.getString("state")),
                technologies == null ? List.of() : List.of((String[]) technologies.getArray()),
                rs.getTimestamp("updated_at").toInstant());
    }
}
