package dev.orchestrator.application.actions;

import dev.orchestrator.application.port.out.actions.ActionJob;
import dev.orchestrator.application.port.out.notify.SlackMessage;
import dev.orchestrator.application.port.out.notify.SlackNotifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code slack: "#channel"}: a message with who the lead is, what enrichment found, the signals that moved it and
 * a link to the contact's "why" page. The incoming webhook posts to the channel it was made for; the action's
 * channel is named in the message so a shared webhook still tells readers where it was meant to go.
 */
public final class SlackAction implements ActionExecutor {
    public static final String TYPE = "slack";
    private final SlackNotifier slack;
    private final Optional<String> publicBaseUrl;

    public SlackAction(SlackNotifier slack, Optional<String> publicBaseUrl) {
        this.slack = slack;
        this.publicBaseUrl = publicBaseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public boolean handles(String type) {
        return TYPE.equals(type);
    }

    @Override
    public ActionResult execute(ActionJob job) {
        if (!slack.configured()) {
            return new ActionResult.Skipped(TYPE, "SLACK_WEBHOOK_URL is not set");
        }
        SlackMessage message = message(job);
        slack.send(message);
        return new ActionResult.Sent(TYPE, "posted to " + job.target());
    }

    SlackMessage message(ActionJob job) {
        String who = job.detail("contact.name").orElse(job.detail("contact.email").orElse("a contact"));
        String company = job.detail("company.name").or(() -> job.detail("contact.company")).orElse("");
        String stage = job.detail("contact.stage").orElse("");
        String title = who + (company.isEmpty() ? "" : " (" + company + ")") + " is now " + stage;
        String text = title + " by rule " + job.detail("transitionRule").orElse(job.actionRuleId())
                + job.detail("param.template").map(t -> " [" + t + "]").orElse("") + " for " + job.target();
        List<SlackMessage.Fact> facts = new ArrayList<>();
        fact(facts, "Email", job.detail("contact.email"));
        fact(facts, "Owner", job.detail("contact.owner"));
        fact(facts, "Fit / behaviour", job.detail("score.fit").map(fit -> fit + " / "
                + job.detail("score.behavior").orElse("0")));
        fact(facts, "Company", job.detail("company.name").or(() -> job.detail("contact.company")));
        fact(facts, "Domain", job.detail("company.domain"));
        fact(facts, "Employees", job.detail("company.employees"));
        fact(facts, "Industry", job.detail("company.industry"));
        fact(facts, "Country", job.detail("company.country"));
        List<String> signals = job.detail("signals").map(s -> Arrays.stream(s.split(";"))
                .filter(part -> !part.isBlank()).map(part -> part.replace("@", " at ")).toList()).orElse(List.of());
        Optional<String> link = publicBaseUrl.map(base -> base + "/contacts/" + job.contactId()
                + job.detail("contact.stage").map(s -> "?stage=" + s).orElse(""));
        return new SlackMessage(job.target(), title, text, facts, signals, link);
    }

    private static void fact(List<SlackMessage.Fact> facts, String label, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> facts.add(new SlackMessage.Fact(label, v)));
    }
}
