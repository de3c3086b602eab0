package dev.orchestrator.web.auth;

import dev.orchestrator.web.Problem;
import dev.orchestrator.web.ProblemException;
import dev.orchestrator.web.api.ApiAuth.Role;
import dev.orchestrator.web.pages.Chrome;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Login for the browser pages. Every page needs a logged-in session; every POST outside {@code /api} and
 * {@code /webhooks} needs the session's CSRF token in the form field {@value #CSRF_FIELD} (else 403). The
 * session cookie is {@code HttpOnly}, {@code SameSite=Strict}, and {@code Secure} when the request came over HTTPS.
 * {@code /health}, {@code /metrics}, {@code /webhooks/*}, {@code /static/*} are open; {@code /api/*} keeps its
 * bearer tokens.
 */
public final class BrowserAuth {
    public static final String COOKIE = "orch_session";
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION = "orch.session";
    private static final List<String> OPEN_PREFIXES = List.of("/webhooks/", "/static/", "/api/");
    private static final List<String> OPEN_PATHS = List.of("/health", "/metrics", "/favicon.ico");

    private final AdminUsers users;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public BrowserAuth(AdminUsers users, Sessions sessions, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public void install(RoutesConfig routes) {
        routes.before(this::guard);
        routes.get("/login", this::loginForm);
        routes.post("/login", this::logIn);
        routes.post("/logout", this::logOut);
    }

    /** The session a guarded handler runs in. */
    public static Sessions.Session session(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session on " + ctx.path() + ": the route is not behind the guard");
        }
        return session;
    }

    public static Chrome chrome(Context ctx) {
        Sessions.Session session = session(ctx);
        return new Chrome(session.username().orElse(""),
                session.role().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).orElse(""),
                session.csrfToken(), session.may(Role.OPERATOR));
    }

    /** Answers 403 unless the logged-in user has at least {@code needed}. */
    public static void requireRole(Context ctx, Role needed, String action) {
        if (!session(ctx).may(needed)) {
            throw new ProblemException(Problem.of("forbidden", "Forbidden", 403,
                    action + " needs the " + needed.name().toLowerCase(java.util.Locale.ROOT) + " role"));
        }
    }

    private void guard(Context ctx) {
        String path = ctx.path();
        if (OPEN_PATHS.contains(path) || OPEN_PREFIXES.stream().anyMatch(path::startsWith)) {
            return;
        }
        Optional<Sessions.Session> found = sessions.find(ctx.cookie(COOKIE));
        boolean reading = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        if (path.equals("/login")) {
            Sessions.Session session = found.orElseGet(() -> {
                Sessions.Session fresh = sessions.anonymous();
                setCookie(ctx, fresh.id(), -1);
                return fresh;
            });
            if (!reading) {
                checkCsrf(ctx, session);
            }
            ctx.attribute(SESSION, session);
            return;
        }
        if (found.isEmpty() || !found.get().authenticated()) {
            if (reading) {
                ctx.redirect("/login?next=" + URLEncoder.encode(path + (ctx.queryString() == null ? ""
                        : "?" + ctx.queryString()), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new ProblemException(Problem.ofField("csrf", "Not logged in", 403,
                    "this form needs a logged-in session and its CSRF token", CSRF_FIELD, "no session"));
        }
        if (!reading) {
            checkCsrf(ctx, found.get());
        }
        ctx.attribute(SESSION, found.get());
    }

    private static void checkCsrf(Context ctx, Sessions.Session session) {
        if (!session.csrfMatches(ctx.formParam(CSRF_FIELD))) {
            throw new ProblemException(Problem.ofField("csrf", "Missing or invalid CSRF token", 403,
                    "the form did not carry this session's CSRF token; reload the page and try again", CSRF_FIELD,
                    "missing or does not match the session"));
        }
    }

    private void loginForm(Context ctx) {
        Sessions.Session session = session(ctx);
        if (session.authenticated()) {
            ctx.redirect(next(ctx.queryParam("next")));
            return;
        }
        render(ctx, new LoginModel(next(ctx.queryParam("next")), "", ""));
    }

    private void logIn(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = next(ctx.formParam("next"));
        if (throttle.locked(username)) {
            ctx.status(429);
            render(ctx, new LoginModel(next, username, "Too many failed attempts for this user: try again in "
                    + throttle.window().toMinutes() + " minutes."));
            return;
        }
        Optional<AdminUser> user = users.authenticate(username, password);
        if (user.isEmpty()) {
            throttle.failed(username);
            ctx.status(401);
            render(ctx, new LoginModel(next, username, "Wrong username or password."));
            return;
        }
        throttle.succeeded(username);
        Sessions.Session session = sessions.logIn(Optional.of(session(ctx)), user.get());
        setCookie(ctx, session.id(), (int) sessions.userIdle().toSeconds());
        ctx.redirect(next);
    }

    private void logOut(Context ctx) {
        sessions.end(session(ctx).id());
        setCookie(ctx, "", 0);
        ctx.redirect("/login");
    }

    private static void render(Context ctx, LoginModel model) {
        ctx.render("login.jte", Map.of("model", model, "chrome", chrome(ctx)));
    }

    /** Only a local path: a login link must not become an open redirect to another site. */
    static String next(String requested) {
        if (requested == null || !requested.startsWith("/") || requested.startsWith("//")
                || requested.startsWith("/\\") || requested.startsWith("/login")) {
            return "/";
        }
        return requested;
    }

    private static void setCookie(Context ctx, String value, int maxAge) {
        boolean https = "https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        Cookie cookie = new Cookie(COOKIE, value, "/", maxAge, https, true, null, SameSite.STRICT);
        cookie.setPath("/");
        cookie.setMaxAge(maxAge);
        cookie.setSecure(https);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
    }

    /** The login page: where to go afterwards, the name typed, and what went wrong. */
    public record LoginModel(String next, String username, String error) {
    }
}
