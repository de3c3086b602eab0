package dev.orchestrator.web.edge;

import io.javalin.http.Context;

/**
 * The headers every answer carries: no inline script or style (CSP), no framing, no MIME sniffing, no referrer
 * leaving the site; HSTS only when the request came over HTTPS (a plain-HTTP answer cannot set it meaningfully).
 */
public final class SecurityHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
