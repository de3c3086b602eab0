package dev.orchestrator.web.pages;

/** What every page's frame shows: who is logged in, the CSRF token its forms carry, what the user may do. */
public record Chrome(String username, String role, String csrfToken, boolean mayOperate) {

    public boolean loggedIn() {
        return !username.isEmpty();
    }
}
