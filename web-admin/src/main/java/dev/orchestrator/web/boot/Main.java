package dev.orchestrator.web.boot;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code java -jar crm-orchestrator.jar [serve] [--port N] [--data-dir DIR]} and the other commands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        int code;
        try {
            code = run(List.of(args), out, err);
        } catch (Settings.ConfigurationError e) {
            err.println("configuration error: " + e.getMessage());
            code = 2;
        } catch (UsageError e) {
            err.println(e.getMessage());
            err.println(USAGE);
            code = 2;
        }
        if (code != 0 || !List.of(args).isEmpty() && !isServe(List.of(args))) {
            out.flush();
            System.exit(code);
        }
    }

    static final String USAGE = """
            usage: java -jar crm-orchestrator.jar [command] [options]
              serve [--port 7070] [--data-dir ./data]          run the server (the default command)
              hash-password                                   read a password on stdin, print its hash for ORCH_ADMIN_USERS
              rules test DIR                                   run rule fixture files; exit 1 on any failure
              rules dry-run PROPOSED.yaml [--active FILE] [--json] [--days N [--data-dir DIR]]
                                                               replay the seeded sandbox data (or the stored events
                                                               of the last N days) under both rulesets
              rules bench-mql [--records 25000] [--from 30] [--to 40]
                                                               time a dry run under a moved MQL threshold, check it
                                                               against a direct count over the seeded data
              dedupe --in RECORDS.csv --out CLUSTERS.csv       batch dedupe: record_id,cluster_id per input record
              seed [--data-dir ./data] [--seed N]              (re)load the seeded sandbox CRM data
              forget --email X [--data-dir ./data]             erase a person's personal data (and in the CRM)
            """ + AuditCommands.USAGE;

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "serve" : rest.remove(0);
        switch (command) {
            case "serve":
                return serve(rest, out);
            case "hash-password":
                return hashPassword(out, err);
            case "rules":
                return RulesCommands.run(rest, out);
            case "dedupe":
                return DedupeCommand.run(rest, out);
            case "seed":
                return seed(rest, out);
            case "forget":
                return forget(rest, out, err);
            case "audit":
                return AuditCommands.audit(rest, out);
            case "backfill-crm":
                return AuditCommands.backfill(rest, out);
            case "backfill-identity":
                return AuditCommands.identity(rest, out);
            case "help":
            case "--help":
                out.println(USAGE);
                return 0;
            default:
                throw new UsageError("unknown command '" + command + "'");
        }
    }

    private static int forget(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> email = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--email" -> email = Optional.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                default -> throw new UsageError("unknown option '" + arg + "'");
            }
        }
        Settings settings = Settings.fromEnvironment(System.getenv(), Optional.empty(), dataDir);
        return ForgetCommand.run(settings, Orchestrator.securitySettings(),
                email.orElseThrow(() -> new UsageError("forget needs --email")), out, err);
    }

    private static boolean isServe(List<String> args) {
        return args.get(0).equals("serve") || args.get(0).startsWith("--");
    }

    private static int serve(List<String> args, PrintStream out) {
        Optional<Integer> port = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port" -> port = Optional.of(parsePort(value(args, ++i, arg)));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                default -> throw new UsageError("unknown option '" + arg + "'");
            }
        }
        Settings settings = Settings.fromEnvironment(System.getenv(), port, dataDir);
        Orchestrator orchestrator = Orchestrator.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(orchestrator::close, "shutdown"));
        out.println("crm-orchestrator is running");
        out.println("  admin:    http://localhost:" + orchestrator.port() + "/");
        out.println("  webhooks: http://localhost:" + orchestrator.port() + "/webhooks/{"
                + String.join("|", Orchestrator.sourceNames(settings)) + "}");
        out.println("  database: " + orchestrator.databaseDescription());
        out.println("  crm:      " + settings.crm());
        if (settings.developmentSecrets()) {
            out.println("  development webhook secret (sandbox only): " + Settings.DEV_WEBHOOK_SECRET);
            out.println("  development API token (sandbox only):      " + Settings.DEV_API_TOKEN);
            out.println("  development admin login (sandbox only):    " + Settings.DEV_ADMIN_USER + " / "
                    + Settings.DEV_ADMIN_PASSWORD);
        }
        out.flush();
        return 0;
    }

    /** Reads one line (not echoed on a terminal) and prints the {@code pbkdf2-sha256$…} hash for ORCH_ADMIN_USERS. */
    private static int hashPassword(PrintStream out, PrintStream err) {
        String password;
        java.io.Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            password = typed == null ? "" : new String(typed);
        } else {
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                        java.nio.charset.StandardCharsets.UTF_8)).readLine();
                password = line == null ? "" : line;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        if (password.length() < 12) {
            err.println("a password needs at least 12 characters");
            return 1;
        }
        out.println(dev.orchestrator.web.auth.PasswordHash.create(password, new java.security.SecureRandom(),
                dev.orchestrator.web.auth.PasswordHash.DEFAULT_ITERATIONS).encode());
        return 0;
    }

    private static int seed(List<String> args, PrintStream out) {
        Optional<Path> dataDir = Optional.empty();
        long seed = SandboxHistories.SEED;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                default -> throw new UsageError("unknown option '" + args.get(i) + "'");
            }
        }
        Settings settings = Settings.fromEnvironment(System.getenv(), Optional.empty(), dataDir);
        if (!settings.crm().equals("sandbox")) {
            throw new UsageError("seed loads the sandbox CRM only; CRM is " + settings.crm());
        }
        try (dev.orchestrator.adapter.persistence.Database database = dev.orchestrator.adapter.persistence.Database
                .open(settings.databaseUrl(), settings.dataDir(), 2)) {
            java.time.Clock clock = java.time.Clock.systemUTC();
            var persistence = dev.orchestrator.adapter.persistence.PersistenceAdapter.create(database.dataSource(),
                    clock, new TimeOrderedIds());
            var report = Orchestrator.seedSandbox(database, persistence, clock)
                    .seed(new dev.orchestrator.application.port.in.SeedSandboxUseCase.SeedCommand(seed,
                            Orchestrator.SEED_CONTACTS, false));
            out.printf("sandbox CRM seeded (seed %d): %d owners, %d companies, %d contacts, %d deals%n", seed,
                    report.owners(), report.companies(), report.contacts(), report.deals());
        }
        return 0;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new UsageError(option + " needs a value");
        }
        return args.get(index);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageError("--port must be a number from 0 to 65535");
    }

    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }
}
