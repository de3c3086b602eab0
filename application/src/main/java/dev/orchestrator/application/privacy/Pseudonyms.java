package dev.orchestrator.application.privacy;

import dev.orchestrator.domain.crm.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stable stand-in for an erased person: {@code forgotten-<hmac(email)>}. Keyed, so nobody without the key can
 * confirm a guessed email against it; stable, so every row of one person (and a second request to forget them)
 * gets the same pseudonym and reports still count one person.
 */
public final class Pseudonyms {
    /** A reserved top-level domain (RFC 2606): a pseudonymous email can never reach anyone. */
    public static final String EMAIL_DOMAIN = "forgotten.invalid";
    private static final String PREFIX = "forgotten-";
    private static final int MIN_KEY_BYTES = 16;

    private final byte[] key;

    public Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    public String of(EmailAddress email) {
        return of(email.value());
    }

    /** For text that may not be a valid email (a retention sweep over old payloads): lower-cased and trimmed. */
    public String of(String rawEmail) {
        byte[] mac = hmac(rawEmail.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(mac, 0, 10);
    }

    /** The pseudonym as an email address, for tables that need one (our contacts). */
    public EmailAddress emailOf(EmailAddress email) {
        return new EmailAddress(of(email) + "@" + EMAIL_DOMAIN);
    }

    public static boolean isPseudonym(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
