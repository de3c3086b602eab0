package dev.orchestrator.application.port.out;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** DNS, behind a port: the outbound URL policy checks every address a name resolves to. */
public interface HostResolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
