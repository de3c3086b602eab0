package dev.orchestrator.web.auth;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured admin users; checks a password in the same time whether or not the user exists. */
public final class AdminUsers {
    private final Map<String, AdminUser> byName;
    private final PasswordHash decoy;

    public AdminUsers(List<AdminUser> users) {
        this.byName = users.stream().collect(Collectors.toUnmodifiableMap(AdminUser::username, Function.identity()));
        int iterations = users.stream().mapToInt(u -> u.password().iterations()).max()
                .orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.decoy = PasswordHash.create("decoy", new SecureRandom(), iterations);
    }

    public Optional<AdminUser> authenticate(String username, String password) {
        AdminUser user = username == null ? null : byName.get(username.strip());
        if (user == null) {
            // Spend the same time as a real check, so timing does not reveal which usernames exist.
            decoy.matches(password == null ? "" : password);
            return Optional.empty();
        }
        return user.password().matches(password == null ? "" : password) ? Optional.of(user) : Optional.empty();
    }
}
