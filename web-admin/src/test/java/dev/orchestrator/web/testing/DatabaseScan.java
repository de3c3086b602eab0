package dev.orchestrator.web.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Searches every column of every table in every schema of a database for some text, case-insensitively: text and
 * json as text, bytea decoded ({@code encode(..., 'escape')}), arrays and everything else through its text form.
 * Nothing is excluded, so a table added later is scanned too.
 */
public final class DatabaseScan {
    private final String jdbcUrl;

    public DatabaseScan(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public record Column(String schema, String table, String column, String type) {
        String expression() {
            String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
            return type.equals("bytea") ? "encode(" + quoted + ", 'escape')" : quoted + "::text";
        }

        String from() {
            return "\"" + schema.replace("\"", "\"\"") + "\".\"" + table.replace("\"", "\"\"") + "\"";
        }
    }

    /** Every column of every ordinary table outside PostgreSQL's own catalogs. */
    public List<Column> columns() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                PreparedStatement statement = connection.prepareStatement("""
                        select c.table_schema, c.table_name, c.column_name, c.data_type
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where t.table_type = 'BASE TABLE'
                          and c.table_schema not in ('pg_catalog', 'information_schema')
                          and c.table_schema not like 'pg_toast%'
                        order by 1, 2, c.ordinal_position""");
                ResultSet rs = statement.executeQuery()) {
            List<Column> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return columns;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where any of the needles occurs, as {@code schema.table.column: needle (n rows)}. */
    public List<String> find(List<String> needles) {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            for (Column column : columns()) {
                for (String needle : needles) {
                    String sql = "select count(*) from " + column.from() + " where position(? in lower("
                            + column.expression() + ")) > 0";
                    try (PreparedStatement statement = connection.prepareStatement(sql)) {
                        statement.setString(1, needle.toLowerCase(Locale.ROOT));
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            long rows = rs.getLong(1);
                            if (rows > 0) {
                                found.add(column.schema() + "." + column.table() + "." + column.column() + ": "
                                        + needle + " (" + rows + " rows)");
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
