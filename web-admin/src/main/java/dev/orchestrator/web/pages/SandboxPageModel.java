package dev.orchestrator.web.pages;

/** The sandbox page: the file being edited, the last result (a dry-run table or the fixtures' report), an error. */
public record SandboxPageModel(String ruleset, String result, String error, int errorLine) {
}
