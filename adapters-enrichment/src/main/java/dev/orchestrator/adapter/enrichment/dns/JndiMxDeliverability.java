package dev.orchestrator.adapter.enrichment.dns;

import dev.orchestrator.application.port.out.MailDeliverability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * RFC 5321 §5.1 over DNS: a domain receives mail when it has an MX record other than the "null MX" ({@code 0 .},
 * RFC 7505), or, with no MX at all, an A or AAAA record. A name that does not exist receives none. Anything
 * else (timeout, SERVFAIL, no network) is {@code UNKNOWN}, which never stops a lead.
 */
final class JndiMxDeliverability implements MailDeliverability {
    private final Duration timeout;
    private final int retries;

    JndiMxDeliverability(Duration timeout, int retries) {
        this.timeout = timeout;
        this.retries = retries;
    }

    @Override
    public Verdict check(String domain) {
        String name = domain.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Verdict.UNKNOWN;
        }
        DirContext dns = null;
        try {
            dns = new InitialDirContext(environment());
            Attributes mx = dns.getAttributes(name, new String[] {"MX"});
            Attribute records = mx.get("MX");
            if (records != null && records.size() > 0) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    values.add(String.valueOf(records.get(i)));
                }
                return onlyNullMx(values) ? Verdict.NO_MAIL_SERVER : Verdict.DELIVERABLE;
            }
            Attributes address = dns.getAttributes(name, new String[] {"A", "AAAA"});
            return address.size() > 0 ? Verdict.DELIVERABLE : Verdict.NO_MAIL_SERVER;
        } catch (NameNotFoundException e) {
            return Verdict.NO_MAIL_SERVER;
        } catch (NamingException | RuntimeException e) {
            return Verdict.UNKNOWN;
        } finally {
            if (dns != null) {
                try {
                    dns.close();
                } catch (NamingException e) {
                    // the lookup's answer stands; nothing is held open by a failed close
                }
            }
        }
    }

    /** MX records as DNS gives them ("10 mx.acme.com."); only "0 ." entries means the domain refuses mail. */
    static boolean onlyNullMx(List<String> records) {
        for (String record : records) {
            String[] parts = record.strip().split("\\s+");
            String host = parts.length > 1 ? parts[1] : "";
            if (!host.equals(".") && !host.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private Hashtable<String, String> environment() {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", Integer.toString(retries));
        return env;
    }
}
