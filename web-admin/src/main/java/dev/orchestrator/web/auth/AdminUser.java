package dev.orchestrator.web.auth;

import dev.orchestrator.web.api.ApiAuth.Role;
import java.util.List;
import java.util.Locale;

/** A person who may log in to the admin pages, with one role (viewer &lt; operator &lt; admin). */
public record AdminUser(String username, Role role, PasswordHash password) {

    public AdminUser {
        if (username == null || username.isBlank() || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new IllegalArgumentException("a username is 1 to 64 letters, digits, '.', '_', '@' or '-'");
        }
    }

    /**
     * Reads {@code ORCH_ADMIN_USERS}: comma-separated {@code role:username:hash}, where hash is what
     * {@code java -jar crm-orchestrator.jar hash-password} prints.
     */
    public static List<AdminUser> parseList(String value) {
        List<AdminUser> users = new java.util.ArrayList<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3 || !List.of("viewer", "operator", "admin").contains(parts[0])) {
                throw new IllegalArgumentException(
                        "entries must be role:username:pbkdf2-sha256$… with role viewer, operator or admin");
            }
            PasswordHash hash = PasswordHash.parse(parts[2]);
            if (hash.iterations() < PasswordHash.MIN_ITERATIONS) {
                throw new IllegalArgumentException("the hash of " + parts[1] + " has " + hash.iterations()
                        + " iterations; at least " + PasswordHash.MIN_ITERATIONS + " are required");
            }
            AdminUser user = new AdminUser(parts[1], Role.valueOf(parts[0].toUpperCase(Locale.ROOT)), hash);
            if (users.stream().anyMatch(u -> u.username().equals(user.username()))) {
                throw new IllegalArgumentException("the user " + user.username() + " is listed twice");
            }
            users.add(user);
        }
        return List.copyOf(users);
    }

    @Override
    public String toString() {
        return "AdminUser[" + username + ", " + role + "]";
    }
}
