package dev.orchestrator.web.rules;

import dev.orchestrator.application.rules.FixtureReport;
import dev.orchestrator.application.rules.RuleFixture;
import dev.orchestrator.application.rules.RuleFixtureRunner;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.Ruleset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code rules test DIR}: every {@code *.yaml} / {@code *.yml} under DIR except {@code owners.yaml} is a fixture
 * file; {@code DIR/owners.yaml}, when present, replaces the given owner directory. Prints the report and returns
 * the exit code: 0 when all pass, 1 on any failure or unreadable file.
 */
public final class RulesTestCommand {
    public static final String OWNERS_FILE = "owners.yaml";

    private final RuleFixtureYamlParser fixtures = new RuleFixtureYamlParser();
    private final OwnersYamlParser ownersParser = new OwnersYamlParser();
    private final RuleFixtureRunner runner = new RuleFixtureRunner();

    public int run(Path directory, Ruleset ruleset, OwnerRoster owners, PrintStream out) {
        try {
            FixtureReport report = report(directory, ruleset, owners);
            out.print(report.render());
            return report.allPassed() && !report.results().isEmpty() ? 0 : 1;
        } catch (FixtureFileError e) {
            out.println("FAIL " + e.file + ": " + e.getCause().getMessage());
            return 1;
        }
    }

    /** Loads and runs the fixtures; a file that cannot be read is a {@link FixtureFileError} naming it. */
    public FixtureReport report(Path directory, Ruleset ruleset, OwnerRoster owners) {
        OwnerRoster directoryOwners = owners;
        Path ownersFile = directory.resolve(OWNERS_FILE);
        if (Files.isRegularFile(ownersFile)) {
            directoryOwners = read(ownersFile, directory, bytes -> ownersParser.parse(bytes));
        }
        List<RuleFixture> all = new ArrayList<>();
        for (Path file : fixtureFiles(directory)) {
            OwnerRoster roster = directoryOwners;
            all.addAll(read(file, directory, bytes -> fixtures.parse(directory.relativize(file).toString(), bytes,
                    roster)));
        }
        return runner.run(ruleset, directoryOwners, all);
    }

    private static List<Path> fixtureFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .filter(file -> !file.getFileName().toString().equals(OWNERS_FILE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list fixtures in " + directory, e);
        }
    }

    private interface Reader<T> {
        T read(byte[] bytes);
    }

    private static <T> T read(Path file, Path directory, Reader<T> reader) {
        try {
            return reader.read(Files.readAllBytes(file));
        } catch (RulesetSyntaxError e) {
            throw new FixtureFileError(directory.relativize(file).toString(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A fixture or owners file that could not be parsed; the message says which and where. */
    public static final class FixtureFileError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String file;

        FixtureFileError(String file, RulesetSyntaxError cause) {
            super(file + ": " + cause.getMessage(), cause);
            this.file = file;
        }

        public String file() {
            return file;
        }
    }
}
