package dev.orchestrator.web.rules;

import static dev.orchestrator.web.rules.YamlReading.build;
import static dev.orchestrator.web.rules.YamlReading.list;
import static dev.orchestrator.web.rules.YamlReading.map;

import dev.orchestrator.domain.rules.OwnerRoster;
import dev.orchestrator.domain.rules.OwnerState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an owners file ({@code owners: [ { id, name, active, out_of_office, open_leads } ]}) — the shape the
 * sandbox CRM's owner directory is shipped in, and what fixtures use as the directory.
 */
public final class OwnersYamlParser {
    private static final Set<String> OWNER_KEYS = Set.of("id", "name", "active", "out_of_office", "open_leads");

    public OwnerRoster parse(byte[] bytes) {
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    public OwnerRoster parse(String text) {
        YamlTree.MapNode root = map(YamlTree.read(text), "an owners file { owners: [...] }");
        root.allowOnly(Set.of("owners"), "the owners file");
        return OwnerRoster.of(owners(root.require("owners", "the list of owners")));
    }

    static List<OwnerState> owners(YamlTree.Node node) {
        List<OwnerState> owners = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlTree.Node item : list(node, "owners").items()) {
            OwnerState owner = owner(item, null);
            if (!seen.add(owner.id())) {
                throw YamlReading.error(item, "each owner id once; '" + owner.id() + "' repeats");
            }
            owners.add(owner);
        }
        return owners;
    }

    /** An owner entry; fields it leaves out come from {@code base} (or: active, in office, no open leads). */
    static OwnerState owner(YamlTree.Node node, OwnerState base) {
        YamlTree.MapNode owner = map(node, "an owner { id, active, out_of_office, open_leads }");
        owner.allowOnly(OWNER_KEYS, "an owner");
        String id = YamlReading.text(owner.require("id", "the owner id"), "an owner id");
        OwnerState start = base != null && base.id().equals(id) ? base : OwnerState.available(id);
        boolean active = owner.get("active").map(n -> YamlReading.flag(n, "active")).orElse(start.active());
        boolean away = owner.get("out_of_office").map(n -> YamlReading.flag(n, "out_of_office"))
                .orElse(start.outOfOffice());
        int open = owner.get("open_leads").map(n -> YamlReading.integer(n, "open_leads")).orElse(start.openLeads());
        return build(node, () -> new OwnerState(id, active, away, open));
    }
}
