package dev.orchestrator.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestrator.domain.shared.DomainViolation;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void parsingTrimsAndLowerCases() {
        assertThat(EmailAddress.parse("  Jane.Doe@Acme.CO.uk ").value()).isEqualTo("jane.doe@acme.co.uk");
    }

    @Test
    void theDomainIsWhatFollowsTheAt() {
        assertThat(EmailAddress.parse("jane@acme.co.uk").domain()).isEqualTo("acme.co.uk");
    }

    @Test
    void anAddressWithoutADotInTheDomainIsRefusedNamingTheField() {
        assertThatThrownBy(() -> EmailAddress.parse("jane@localhost"))
                .isInstanceOfSatisfying(DomainViolation.class, v -> assertThat(v.field()).isEqualTo("email"));
    }

    @Test
    void twoAtSignsAreRefused() {
        assertThatThrownBy(() -> EmailAddress.parse("jane@@acme.com")).isInstanceOf(DomainViolation.class);
    }

    @Test
    void plusAddressingIsKept() {
        assertThat(EmailAddress.parse("jane+crm@acme.com").localPart()).isEqualTo("jane+crm");
    }
}
