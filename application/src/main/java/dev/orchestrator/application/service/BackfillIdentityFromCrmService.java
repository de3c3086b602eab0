package dev.orchestrator.application.service;

import dev.orchestrator.application.dedupe.DedupeRecord;
import dev.orchestrator.application.port.in.BackfillCommand;
import dev.orchestrator.application.port.in.BackfillIdentityFromCrmUseCase;
import dev.orchestrator.application.port.in.BackfillIdentityIndexUseCase;
import dev.orchestrator.application.port.in.CrmIdentityBackfillCommand;
import dev.orchestrator.application.port.in.CrmIdentityBackfillReport;
import dev.orchestrator.application.port.out.IdentityBackfillCursors;
import dev.orchestrator.application.port.out.IdentityBackfillCursors.Position;
import dev.orchestrator.application.port.out.crm.CrmCompanyRecord;
import dev.orchestrator.application.port.out.crm.CrmContactRecord;
import dev.orchestrator.application.port.out.crm.RecordPage;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each page goes to the index backfill as one batch (sorted by id, as that service requires); the position saved
 * afterwards is the CRM's own cursor, so resuming needs no id order from the CRM.
 */
public final class BackfillIdentityFromCrmService implements BackfillIdentityFromCrmUseCase {
    private static final String COMPANIES = "companies";
    private static final String CONTACTS = "contacts";

    private final BackfillIdentityIndexUseCase index;
    private final IdentityBackfillCursors cursors;

    public BackfillIdentityFromCrmService(BackfillIdentityIndexUseCase index, IdentityBackfillCursors cursors) {
        this.index = Objects.requireNonNull(index, "index");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
    }

    private interface Pager {
        RecordPage<DedupeRecord> page(Optional<String> cursor, int limit);
    }

    private static final class Tally {
        long indexed;
        int pages;
        boolean resumed;
        boolean complete = true;
    }

    @Override
    public CrmIdentityBackfillReport backfill(CrmIdentityBackfillCommand command) {
        if (command.restart()) {
            cursors.reset(command.crm().name(), COMPANIES);
            cursors.reset(command.crm().name(), CONTACTS);
        }
        Tally companies = pass(command, COMPANIES, (cursor, limit) -> map(command.crm().companies(cursor, limit),
                BackfillIdentityFromCrmService::company));
        Tally contacts = companies.complete ? pass(command, CONTACTS, (cursor, limit) ->
                map(command.crm().contacts(cursor, limit), BackfillIdentityFromCrmService::contact)) : new Tally();
        return new CrmIdentityBackfillReport(companies.indexed, contacts.indexed, companies.pages + contacts.pages,
                companies.resumed || contacts.resumed, companies.complete && contacts.complete);
    }

    private Tally pass(CrmIdentityBackfillCommand command, String type, Pager pager) {
        String crm = command.crm().name();
        Tally tally = new Tally();
        Position position = cursors.position(crm, type).orElse(new Position(Optional.empty(), 0, false));
        if (position.done()) {
            return tally;
        }
        tally.resumed = position.nextCursor().isPresent();
        Optional<String> cursor = position.nextCursor();
        long indexed = position.indexed();
        while (true) {
            if (command.stop().getAsBoolean()) {
                tally.complete = false;
                return tally;
            }
            RecordPage<DedupeRecord> page = pager.page(cursor, command.pageSize());
            tally.pages++;
            List<DedupeRecord> sorted = page.records().stream()
                    .sorted(Comparator.comparing(DedupeRecord::recordId)).toList();
            if (!sorted.isEmpty()) {
                tally.indexed += index.backfill(BackfillCommand.fromStart(sorted.iterator())).indexed();
                indexed += sorted.size();
            }
            cursor = page.next();
            cursors.save(crm, type, new Position(cursor, indexed, cursor.isEmpty()));
            if (cursor.isEmpty()) {
                return tally;
            }
        }
    }

    private static <T> RecordPage<DedupeRecord> map(RecordPage<T> page, Function<T, Optional<DedupeRecord>> f) {
        return new RecordPage<>(page.records().stream().map(f).flatMap(Optional::stream).toList(), page.next());
    }

    private static Optional<DedupeRecord> company(CrmCompanyRecord c) {
        if (c.name().isEmpty() && c.domain().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DedupeRecord(c.id(), c.name(), c.domain(), "", "", "", "", "", "", c.country()));
    }

    /** A contact without a name is not a person to the matcher; it would be filed as a company, so it is left out. */
    private static Optional<DedupeRecord> contact(CrmContactRecord c) {
        if (c.firstName().isEmpty() && c.lastName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DedupeRecord(CONTACT_PREFIX + c.id(), c.companyName(), "", "", c.email(),
                c.firstName(), c.lastName(), c.phone(), "", c.country()));
    }
}
