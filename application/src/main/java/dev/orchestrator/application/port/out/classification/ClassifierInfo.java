package dev.orchestrator.application.port.out.classification;

import dev.orchestrator.domain.shared.Require;

/**
 * The classifier as the audit trail names it: {@code name} (offline, openai-compatible), the model, and the
 * version of the prompt or keyword file, so a changed prompt is visible in every decision it touched.
 */
public record ClassifierInfo(String name, String model, String promptVersion) {
    public ClassifierInfo {
        Require.notBlank("name", name);
        Require.notBlank("model", model);
        Require.notBlank("promptVersion", promptVersion);
    }
}
