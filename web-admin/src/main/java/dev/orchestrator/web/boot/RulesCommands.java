package dev.orchestrator.web.boot;

import dev.orchestrator.application.service.DryRunRulesetService;
import dev.orchestrator.domain.rules.Ruleset;
import dev.orchestrator.web.json.Json;
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
            default -> throw new Main.UsageError("unknown rules subcommand '" + args.get(0) + "'");
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
