package dev.orchestrator.web.boot;

import dev.orchestrator.adapter.persistence.Database;
import dev.orchestrator.adapter.persistence.PersistenceAdapter;
import dev.orchestrator.application.rules.StoredEventHistories;
import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import dev.orchestrator.web.rules.DryRunPopulations;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.json.Json;
import dev.orchestrator.web.rules.MqlThresholdBenchmark;
import dev.orchestrator.web.rules.RulesDryRunCommand;
import dev.orchestrator.web.rules.RulesTestCommand;
import dev.orchestrator.web.rules.RulesetSyntaxError;
import dev.orchestrator.web.rules.RulesetYamlParser;
import dev.orchestrator.web.rules.ShippedRules;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code rules test DIR}, {@code rules dry-run PROPOSED.yaml [--active FILE] [--json] [--days N]} and
 * {@code rules bench-mql}.
 */
final class RulesCommands {
    private RulesCommands() {
    }

    static int run(List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            throw new Main.UsageError("rules needs a subcommand: test or dry-run");
        }
        RulesetYamlParser parser = new RulesetYamlParser();
        switch (args.get(0)) {
            case "test" -> {
                if (args.size() != 2) {
                    throw new Main.UsageError("usage: rules test DIR");
                }
                return new RulesTestCommand().run(Path.of(args.get(1)), active(parser, Optional.empty(), out),
                        ShippedRules.sandboxOwners(), out);
            }
            case "dry-run" -> {
                if (args.size() < 2) {
                    throw new Main.UsageError("usage: rules dry-run PROPOSED.yaml [--active FILE] [--json] [--days N [--data-dir DIR]]");
                }
                Optional<Path> activeFile = Optional.empty();
                Optional<Integer> days = Optional.empty();
                Optional<Path> dataDir = Optional.empty();
                boolean json = false;
                for (int i = 2; i < args.size(); i++) {
                    switch (args.get(i)) {
                        case "--json" -> json = true;
                        case "--days" -> days = Optional.of(days(args, ++i));
                        case "--data-dir" -> {
                            if (++i >= args.size()) {
                                throw new Main.UsageError("--data-dir needs a directory");
                            }
                            dataDir = Optional.of(Path.of(args.get(i)));
                        }
                        case "--active" -> {
                            if (++i >= args.size()) {
                                throw new Main.UsageError("--active needs a file");
                            }
                            activeFile = Optional.of(Path.of(args.get(i)));
                        }
                        default -> throw new Main.UsageError("unknown option '" + args.get(i) + "'");
                    }
                }
                Ruleset active = active(parser, activeFile, out);
                byte[] proposed = read(Path.of(args.get(1)));
                if (days.isPresent()) {
                    return storedEventsDryRun(active, proposed, days.get(), dataDir, json, out);
                }
                return new RulesDryRunCommand(new DryRunRulesetService(), parser, Json.api()).run(active,
                        proposed, SandboxHistories.replayable(), ShippedRules.sandboxOwners(),
                        SandboxHistories.asOf(), json, out);
            }
            case "bench-mql" -> {
                return benchMql(args.subList(1, args.size()), out);
            }
            default -> throw new Main.UsageError("unknown rules subcommand '" + args.get(0) + "'");
        }
    }

    private static int days(List<String> args, int index) {
        if (index >= args.size()) {
            throw new Main.UsageError("--days needs a number of days");
        }
        try {
            int days = Integer.parseInt(args.get(index));
            if (days >= 1 && days <= StoredEventHistories.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Main.UsageError("--days must be a whole number from 1 to " + StoredEventHistories.MAX_DAYS);
    }

    /**
     * {@code rules dry-run FILE --days N}: the contacts of the stored events of the last N days on this deployment's
     * database ({@code DATABASE_URL}, else the embedded one in the data directory), replayed in memory; the
     * database is only read. Owners come from the configured CRM as the server sees them.
     */
    private static int storedEventsDryRun(Ruleset active, byte[] proposed, int days, Optional<Path> dataDir,
            boolean json, PrintStream out) {
        Settings settings = Settings.fromEnvironment(System.getenv(), Optional.empty(), dataDir);
        try (Database database = Database.open(settings.databaseUrl(), settings.dataDir(), 2)) {
            java.time.Clock clock = java.time.Clock.systemUTC();
            PersistenceAdapter persistence = PersistenceAdapter.create(database.dataSource(), clock, new TimeOrderedIds());
            DryRunPopulations.Population population = Orchestrator.rulesPopulations(persistence, clock)
                    .storedEvents(days);
            if (!json) {
                out.println(population.description());
            }
            OwnerRoster owners = settings.crm().equals("sandbox") ? ShippedRules.sandboxOwners()
                    : OwnerRoster.of(Orchestrator.crm(settings, database, clock).owners().stream()
                            .map(owner -> new OwnerState(owner.id(), owner.active(), false, 0)).toList());
            return new RulesDryRunCommand(new DryRunRulesetService(), new RulesetYamlParser(), Json.api()).run(
                    active, proposed, population.records(), owners, population.asOf(), json, out);
        }
    }

    /**
     * {@code rules bench-mql [--records 25000] [--seed N] [--from 30] [--to 40]}: the seeded sandbox dry-run under
     * a moved MQL threshold, timed, and checked against a direct count; exit 1 when they disagree.
     */
    private static int benchMql(List<String> args, PrintStream out) {
        int records = SandboxHistories.RECORDS;
        long seed = SandboxHistories.SEED;
        int from = 30;
        int to = 40;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (++i >= args.size()) {
                throw new Main.UsageError(option + " needs a value");
            }
            try {
                switch (option) {
                    case "--records" -> records = Integer.parseInt(args.get(i));
                    case "--seed" -> seed = Long.parseLong(args.get(i));
                    case "--from" -> from = Integer.parseInt(args.get(i));
                    case "--to" -> to = Integer.parseInt(args.get(i));
                    default -> throw new Main.UsageError("unknown option '" + option + "'");
                }
            } catch (NumberFormatException e) {
                throw new Main.UsageError(option + " needs a whole number");
            }
        }
        java.time.Instant asOf = SandboxHistories.asOf();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            MqlThresholdBenchmark.Result result = new MqlThresholdBenchmark(new DryRunRulesetService(pool),
                    new RulesetYamlParser()).run(ShippedRules.defaultRulesetBytes(),
                    SandboxHistories.seedData(seed, records, asOf), ShippedRules.sandboxOwners(), asOf, from, to, out);
            return result.matches() ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code --active FILE}, else {@code RULESET_PATH}, else the shipped ruleset. */
    private static Ruleset active(RulesetYamlParser parser, Optional<Path> file, PrintStream out) {
        byte[] bytes = file.map(RulesCommands::read).orElseGet(Orchestrator::activeRulesetBytes);
        String name = file.map(Path::toString).orElseGet(() -> Optional.ofNullable(System.getenv("RULESET_PATH"))
                .filter(p -> !p.isBlank()).orElse("the shipped ruleset"));
        try {
            return parser.parse(bytes);
        } catch (RulesetSyntaxError e) {
            throw new Main.UsageError("active ruleset " + name + " refused: " + e.getMessage());
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
