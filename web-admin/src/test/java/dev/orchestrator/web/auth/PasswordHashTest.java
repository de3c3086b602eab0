package dev.orchestrator.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.web.api.ApiAuth.Role;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aHashMatchesItsPasswordAndNoOther() {
        PasswordHash hash = PasswordHash.create("correct horse battery", RANDOM, 1_000);

        assertThat(hash.matches("correct horse battery")).isTrue();
        assertThat(hash.matches("correct horse battery ")).isFalse();
    }

    @Test
    void anEncodedHashReadsBackTheSame() {
        PasswordHash hash = PasswordHash.create("correct horse battery", RANDOM, 1_000);

        PasswordHash read = PasswordHash.parse(hash.encode());

        assertThat(read).isEqualTo(hash);
        assertThat(hash.encode()).startsWith("pbkdf2-sha256$1000$");
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        assertThat(PasswordHash.create("same", RANDOM, 1_000).encode())
                .isNotEqualTo(PasswordHash.create("same", RANDOM, 1_000).encode());
    }

    @Test
    void aKnownVectorOfPbkdf2HmacSha256Matches() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1, first 32 bytes of the 64.
        PasswordHash vector = PasswordHash.parse("pbkdf2-sha256$1$c2FsdA==$VawEblbjCJ/sFpHCJUS2BflBhSFt3gRl5oudV8INrLw=");

        assertThat(vector.matches("passwd")).isTrue();
    }

    @Test
    void usersAreReadAsRoleUsernameHash() {
        String hash = PasswordHash.create("pw-of-ann-1234", RANDOM, 100_000).encode();

        List<AdminUser> users = AdminUser.parseList("operator:ann:" + hash + ", viewer:bob:" + hash);

        assertThat(users).extracting(AdminUser::username, AdminUser::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", Role.OPERATOR),
                        org.assertj.core.groups.Tuple.tuple("bob", Role.VIEWER));
    }

    @Test
    void aCheapHashIsRefusedInConfiguration() {
        String cheap = PasswordHash.create("pw", RANDOM, 1_000).encode();

        assertThatThrownBy(() -> AdminUser.parseList("admin:ann:" + cheap))
                .hasMessageContaining("at least 100000");
    }

    @Test
    void anUnknownRoleIsRefusedWithoutEchoingTheHash() {
        String hash = PasswordHash.create("pw", RANDOM, 100_000).encode();

        assertThatThrownBy(() -> AdminUser.parseList("root:ann:" + hash))
                .hasMessageContaining("viewer, operator or admin").hasMessageNotContaining(hash);
    }
}
