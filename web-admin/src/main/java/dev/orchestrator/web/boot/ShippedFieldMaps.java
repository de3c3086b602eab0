package dev.orchestrator.web.boot;

import dev.orchestrator.application.normalize.EventTypes;
import dev.orchestrator.application.normalize.FieldMap;
import dev.orchestrator.application.normalize.FieldMapLeadNormalizer;
import dev.orchestrator.application.normalize.LeadNormalizer;
import dev.orchestrator.application.normalize.SignalNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The field maps in force: the shipped ones ({@code fieldmaps/*.yaml} in the jar), each replaceable by a file of
 * the same name in {@code FIELD_MAPS_DIR}, so a deployment changes a mapping without a build. Leads and signals
 * are split by the event type each map declares.
 */
public final class ShippedFieldMaps {
    public static final List<String> FILES = List.of("form.yaml", "activity.yaml", "calendar.yaml", "stripe.yaml");

    private final List<FieldMap> maps;

    private ShippedFieldMaps(List<FieldMap> maps) {
        this.maps = List.copyOf(maps);
    }

    public static ShippedFieldMaps shipped() {
        return load(Optional.empty());
    }

    /** The shipped maps, each overridden by the same-named file in {@code directory} when one is there. */
    public static ShippedFieldMaps load(Optional<Path> directory) {
        FieldMapYamlParser parser = new FieldMapYamlParser();
        Map<String, FieldMap> bySource = new LinkedHashMap<>();
        for (String file : FILES) {
            Optional<Path> override = directory.map(d -> d.resolve(file)).filter(Files::isRegularFile);
            byte[] bytes = override.map(ShippedFieldMaps::read).orElseGet(() -> resource(file));
            FieldMap map = parser.parse(override.map(Path::toString).orElse("fieldmaps/" + file), bytes);
            bySource.put(map.source(), map);
        }
        return new ShippedFieldMaps(List.copyOf(bySource.values()));
    }

    public List<FieldMap> all() {
        return maps;
    }

    public Map<String, LeadNormalizer> leadNormalizers() {
        Map<String, LeadNormalizer> leads = new LinkedHashMap<>();
        maps.stream().filter(m -> m.eventType().equals(EventTypes.LEAD_SUBMITTED))
                .forEach(m -> leads.put(m.source(), new FieldMapLeadNormalizer(m)));
        return leads;
    }

    public SignalNormalizer signalNormalizer() {
        return new SignalNormalizer(maps.stream().filter(m -> EventTypes.SIGNALS.contains(m.eventType())).toList());
    }

    public static byte[] resource(String file) {
        try (InputStream in = ShippedFieldMaps.class.getResourceAsStream("/fieldmaps/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the shipped field map fieldmaps/" + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new Settings.ConfigurationError("FIELD_MAPS_DIR", "cannot read " + path + ": " + e.getMessage());
        }
    }
}
