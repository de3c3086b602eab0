package dev.orchestrator.web;

import java.util.List;

/** An RFC 9457 problem body: what every error of the HTTP API answers, naming the field at fault. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem("urn:crm-orchestrator:problem:" + slug, title, status, detail, List.of());
    }

    public static Problem ofField(String slug, String title, int status, String detail, String field, String message) {
        return new Problem("urn:crm-orchestrator:problem:" + slug, title, status, detail,
                List.of(new FieldError(field, message)));
    }
}
