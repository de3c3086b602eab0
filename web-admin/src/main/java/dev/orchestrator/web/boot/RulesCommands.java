package dev.orchestrator.web.boot;

import dev.orchestrator.application.service.DryRunRulesetService;
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

/** {@code rules test DIR} and {@code rules dry-run PROPOSED.yaml [--active FILE] [--json]}. */
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
                    throw new Main.UsageError("usage: rules dry-run PROPOSED.yaml [--active FILE] [--json]");
                }
                Optional<Path> activeFile = Optional.empty();
                boolean json = false;
                for (int i = 2; i < args.size(); i++) {
                    switch (args.get(i)) {
                        case "--json" -> json = true;
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
                return new RulesDryRunCommand(new DryRunRulesetService(), parser, Json.api()).run(active,
                        read(Path.of(args.get(1))), SandboxHistories.replayable(), ShippedRules.sandboxOwners(),
                        SandboxHistories.asOf(), json, out);
            }
            case "bench-mql" -> {
                return benchMql(args.subList(1, args.size()), out);
            }
            default -> throw new Main.UsageError("unknown rules subcommand '" + args.get(0) + "'");
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
