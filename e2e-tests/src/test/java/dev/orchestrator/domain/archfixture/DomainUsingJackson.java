package dev.orchestrator.domain.archfixture;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Deliberate violation: a domain class that uses a JSON library. */
public class DomainUsingJackson {
    final ObjectMapper mapper = new ObjectMapper();
}
