package dev.orchestrator.application.validate;

import java.io.InputStream;
import java.util.Set;

/**
 * Throw-away mailbox providers (shipped list {@code intake/disposable-domains.txt}; a deployment may read a
 * longer list of the same format instead, see {@link #from(InputStream)}).
 */
public final class DisposableDomains {
    private final Set<String> domains;

    public DisposableDomains(Set<String> domains) {
        this.domains = Set.copyOf(domains);
    }

    public static DisposableDomains shipped() {
        return new DisposableDomains(DomainList.shipped("/intake/disposable-domains.txt"));
    }

    /** A list in the shipped format (one domain a line, '#' comments), e.g. an updated file on disk. */
    public static DisposableDomains from(InputStream in) {
        return new DisposableDomains(DomainList.read(in));
    }

    public boolean isDisposable(String domain) {
        return DomainList.covers(domains, domain);
    }

    public int size() {
        return domains.size();
    }
}
