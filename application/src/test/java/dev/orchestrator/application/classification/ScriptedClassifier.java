package dev.orchestrator.application.classification;

import dev.orchestrator.application.port.out.classification.ClassificationInput;
import dev.orchestrator.application.port.out.classification.ClassifierAnswer;
import dev.orchestrator.application.port.out.classification.ClassifierInfo;
import dev.orchestrator.application.port.out.classification.LeadClassifier;
import java.util.ArrayList;
import java.util.List;

/** A classifier that gives the answer it was told to and remembers what it was asked. */
public final class ScriptedClassifier implements LeadClassifier {
    public static final ClassifierInfo INFO = new ClassifierInfo("scripted", "test-model-1", "prompt-v1");

    private final ClassifierAnswer answer;
    private final List<ClassificationInput> asked = new ArrayList<>();

    public ScriptedClassifier(ClassifierAnswer answer) {
        this.answer = answer;
    }

    @Override
    public ClassifierInfo info() {
        return INFO;
    }

    @Override
    public ClassifierAnswer classify(ClassificationInput input) {
        asked.add(input);
        return answer;
    }

    public List<ClassificationInput> asked() {
        return List.copyOf(asked);
    }
}
