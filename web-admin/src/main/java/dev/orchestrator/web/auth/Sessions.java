package dev.orchestrator.web.auth;

import dev.orchestrator.web.api.ApiAuth.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions kept in memory, keyed by a random 256-bit id that only the session cookie carries. Each
 * session has its own CSRF token. A visitor who has not logged in yet gets an anonymous session, so the login
 * form carries a CSRF token too; logging in replaces it with a fresh id (no session fixation).
 */
public final class Sessions {
    private static final int MAX_SESSIONS = 50_000;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final Duration userIdle;
    private final Duration anonymousIdle;

    public Sessions(SecureRandom random, Clock clock, Duration userIdle, Duration anonymousIdle) {
        this.random = random;
        this.clock = clock;
        this.userIdle = userIdle;
        this.anonymousIdle = anonymousIdle;
    }

    /** A logged-in user, or an anonymous visitor (no username) who may only log in. */
    public record Session(String id, Optional<String> username, Optional<Role> role, String csrfToken,
            Instant expiresAt) {

        public boolean authenticated() {
            return username.isPresent();
        }

        /** Compares in constant time, so the token cannot be guessed byte by byte. */
        public boolean csrfMatches(String given) {
            return given != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    given.getBytes(StandardCharsets.UTF_8));
        }

        public boolean may(Role needed) {
            return role.map(r -> r.ordinal() >= needed.ordinal()).orElse(false);
        }
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!session.expiresAt().isAfter(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.id(), session.username(), session.role(), session.csrfToken(),
                now.plus(session.authenticated() ? userIdle : anonymousIdle));
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public Session anonymous() {
        return store(new Session(token(), Optional.empty(), Optional.empty(), token(),
                clock.instant().plus(anonymousIdle)));
    }

    /** Ends {@code previous} and opens a session for the user under a new id. */
    public Session logIn(Optional<Session> previous, AdminUser user) {
        previous.ifPresent(p -> sessions.remove(p.id()));
        return store(new Session(token(), Optional.of(user.username()), Optional.of(user.role()), token(),
                clock.instant().plus(userIdle)));
    }

    public void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public Duration userIdle() {
        return userIdle;
    }

    private Session store(Session session) {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant now = clock.instant();
            sessions.values().removeIf(s -> !s.expiresAt().isAfter(now) || !s.authenticated());
        }
        sessions.put(session.id(), session);
        return session;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
