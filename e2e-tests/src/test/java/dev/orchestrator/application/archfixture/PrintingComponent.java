package dev.orchestrator.application.archfixture;

/** Deliberate violation: printing to stdout, where secrets could leak past the log filters. */
public class PrintingComponent {
    void report(String value) {
        System.out.println(value);
    }
}
