package dev.orchestrator.application.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void fields_with_commas_quotes_and_line_breaks_survive_a_round_trip() {
        List<String> row = List.of("co1", "Acme, Inc.", "say \"hi\"", "line one\nline two", "", "plain");
        StringWriter out = new StringWriter();
        Csv.writeRow(out, row);

        assertThat(Csv.read(new StringReader(out.toString()))).containsExactly(row);
    }

    @Test
    void only_fields_that_need_quotes_are_quoted() {
        StringWriter out = new StringWriter();
        Csv.writeRow(out, List.of("a", "b,c", "d\"e"));

        assertThat(out.toString()).isEqualTo("a,\"b,c\",\"d\"\"e\"\r\n");
    }

    @Test
    void rows_end_with_crlf_or_lf_and_the_last_line_break_is_optional() {
        assertThat(Csv.read(new StringReader("a,b\r\nc,d\ne,f"))).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"));
    }

    @Test
    void empty_fields_are_kept_in_place() {
        assertThat(Csv.read(new StringReader(",x,\n"))).containsExactly(List.of("", "x", ""));
    }

    @Test
    void rows_are_keyed_by_the_header_in_any_column_order() {
        List<Map<String, String>> rows = Csv.readWithHeader(new StringReader(
                "company_name,record_id\n\"Acme\nLtd\",r1\nZenith\n"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("record_id", "r1").containsEntry("company_name", "Acme\nLtd");
        assertThat(rows.get(1)).containsEntry("record_id", "").containsEntry("company_name", "Zenith");
    }
}
