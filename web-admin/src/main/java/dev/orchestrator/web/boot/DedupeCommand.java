package dev.orchestrator.web.boot;

import dev.orchestrator.application.dedupe.BatchDedupe;
import dev.orchestrator.domain.shared.DomainViolation;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code dedupe --in RECORDS.csv --out CLUSTERS.csv}: clusters duplicate records, one output row per input. */
final class DedupeCommand {
    private DedupeCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        Path in = null;
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--in" -> in = Path.of(value(args, ++i, "--in"));
                case "--out" -> output = Path.of(value(args, ++i, "--out"));
                default -> throw new Main.UsageError("unknown option '" + args.get(i) + "'");
            }
        }
        if (in == null || output == null) {
            throw new Main.UsageError("usage: dedupe --in RECORDS.csv --out CLUSTERS.csv");
        }
        long start = System.nanoTime();
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            BatchDedupe.standard().run(reader, writer);
        } catch (DomainViolation e) {
            System.err.println("dedupe refused " + in + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.printf("wrote %s in %.1f s%n", output, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new Main.UsageError(option + " needs a file");
        }
        return args.get(index);
    }
}
