package dev.orchestrator.adapter.crm.archfixture;

import dev.orchestrator.web.Problem;

/** Deliberate violation: a driven adapter that knows the HTTP surface. */
public class AdapterUsingWeb {
    Problem problem;
}
