package dev.orchestrator.web.boot;

import dev.orchestrator.web.api.ApiAuth;
import dev.orchestrator.web.auth.AdminUser;
import dev.orchestrator.web.auth.PasswordHash;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the service reads from its environment (DESIGN.md, "Configuration"), checked at start-up so a
 * missing or unsafe value fails fast with its name. {@code toString} shows no secret.
 */
public record Settings(
        int port,
        Path dataDir,
        Optional<String> databaseUrl,
        String crm,
        Map<String, List<String>> webhookSecrets,
        Map<String, String> apiTokens,
        Optional<String> publicBaseUrl,
        int workerThreads,
        int databasePoolSize,
        boolean developmentSecrets,
        List<AdminUser> adminUsers) {

    /** Documented development secrets: accepted only while the CRM is the sandbox. */
    public static final String DEV_WEBHOOK_SECRET = "whsec_ZGV2LW9ubHktZm9ybS1zZWNyZXQtY2hhbmdlLW1l";
    public static final String DEV_API_TOKEN = "dev-admin-token";
    public static final String DEV_ADMIN_USER = "admin";
    public static final String DEV_ADMIN_PASSWORD = "dev-admin-password";
    static final List<String> DEFAULT_SOURCES = List.of("form", "activity");
    /** Sources with a shipped field map whose secret is optional outside the sandbox (issue #3). */
    static final List<String> OPTIONAL_SOURCES = List.of("calendar", "stripe", "hubspot");

    /** Settings without admin users (nobody can log in to the pages): for code that needs only the API. */
    public Settings(int port, Path dataDir, Optional<String> databaseUrl, String crm,
            Map<String, List<String>> webhookSecrets, Map<String, String> apiTokens, Optional<String> publicBaseUrl,
            int workerThreads, int databasePoolSize, boolean developmentSecrets) {
        this(port, dataDir, databaseUrl, crm, webhookSecrets, apiTokens, publicBaseUrl, workerThreads,
                databasePoolSize, developmentSecrets, List.of());
    }

    public static Settings fromEnvironment(Map<String, String> env, Optional<Integer> portFlag,
            Optional<Path> dataDirFlag) {
        String crm = env.getOrDefault("CRM", "sandbox").strip().toLowerCase(Locale.ROOT);
        if (!List.of("sandbox", "hubspot", "salesforce").contains(crm)) {
            throw new ConfigurationError("CRM", "must be sandbox, hubspot or salesforce, not '" + crm + "'");
        }
        boolean sandbox = crm.equals("sandbox");
        boolean devSecrets = false;
        Map<String, List<String>> secrets = new LinkedHashMap<>();
        for (String source : DEFAULT_SOURCES) {
            String name = "WEBHOOK_SECRET_" + source.toUpperCase(Locale.ROOT);
            List<String> values = csv(env.get(name));
            if (values.isEmpty()) {
                if (!sandbox) {
                    throw new ConfigurationError(name, "is required when CRM=" + crm);
                }
                values = List.of(DEV_WEBHOOK_SECRET);
                devSecrets = true;
            } else if (!sandbox && values.contains(DEV_WEBHOOK_SECRET)) {
                throw new ConfigurationError(name, "is the documented development secret; refused when CRM=" + crm);
            }
            secrets.put(source, values);
        }
        // Sources beyond the contract's first two: accepted when their secret is set, and in the sandbox with the
        // development secret; a real deployment that does not configure one simply has no such endpoint (404).
        for (String source : OPTIONAL_SOURCES) {
            String name = "WEBHOOK_SECRET_" + source.toUpperCase(Locale.ROOT);
            List<String> values = csv(env.get(name));
            if (!sandbox && values.contains(DEV_WEBHOOK_SECRET)) {
                throw new ConfigurationError(name, "is the documented development secret; refused when CRM=" + crm);
            }
            if (values.isEmpty() && sandbox) {
                values = List.of(DEV_WEBHOOK_SECRET);
            }
            if (!values.isEmpty()) {
                secrets.putIfAbsent(source, values);
            }
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String entry : csv(env.get("ORCH_API_TOKENS"))) {
            String[] parts = entry.split(":", 2);
            if (parts.length != 2 || !List.of("viewer", "operator", "admin").contains(parts[0]) || parts[1].isBlank()) {
                throw new ConfigurationError("ORCH_API_TOKENS", "entries must be role:token with role viewer, operator or admin");
            }
            tokens.put(parts[1], parts[0]);
        }
        if (tokens.isEmpty()) {
            if (!sandbox) {
                throw new ConfigurationError("ORCH_API_TOKENS", "is required when CRM=" + crm);
            }
            tokens.put(DEV_API_TOKEN, "admin");
            devSecrets = true;
        } else if (!sandbox && tokens.containsKey(DEV_API_TOKEN)) {
            throw new ConfigurationError("ORCH_API_TOKENS", "contains the development token; refused when CRM=" + crm);
        }
        List<AdminUser> adminUsers;
        try {
            adminUsers = AdminUser.parseList(env.getOrDefault("ORCH_ADMIN_USERS", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationError("ORCH_ADMIN_USERS", e.getMessage());
        }
        if (adminUsers.isEmpty()) {
            if (!sandbox) {
                throw new ConfigurationError("ORCH_ADMIN_USERS", "is required when CRM=" + crm);
            }
            adminUsers = List.of(new AdminUser(DEV_ADMIN_USER, ApiAuth.Role.ADMIN, PasswordHash.create(
                    DEV_ADMIN_PASSWORD, new SecureRandom(), PasswordHash.MIN_ITERATIONS)));
            devSecrets = true;
        } else if (!sandbox && adminUsers.stream().anyMatch(u -> u.password().matches(DEV_ADMIN_PASSWORD))) {
            throw new ConfigurationError("ORCH_ADMIN_USERS",
                    "has a user with the development password; refused when CRM=" + crm);
        }
        int port = portFlag.orElseGet(() -> integer(env, "PORT", 7070));
        Path dataDir = dataDirFlag.orElseGet(() -> Path.of(env.getOrDefault("DATA_DIR", "data")));
        return new Settings(port, dataDir, Optional.ofNullable(env.get("DATABASE_URL")).filter(s -> !s.isBlank()),
                crm, secrets, tokens, Optional.ofNullable(env.get("PUBLIC_BASE_URL")).filter(s -> !s.isBlank()),
                integer(env, "WORKER_THREADS", defaultWorkerThreads(crm, Runtime.getRuntime().availableProcessors())),
                integer(env, "DATABASE_POOL_SIZE", 16), devSecrets, adminUsers);
    }

    /**
     * Workers when {@code WORKER_THREADS} is not set. With the sandbox CRM all of a lead's work is CPU, the JVM's and
     * PostgreSQL's on the same processors: workers beyond them only take turns on them, and every lead costs more
     * (on two cores 7.0–7.8 ms of CPU a lead with two workers against 8.2–8.4 with three or four, for as many leads
     * a second, and the intake kept more of the machine; BENCHMARKS.md §2q). With HubSpot or Salesforce a worker waits
     * on the API for most of a lead, so it keeps four (README: raise it towards the CRM's rate limit).
     */
    static int defaultWorkerThreads(String crm, int processors) {
        return crm.equals("sandbox") ? Math.max(2, processors) : 4;
    }

    private static List<String> csv(String value) {
        List<String> values = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        return values;
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationError(name, "must be a whole number");
        }
    }

    @Override
    public String toString() {
        return "Settings[port=" + port + ", dataDir=" + dataDir + ", database="
                + (databaseUrl.isPresent() ? "external" : "embedded") + ", crm=" + crm + ", sources="
                + webhookSecrets.keySet() + ", adminUsers=" + adminUsers + ", workerThreads=" + workerThreads + "]";
    }

    /** A configuration value that is missing or unsafe; names the variable. */
    public static final class ConfigurationError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigurationError(String variable, String message) {
            super(variable + " " + message);
        }
    }
}
