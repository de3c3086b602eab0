package dev.orchestrator.web.api;

import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens for {@code /api/*}: each token has a role (viewer &lt; operator &lt; admin). Tokens are compared
 * in constant time and never echoed.
 */
public final class ApiAuth {
    public enum Role { VIEWER, OPERATOR, ADMIN }

    private final Map<String, String> tokens;

    public ApiAuth(Map<String, String> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    /** Answers the caller's role, or throws 401 (no or unknown token) or 403 (a role below {@code needed}). */
    public Role require(Context ctx, Role needed) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ProblemException(Problem.ofField("unauthorized", "Authentication required", 401,
                    "send Authorization: Bearer <token>", "Authorization", "missing bearer token"));
        }
        Role role = roleOf(header.substring(7).strip()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new ProblemException(Problem.ofField("unauthorized", "Invalid token", 401,
                    "the bearer token is not known", "Authorization", "unknown token"));
        });
        if (role.ordinal() < needed.ordinal()) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    "this call needs the " + needed.name().toLowerCase(java.util.Locale.ROOT) + " role"));
        }
        return role;
    }

    private Optional<Role> roleOf(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
        Optional<Role> found = Optional.empty();
        for (Map.Entry<String, String> entry : List.copyOf(tokens.entrySet())) {
            if (MessageDigest.isEqual(given, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = Optional.of(Role.valueOf(entry.getValue().toUpperCase(java.util.Locale.ROOT)));
            }
        }
        return found;
    }
}
