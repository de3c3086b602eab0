package dev.orchestrator.web.pages;

import dev.orchestrator.application.dedupe.Csv;
import dev.orchestrator.application.port.in.audit.CrmAuditReport;
import dev.orchestrator.application.port.in.audit.DuplicateCluster;
import dev.orchestrator.application.port.in.audit.Finding;
import dev.orchestrator.application.port.in.audit.FindingKind;
import dev.orchestrator.application.port.out.crm.RecordField;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An audit report as pages and files show it: per kind the count, the share of its population and examples; the
 * duplicate clusters with their evidence; a bar chart. The same model renders the admin page, the self-contained
 * HTML report ({@code audit-report.jte}: inline CSS and SVG, no links out) and the CSV export.
 */
public record AuditReportView(String source, String at, long contacts, long companies, long owners, long deals,
        long requests, long problems, List<KindRow> kinds, List<ClusterRow> clusters, BarChart chart) {
    static final int EXAMPLES = 5;
    static final int CLUSTERS_SHOWN = 50;

    public record KindRow(String key, String title, long count, String percent, String population,
            List<ExampleRow> examples) {
    }

    public record ExampleRow(String recordType, String recordId, String field, String value, String detail,
            String proposed) {
    }

    public record ClusterRow(String recordType, String survivor, List<String> members, List<String> evidence) {
    }

    public static AuditReportView of(CrmAuditReport report) {
        List<KindRow> kinds = new ArrayList<>();
        List<BarChart.Point> points = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            long count = report.count(kind);
            String percent = String.format(Locale.ROOT, "%.1f%%", report.percent(kind));
            kinds.add(new KindRow(kind.key(), kind.title(), count, percent,
                    report.population(kind) + " " + kind.population().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    report.examples(kind, EXAMPLES).stream().map(AuditReportView::example).toList()));
            points.add(new BarChart.Point(kind.key(), count, "(" + percent + ")"));
        }
        List<ClusterRow> clusters = report.clusters().stream().limit(CLUSTERS_SHOWN).map(AuditReportView::cluster)
                .toList();
        return new AuditReportView(report.source(), Times.shown(report.at()), report.contacts(), report.companies(),
                report.owners(), report.deals(), report.requests(), report.findings().size(), kinds, clusters,
                BarChart.rows("audit-kinds", "Problems by kind",
                        "Records affected per kind of problem, with their share of the records checked", points,
                        "bar"));
    }

    private static ExampleRow example(Finding f) {
        return new ExampleRow(f.recordType().key(), f.recordId(), f.field().map(RecordField::key).orElse(""),
                f.value(), f.detail(), f.proposed().orElse(""));
    }

    private static ClusterRow cluster(DuplicateCluster c) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            members.add(c.recordIds().get(i) + " " + c.labels().get(i));
        }
        return new ClusterRow(c.recordType().key(), c.survivorId(), members, c.evidence());
    }

    /** Every finding, one row each (a spreadsheet-safe CSV: cells that would start a formula are quoted with '). */
    public static String csv(CrmAuditReport report) {
        StringWriter out = new StringWriter();
        Csv.writeRow(out, List.of("kind", "record_type", "record_id", "field", "value", "detail", "proposed"));
        for (Finding f : report.findings()) {
            Csv.writeRow(out, List.of(f.kind().key(), f.recordType().key(), safe(f.recordId()),
                    f.field().map(RecordField::key).orElse(""), safe(f.value()), safe(f.detail()),
                    safe(f.proposed().orElse(""))));
        }
        return out.toString();
    }

    /** The self-contained HTML report, for mailing or archiving. */
    public static String html(CrmAuditReport report) {
        StringOutput output = new StringOutput();
        TemplateEngine.createPrecompiled(ContentType.Html).render("audit-report.jte",
                Map.<String, Object>of("view", of(report)), output);
        return output.toString();
    }

    static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
