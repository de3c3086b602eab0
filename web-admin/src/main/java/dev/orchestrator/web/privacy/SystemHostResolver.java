package dev.orchestrator.web.privacy;

import dev.orchestrator.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's resolver, for the outbound URL policy. */
public final class SystemHostResolver implements HostResolver {
    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
