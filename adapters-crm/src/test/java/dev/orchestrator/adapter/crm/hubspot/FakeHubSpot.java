package dev.orchestrator.adapter.crm.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HubSpot portal for tests: contacts kept in memory, every request checked against HubSpot's published
 * OpenAPI file for its operation (and every success answer too), answers in HubSpot's shapes — objects, search
 * results, error bodies with {@code category} and {@code correlationId}, 409 "Existing ID", 429 with
 * {@code Retry-After} and the {@code X-HubSpot-RateLimit-*} headers. What the spec cannot give (a token that
 * expired, a lost answer, a storm of 429s, search lagging behind writes) is scripted by the test.
 */
final class FakeHubSpot implements AutoCloseable {
    static final String TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
    static final String OWNER_ID = "6166860";

    private static final String TOKEN_HEADER = "Bearer " + TOKEN;
    /**
     * Operations HubSpot documents but the copied spec files do not include; served in the documented shape,
     * without spec validation.
     */
    private static final Set<String> UNPUBLISHED = Set.of("GET /crm/v3/properties/contacts");
    private static final String CONTACTS = "/crm/v3/objects/contacts";
    private static final String COMPANIES = "/crm/v3/objects/companies";
    private static final List<String> DEFAULT_SEARCH_PROPERTIES =
            List.of("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname");
    private static final Set<String> LIFECYCLE_OPTIONS = Set.of("subscriber", "lead", "marketingqualifiedlead",
            "salesqualifiedlead", "opportunity", "customer", "evangelist", "other");
    private static final Set<String> CONTACT_PROPERTIES = Set.of("email", "firstname", "lastname", "company",
            "phone", "lifecyclestage", "hubspot_owner_id", "jobtitle", "website");
    private static final Set<String> COMPANY_PROPERTIES = Set.of("domain", "name", "industry", "numberofemployees",
            "country", "state", "annualrevenue", "hubspot_owner_id");
    private static final Set<String> READ_ONLY = Set.of("createdate", "lastmodifieddate", "hs_object_id");
    private static final String DEALS = "/crm/v3/objects/0-3";
    private static final String NOTES = "/crm/v3/objects/notes";
    private static final String TASKS = "/crm/v3/objects/tasks";
    /** The portal's custom property with unique values on deals, notes and tasks (our idempotency key). */
    static final String KEY_PROPERTY = "orchestrator_id";
    private static final Set<String> DEAL_PROPERTIES = Set.of("dealname", "amount", "pipeline", "dealstage",
            "closedate", "hubspot_owner_id", KEY_PROPERTY);
    private static final Set<String> NOTE_PROPERTIES = Set.of("hs_timestamp", "hs_note_body", "hubspot_owner_id",
            KEY_PROPERTY);
    private static final Set<String> TASK_PROPERTIES = Set.of("hs_timestamp", "hs_task_subject", "hs_task_body",
            "hs_task_status", "hs_task_priority", "hs_task_type", "hubspot_owner_id", KEY_PROPERTY);
    private static final Set<String> PIPELINES = Set.of("default", "renewals");
    private static final Set<String> DEAL_STAGES = Set.of("appointmentscheduled", "qualifiedtobuy",
            "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost");
    /** HubSpot-defined association type ids the portal accepts, by "from→to" object type. */
    private static final Map<String, Set<Integer>> ASSOCIATION_TYPES = Map.of(
            "contacts→companies", Set.of(1, 279), "contacts→deals", Set.of(4), "companies→deals", Set.of(6, 342),
            "notes→contacts", Set.of(202), "tasks→contacts", Set.of(204));
    private static final Map<String, String> OBJECT_TYPE_IDS = Map.of("contacts", "0-1", "companies", "0-2",
            "deals", "0-3", "notes", "0-46", "tasks", "0-27");

    /** One request as it arrived, with the operation it hit and the fake clock's time. */
    record Received(Instant at, String method, String path, String operationId, String body) {
    }

    /** A canned answer for the next request, instead of the portal's own. */
    record Scripted(Optional<String> operationId, int status, String body, Map<String, String> headers,
            boolean processThenDrop) {
        boolean appliesTo(String operation) {
            return operationId.map(operation::equals).orElse(true);
        }
    }

    private static final class Stored {
        final String id;
        final Map<String, String> properties = new TreeMap<>();
        final Instant createdAt;
        Instant updatedAt;

        Stored(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
            this.updatedAt = createdAt;
        }
    }

    static {
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: ~40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock;
    private final List<OpenApiSpec> specs;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    private final Map<String, Stored> contacts = new LinkedHashMap<>();
    private final Map<String, Stored> companies = new LinkedHashMap<>();
    private final Set<List<String>> contactCompanyLinks = new LinkedHashSet<>();
    private final Map<String, Stored> deals = new LinkedHashMap<>();
    private final Map<String, Stored> notes = new LinkedHashMap<>();
    private final Map<String, Stored> tasks = new LinkedHashMap<>();
    /** Associations other than contact→company: (fromType, fromId, toType, toId, typeId). */
    private final Set<List<String>> links = new LinkedHashSet<>();
    private final List<ObjectNode> owners = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Set<String> operationsExercised = new LinkedHashSet<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final Deque<Instant> burstLog = new ArrayDeque<>();
    private final Deque<Instant> searchLog = new ArrayDeque<>();
    private int rateLimited;
    private long nextId = 101;
    private long nextCorrelation = 1;
    private Duration searchLag = Duration.ZERO;
    private Duration stallNext = Duration.ZERO;
    private int burstMax = Integer.MAX_VALUE;
    private long dailyRemainingOffset;
    private Duration burstInterval = Duration.ofSeconds(10);
    private int searchMax = Integer.MAX_VALUE;
    private Duration searchInterval = Duration.ofSeconds(1);

    FakeHubSpot(MutableClock clock) {
        this.clock = clock;
        this.specs = List.of("contacts-v3.json", "companies-v3.json", "associations-v4.json", "owners-v3.json",
                        "deals-v3.json", "notes-v3.json", "tasks-v3.json")
                .stream().map(file -> OpenApiSpec.load(SharedSpecs.hubSpot(file))).toList();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake HubSpot", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- test controls -------------------------------------------------------------------------------------

    synchronized void reset() {
        contacts.clear();
        companies.clear();
        contactCompanyLinks.clear();
        deals.clear();
        notes.clear();
        tasks.clear();
        links.clear();
        owners.clear();
        received.clear();
        violations.clear();
        scripted.clear();
        burstLog.clear();
        searchLog.clear();
        rateLimited = 0;
        dailyRemainingOffset = 0;
        searchLag = Duration.ZERO;
        burstMax = Integer.MAX_VALUE;
        searchMax = Integer.MAX_VALUE;
    }

    /** A contact someone typed into HubSpot's UI, exactly as typed. */
    synchronized String holdContact(Map<String, String> properties) {
        Stored stored = new Stored(String.valueOf(nextId++), clock.instant());
        stored.properties.putAll(properties);
        contacts.put(stored.id, stored);
        return stored.id;
    }

    /** A company someone typed into HubSpot's UI, exactly as typed. */
    synchronized String holdCompany(Map<String, String> properties) {
        Stored stored = new Stored(String.valueOf(nextId++), clock.instant());
        stored.properties.putAll(properties);
        companies.put(stored.id, stored);
        return stored.id;
    }

    /** A user of the portal records can be assigned to; a deactivated user is listed only with archived=true. */
    synchronized void holdOwner(String id, String email, String firstName, String lastName, boolean active) {
        owners.add(json.createObjectNode().put("id", id).put("email", email).put("firstName", firstName)
                .put("lastName", lastName).put("userId", Integer.parseInt(id) % 1_000_000).put("type", "PERSON")
                .put("archived", !active).put("createdAt", clock.instant().toString())
                .put("updatedAt", clock.instant().toString()));
    }

    synchronized Set<String> companiesOfContact(String contactId) {
        Set<String> linked = new LinkedHashSet<>();
        contactCompanyLinks.stream().filter(l -> l.get(0).equals(contactId)).forEach(l -> linked.add(l.get(1)));
        return linked;
    }

    synchronized int dealCount() {
        return deals.size();
    }

    synchronized Map<String, String> dealProperties(String id) {
        return Map.copyOf(deals.get(id).properties);
    }

    /** A rep marks the deal won in HubSpot's UI. */
    synchronized void winDeal(String id) {
        Stored deal = deals.get(id);
        deal.properties.put("dealstage", "closedwon");
        deal.properties.put("hs_is_closed", "true");
        deal.updatedAt = clock.instant();
    }

    /** Ids of the {@code fromType} records linked to this record (either direction). */
    synchronized Set<String> linked(String type, String id, String otherType) {
        Set<String> found = new LinkedHashSet<>();
        for (List<String> link : links) {
            if (link.get(0).equals(type) && link.get(1).equals(id) && link.get(2).equals(otherType)) {
                found.add(link.get(3));
            }
            if (link.get(2).equals(type) && link.get(3).equals(id) && link.get(0).equals(otherType)) {
                found.add(link.get(1));
            }
        }
        return found;
    }

    /** Association type ids used between two records, in the direction they were written. */
    synchronized Set<Integer> associationTypes(String fromType, String fromId, String toType, String toId) {
        Set<Integer> types = new LinkedHashSet<>();
        links.stream().filter(l -> l.subList(0, 4).equals(List.of(fromType, fromId, toType, toId)))
                .forEach(l -> types.add(Integer.parseInt(l.get(4))));
        return types;
    }

    /** Notes and tasks linked to the contact, as "note: body" and "task: subject". */
    synchronized List<String> engagementsOn(String contactId) {
        List<String> found = new ArrayList<>();
        for (List<String> link : links) {
            if (link.get(2).equals("contacts") && link.get(3).equals(contactId)) {
                if (link.get(0).equals("notes") && notes.containsKey(link.get(1))) {
                    found.add("note: " + notes.get(link.get(1)).properties.get("hs_note_body"));
                }
                if (link.get(0).equals("tasks") && tasks.containsKey(link.get(1))) {
                    found.add("task: " + tasks.get(link.get(1)).properties.get("hs_task_subject"));
                }
            }
        }
        return found;
    }

    synchronized int noteCount() {
        return notes.size();
    }

    synchronized int taskCount() {
        return tasks.size();
    }

    synchronized int companyCount() {
        return companies.size();
    }

    synchronized void respondNext(int status, String body, Map<String, String> headers) {
        scripted.addLast(new Scripted(Optional.empty(), status, body, headers, false));
    }

    /**
     * The next request to this operation is carried out, then the connection is cut before the answer: a call
     * killed mid-flight.
     */
    synchronized void dropNextAnswerTo(String operationId) {
        scripted.addLast(new Scripted(Optional.of(operationId), 0, "", Map.of(), true));
    }

    /** The next answer is held back this long in real time: for the client's request timeout, nothing else. */
    synchronized void stallNextAnswer(Duration stall) {
        stallNext = stall;
    }

    /** Search sees a write only this long after it happened, like HubSpot's search index. */
    synchronized void lagSearchBy(Duration lag) {
        searchLag = lag;
    }

    /** Enforce the portal's rolling ten-secondly limit (and report it in the rate-limit headers). */
    synchronized void limitBurst(int max, Duration interval) {
        burstMax = max;
        burstInterval = interval;
    }

    synchronized void limitSearch(int max, Duration interval) {
        searchMax = max;
        searchInterval = interval;
    }

    /** Other apps of the portal spent part of the shared budget just now. */
    synchronized void othersSpent(int requests) {
        for (int i = 0; i < requests; i++) {
            burstLog.addLast(clock.instant());
        }
    }

    /** Other apps of the portal spent the day's allowance down to this many requests (before the next call). */
    synchronized void reportDailyRemaining(long remaining) {
        dailyRemainingOffset = 650000 - received.size() - 1 - remaining;
    }

    synchronized int scriptedLeft() {
        return scripted.size();
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized Set<String> operationsExercised() {
        return Set.copyOf(operationsExercised);
    }

    /** How many requests the portal's own limits turned away with 429 (scripted answers not counted). */
    synchronized int rateLimitedCount() {
        return rateLimited;
    }

    synchronized int contactCount() {
        return contacts.size();
    }

    /** Every contact's email as stored, one entry per contact: duplicates show up twice. */
    synchronized List<String> emails() {
        return contacts.values().stream().map(c -> c.properties.getOrDefault("email", "")).toList();
    }

    synchronized Map<String, String> propertiesOf(String id) {
        return Map.copyOf(contacts.get(id).properties);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the portal ----------------------------------------------------------------------------------------

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer of(int status, JsonNode body) {
            return new Answer(status, body, Map.of());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            boolean drop = false;
            Duration stall;
            synchronized (this) {
                stall = stallNext;
                stallNext = Duration.ZERO;
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                String query = exchange.getRequestURI().getRawQuery();
                Optional<OpenApiSpec> spec = specs.stream().filter(sp -> sp.operation(method, path).isPresent())
                        .findFirst();
                Optional<OpenApiSpec.Operation> op = spec.flatMap(sp -> sp.operation(method, path));
                boolean unpublished = UNPUBLISHED.contains(method + " " + path);
                received.add(new Received(clock.instant(), method, path,
                        op.map(OpenApiSpec.Operation::operationId).orElse(unpublished ? "unpublished" : "?"), body));
                if (unpublished) {
                    answer = TOKEN_HEADER.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                            ? Answer.of(200, propertyDefinitions())
                            : Answer.of(401, error("INVALID_AUTHENTICATION", "Authentication credentials not found."));
                } else if (op.isEmpty()) {
                    violations.add(method + " " + path + ": no such operation in HubSpot's published specs");
                    answer = Answer.of(404, error("OBJECT_NOT_FOUND", "No route for " + method + " " + path));
                } else {
                    operationsExercised.add(op.get().operationId());
                    List<String> problems = spec.get().validateRequest(op.get(), query, body);
                    problems.forEach(p -> violations.add(op.get().operationId() + ": " + p));
                    Scripted next = nextScripted(op.get().operationId());
                    if (next != null && !next.processThenDrop()) {
                        answer = new Answer(next.status(), json.readTree(next.body()), next.headers());
                    } else {
                        drop = next != null;
                        answer = problems.isEmpty()
                                ? serve(exchange, op.get(), path, query, body)
                                : Answer.of(400, error("VALIDATION_ERROR", "Invalid input: " + problems));
                        if (answer.status() >= 200 && answer.status() < 300) {
                            spec.get().validateResponse(op.get(), answer.status(), answer.body())
                                    .forEach(p -> violations.add(op.get().operationId() + " (our answer): " + p));
                        }
                    }
                }
            }
            if (!stall.isZero()) {
                try {
                    Thread.sleep(stall.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (drop) {
                // announce a body, send none, close: the client sees the connection die mid-answer
                exchange.sendResponseHeaders(200, 1024);
                return;
            }
            byte[] bytes = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json;charset=utf-8");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Scripted nextScripted(String operationId) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted next = it.next();
            if (next.appliesTo(operationId)) {
                it.remove();
                return next;
            }
        }
        return null;
    }

    private Answer serve(HttpExchange exchange, OpenApiSpec.Operation op, String path, String query, String body)
            throws JsonProcessingException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + TOKEN)) {
            return Answer.of(401, error("INVALID_AUTHENTICATION", "Authentication credentials not found. This API "
                    + "supports OAuth 2.0 authentication and you can find more details at "
                    + "https://developers.hubspot.com/docs/methods/auth/oauth-overview"));
        }
        boolean search = path.endsWith("/search");
        Optional<Answer> limited = search ? limit(searchLog, searchMax, searchInterval, "SECONDLY")
                : limit(burstLog, burstMax, burstInterval, "TEN_SECONDLY_ROLLING");
        if (limited.isPresent()) {
            return limited.get();
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        Answer answer = switch (op.method() + " " + op.template()) {
            case "POST " + CONTACTS + "/search" -> search(contacts, json.readTree(body));
            case "POST " + CONTACTS -> create(json.readTree(body));
            case "POST " + CONTACTS + "/gdpr-delete" -> gdprDelete(json.readTree(body));
            case "PATCH " + CONTACTS + "/{contactId}" -> update(contacts, CONTACT_PROPERTIES, lastSegment,
                    json.readTree(body));
            case "POST " + COMPANIES + "/search" -> search(companies, json.readTree(body));
            case "POST " + COMPANIES -> createCompany(json.readTree(body));
            case "PATCH " + COMPANIES + "/{companyId}" -> update(companies, COMPANY_PROPERTIES, lastSegment,
                    json.readTree(body));
            case "PUT /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}" ->
                    associate(path.split("/"), json.readTree(body));
            case "GET /crm/v3/owners" -> owners(query);
            case "POST " + CONTACTS + "/batch/upsert" -> upsert("contacts", contacts, CONTACT_PROPERTIES,
                    json.readTree(body));
            case "POST " + DEALS + "/batch/upsert" -> upsert("deals", deals, DEAL_PROPERTIES, json.readTree(body));
            case "POST " + NOTES + "/batch/upsert" -> upsert("notes", notes, NOTE_PROPERTIES, json.readTree(body));
            case "POST " + TASKS + "/batch/upsert" -> upsert("tasks", tasks, TASK_PROPERTIES, json.readTree(body));
            case "POST " + DEALS + "/search" -> search(deals, json.readTree(body));
            case "PATCH " + DEALS + "/{dealId}" -> update(deals, DEAL_PROPERTIES, lastSegment, json.readTree(body));
            case "GET " + CONTACTS + "/{contactId}" -> read(lastSegment);
            case "GET " + COMPANIES + "/{companyId}" -> readCompany(lastSegment, query);
            case "GET " + CONTACTS -> list(query);
            default -> Answer.of(501, error("NOT_IMPLEMENTED", "the fake does not serve " + op.operationId()));
        };
        if (search || burstMax == Integer.MAX_VALUE) {
            return answer;
        }
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put(HubSpotHttp.MAX, String.valueOf(burstMax));
        headers.put(HubSpotHttp.REMAINING, String.valueOf(Math.max(0, burstMax - burstLog.size())));
        headers.put(HubSpotHttp.INTERVAL, String.valueOf(burstInterval.toMillis()));
        headers.put(HubSpotHttp.DAILY, "650000");
        headers.put(HubSpotHttp.DAILY_REMAINING, String.valueOf(Math.max(0, 650000 - received.size()
                - dailyRemainingOffset)));
        return new Answer(answer.status(), answer.body(), headers);
    }

    private Optional<Answer> limit(Deque<Instant> log, int max, Duration interval, String policy) {
        Instant now = clock.instant();
        while (!log.isEmpty() && !log.peekFirst().plus(interval).isAfter(now)) {
            log.removeFirst();
        }
        if (log.size() >= max) {
            long retryAfter = Math.max(1, (Duration.between(now, log.peekFirst().plus(interval)).toMillis() + 999)
                    / 1000);
            ObjectNode body = json.createObjectNode().put("status", "error")
                    .put("message", "You have reached your " + policy.toLowerCase(Locale.ROOT) + " limit.")
                    .put("errorType", "RATE_LIMIT").put("correlationId", correlationId()).put("policyName", policy);
            rateLimited++;
            return Optional.of(new Answer(429, body, Map.of("Retry-After", String.valueOf(retryAfter))));
        }
        log.addLast(now);
        return Optional.empty();
    }

    private Answer search(Map<String, Stored> store, JsonNode request) {
        JsonNode groups = request.path("filterGroups");
        if (groups.size() > 5) {
            return Answer.of(400, error("VALIDATION_ERROR", "Too many filter groups (max 5)"));
        }
        List<String> wanted = new ArrayList<>();
        request.path("properties").forEach(p -> wanted.add(p.asText()));
        if (wanted.isEmpty()) {
            wanted.addAll(DEFAULT_SEARCH_PROPERTIES);
        }
        Instant visibleBefore = clock.instant().minus(searchLag);  // written later: not yet indexed
        List<Stored> hits = new ArrayList<>();
        for (Stored stored : store.values()) {
            if (stored.updatedAt.isAfter(visibleBefore)) {
                continue;
            }
            boolean anyGroup = groups.isEmpty();
            for (JsonNode group : groups) {
                boolean all = true;
                for (JsonNode filter : group.path("filters")) {
                    Optional<Boolean> matched = filter.path("propertyName").asText().equals("associations.contact")
                            ? Optional.of(links.contains(List.of("contacts", filter.path("value").asText(), "deals",
                                    stored.id, "4")))
                            : matches(stored, filter);
                    if (matched.isEmpty()) {
                        return Answer.of(400, error("VALIDATION_ERROR", "operator "
                                + filter.path("operator").asText() + " is not supported by this fake"));
                    }
                    all &= matched.get();
                }
                anyGroup |= all;
            }
            if (anyGroup) {
                hits.add(stored);
            }
        }
        int limit = request.path("limit").asInt(10);
        if (limit > 200) {
            return Answer.of(400, error("VALIDATION_ERROR", "limit must be at most 200"));
        }
        int from = request.path("after").asText("0").isEmpty() ? 0 : Integer.parseInt(request.path("after").asText("0"));
        ObjectNode page = json.createObjectNode().put("total", hits.size());
        ArrayNode results = page.putArray("results");
        hits.stream().skip(from).limit(limit).forEach(s -> results.add(object(s, wanted)));
        if (from + limit < hits.size()) {
            page.putObject("paging").putObject("next").put("after", String.valueOf(from + limit));
        }
        return Answer.of(200, page);
    }

    /** HubSpot compares string values case-insensitively for EQ/NEQ. */
    private static Optional<Boolean> matches(Stored stored, JsonNode filter) {
        String actual = stored.properties.get(filter.path("propertyName").asText());
        String value = filter.path("value").asText("");
        return switch (filter.path("operator").asText()) {
            case "EQ" -> Optional.of(actual != null && actual.equalsIgnoreCase(value));
            case "NEQ" -> Optional.of(actual == null || !actual.equalsIgnoreCase(value));
            case "HAS_PROPERTY" -> Optional.of(actual != null && !actual.isEmpty());
            case "NOT_HAS_PROPERTY" -> Optional.of(actual == null || actual.isEmpty());
            default -> Optional.empty();
        };
    }

    private Answer create(JsonNode request) {
        Map<String, String> properties = strings(request.path("properties"));
        Optional<Answer> invalid = invalidProperties(CONTACT_PROPERTIES, properties);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String email = properties.get("email");
        if (email != null) {
            for (Stored stored : contacts.values()) {
                if (email.equalsIgnoreCase(stored.properties.get("email"))) {
                    return Answer.of(409, error("CONFLICT", "Contact already exists. Existing ID: " + stored.id));
                }
            }
        }
        Stored stored = new Stored(String.valueOf(nextId++), clock.instant());
        apply(stored, properties);
        contacts.put(stored.id, stored);
        return Answer.of(201, object(stored, List.copyOf(stored.properties.keySet())));
    }

    /** Companies are not deduplicated by domain through the API: the same domain twice makes two companies. */
    private Answer createCompany(JsonNode request) {
        Map<String, String> properties = strings(request.path("properties"));
        Optional<Answer> invalid = invalidProperties(COMPANY_PROPERTIES, properties);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Stored stored = new Stored(String.valueOf(nextId++), clock.instant());
        apply(stored, properties);
        companies.put(stored.id, stored);
        return Answer.of(201, object(stored, List.copyOf(stored.properties.keySet())));
    }

    private Answer associate(String[] segments, JsonNode types) {
        // /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}
        String fromType = segments[4];
        String fromId = segments[5];
        String toType = segments[7];
        String toId = segments[8];
        Set<Integer> allowed = ASSOCIATION_TYPES.get(fromType + "→" + toType);
        if (allowed == null) {
            return Answer.of(400, error("VALIDATION_ERROR", "the fake does not associate " + fromType + " with "
                    + toType));
        }
        if (!store(fromType).containsKey(fromId) || !store(toType).containsKey(toId)) {
            return Answer.of(404, error("OBJECT_NOT_FOUND", "No " + fromType + " " + fromId + " or " + toType + " "
                    + toId));
        }
        for (JsonNode type : types) {
            if (!type.path("associationCategory").asText().equals("HUBSPOT_DEFINED")
                    || !allowed.contains(type.path("associationTypeId").asInt())) {
                return Answer.of(400, error("VALIDATION_ERROR", "invalid association type "
                        + type.path("associationCategory").asText() + "/" + type.path("associationTypeId").asInt()
                        + " from " + fromType + " to " + toType));
            }
        }
        if (fromType.equals("contacts") && toType.equals("companies")) {
            contactCompanyLinks.add(List.of(fromId, toId));
        } else {
            for (JsonNode type : types) {
                links.add(List.of(fromType, fromId, toType, toId, type.path("associationTypeId").asText()));
            }
        }
        ObjectNode pair = json.createObjectNode().put("fromObjectTypeId", OBJECT_TYPE_IDS.get(fromType))
                .put("fromObjectId", fromId).put("toObjectTypeId", OBJECT_TYPE_IDS.get(toType)).put("toObjectId", toId);
        pair.putArray("labels");
        return Answer.of(201, pair);
    }

    private Map<String, Stored> store(String type) {
        return switch (type) {
            case "contacts" -> contacts;
            case "companies" -> companies;
            case "deals" -> deals;
            case "notes" -> notes;
            case "tasks" -> tasks;
            default -> Map.of();
        };
    }

    /**
     * Batch upsert by a unique property: contacts by {@code email}, the other objects by our custom unique
     * property. Rows HubSpot refuses come back in a 207 with the others written.
     */
    private Answer upsert(String type, Map<String, Stored> store, Set<String> writable, JsonNode request) {
        String unique = type.equals("contacts") ? "email" : KEY_PROPERTY;
        ObjectNode answer = json.createObjectNode().put("status", "COMPLETE")
                .put("requestedAt", clock.instant().toString()).put("startedAt", clock.instant().toString())
                .put("completedAt", clock.instant().toString());
        ArrayNode results = answer.putArray("results");
        ArrayNode errors = json.createArrayNode();
        for (JsonNode input : request.path("inputs")) {
            String idProperty = input.path("idProperty").asText("");
            String key = input.path("id").asText();
            if (!idProperty.equals(unique)) {
                return Answer.of(400, error("VALIDATION_ERROR", "idProperty " + idProperty + " is not a property "
                        + "with unique values on " + type));
            }
            Map<String, String> properties = new LinkedHashMap<>(strings(input.path("properties")));
            properties.put(unique, key);
            Optional<Answer> invalid = invalidProperties(writable, properties);
            if (invalid.isPresent()) {
                ObjectNode rowError = (ObjectNode) invalid.get().body();
                rowError.remove("correlationId");   // StandardError has none: the batch answer carries it
                rowError.putObject("context").putArray("ids").add(key);
                rowError.putArray("errors");
                rowError.putObject("links");
                errors.add(rowError);
                continue;
            }
            Optional<Stored> existing = store.values().stream()
                    .filter(s -> key.equalsIgnoreCase(s.properties.get(unique))).findFirst();
            Stored stored = existing.orElseGet(() -> new Stored(String.valueOf(nextId++), clock.instant()));
            apply(stored, properties);
            stored.updatedAt = clock.instant();
            store.put(stored.id, stored);
            ObjectNode row = object(stored, List.copyOf(stored.properties.keySet())).put("new", existing.isEmpty());
            Optional.ofNullable(input.get("objectWriteTraceId")).ifPresent(t -> row.put("objectWriteTraceId", t.asText()));
            results.add(row);
        }
        if (errors.isEmpty()) {
            return Answer.of(200, answer);
        }
        answer.put("numErrors", errors.size()).set("errors", errors);
        return Answer.of(207, answer);
    }

    private Answer owners(String query) {
        Map<String, String> params = params(query);
        boolean archived = Boolean.parseBoolean(params.getOrDefault("archived", "false"));
        int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
        int from = Integer.parseInt(params.getOrDefault("after", "0"));
        List<ObjectNode> matching = owners.stream().filter(o -> o.path("archived").asBoolean() == archived).toList();
        ObjectNode page = json.createObjectNode();
        ArrayNode results = page.putArray("results");
        matching.stream().skip(from).limit(limit).forEach(results::add);
        if (from + limit < matching.size()) {
            page.putObject("paging").putObject("next").put("after", String.valueOf(from + limit));
        }
        return Answer.of(200, page);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return params;
    }

    /** Purges the contact (by id, or by email with {@code idProperty=email}) and its associations. */
    private Answer gdprDelete(JsonNode request) {
        String objectId = request.path("objectId").asText();
        Optional<String> id = "email".equals(request.path("idProperty").asText(null))
                ? contacts.values().stream().filter(s -> objectId.equalsIgnoreCase(s.properties.get("email")))
                        .map(s -> s.id).findFirst()
                : Optional.of(objectId).filter(contacts::containsKey);
        if (id.isEmpty()) {
            return Answer.of(404, error("OBJECT_NOT_FOUND", "Object not found.  objectId are usually numeric."));
        }
        contacts.remove(id.get());
        contactCompanyLinks.removeIf(link -> link.get(0).equals(id.get()));
        return Answer.of(204, null);
    }

    private Answer update(Map<String, Stored> store, Set<String> writable, String id, JsonNode request) {
        Stored stored = store.get(id);
        if (stored == null) {
            return Answer.of(404, error("OBJECT_NOT_FOUND", "resource not found"));
        }
        Map<String, String> properties = strings(request.path("properties"));
        Optional<Answer> invalid = invalidProperties(writable, properties);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        apply(stored, properties);
        stored.updatedAt = clock.instant();
        return Answer.of(200, object(stored, List.copyOf(stored.properties.keySet())));
    }

    private Answer read(String id) {
        Stored stored = contacts.get(id);
        return stored == null ? Answer.of(404, error("OBJECT_NOT_FOUND", "resource not found"))
                : Answer.of(200, object(stored, DEFAULT_SEARCH_PROPERTIES));
    }

    /** {@code properties=a,b} names the properties to send; without it HubSpot sends its default few. */
    private Answer readCompany(String id, String query) {
        Stored stored = companies.get(id);
        if (stored == null) {
            return Answer.of(404, error("OBJECT_NOT_FOUND", "resource not found"));
        }
        List<String> wanted = List.of("domain", "name");
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("properties=")) {
                    wanted = List.of(java.net.URLDecoder.decode(pair.substring("properties=".length()),
                            StandardCharsets.UTF_8).split(","));
                }
            }
        }
        return Answer.of(200, object(stored, wanted));
    }

    /** A person edits one property of a company in HubSpot's UI. */
    synchronized void setCompanyProperty(String id, String property, String value) {
        companies.get(id).properties.put(property, value);
    }

    /** The company's properties as they are in the portal now. */
    synchronized Map<String, String> company(String id) {
        return Map.copyOf(companies.get(id).properties);
    }

    private Answer list(String query) {
        ObjectNode page = json.createObjectNode();
        ArrayNode results = page.putArray("results");
        int limit = 10;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("limit=")) {
                    limit = Integer.parseInt(pair.substring("limit=".length()));
                }
            }
        }
        contacts.values().stream().limit(limit).forEach(s -> results.add(object(s, DEFAULT_SEARCH_PROPERTIES)));
        return Answer.of(200, page);
    }

    /** The portal's contact property definitions, as {@code GET /crm/v3/properties/contacts} gives them. */
    private ObjectNode propertyDefinitions() {
        Map<String, String> labels = Map.of("email", "Email", "firstname", "First Name", "lastname", "Last Name",
                "company", "Company Name", "phone", "Phone Number", "lifecyclestage", "Lifecycle Stage",
                "hubspot_owner_id", "Contact owner", "jobtitle", "Job Title", "website", "Website URL");
        ObjectNode page = json.createObjectNode();
        ArrayNode results = page.putArray("results");
        CONTACT_PROPERTIES.stream().sorted().forEach(name -> {
            ObjectNode property = results.addObject().put("name", name).put("label", labels.get(name))
                    .put("type", name.equals("lifecyclestage") ? "enumeration" : "string")
                    .put("fieldType", name.equals("lifecyclestage") ? "radio" : "text")
                    .put("groupName", "contactinformation").put("hidden", false);
            property.putObject("modificationMetadata").put("archivable", true).put("readOnlyDefinition", true)
                    .put("readOnlyValue", false);
            ArrayNode options = property.putArray("options");
            if (name.equals("lifecyclestage")) {
                LIFECYCLE_OPTIONS.stream().sorted().forEach(value -> options.addObject().put("value", value)
                        .put("label", value).put("hidden", false));
            }
        });
        READ_ONLY.stream().sorted().forEach(name -> {
            ObjectNode property = results.addObject().put("name", name).put("label", name).put("type", "string")
                    .put("fieldType", "text").put("groupName", "contactinformation").put("hidden", false);
            property.putObject("modificationMetadata").put("archivable", false).put("readOnlyDefinition", true)
                    .put("readOnlyValue", true);
            property.putArray("options");
        });
        return page;
    }

    /** HubSpot's VALIDATION_ERROR for property values: a JSON list inside the message, one entry per property. */
    private Optional<Answer> invalidProperties(Set<String> writable, Map<String, String> properties) {
        ArrayNode problems = json.createArrayNode();
        properties.forEach((name, value) -> {
            String code = null;
            String message = null;
            if (READ_ONLY.contains(name) || name.equals("hs_is_closed")) {
                code = "READ_ONLY_VALUE";
                message = name + " is a read only property; its value cannot be set.";
            } else if (!writable.contains(name)) {
                code = "PROPERTY_DOESNT_EXIST";
                message = "Property \"" + name + "\" does not exist";
            } else if (name.equals("lifecyclestage") && !value.isEmpty() && !LIFECYCLE_OPTIONS.contains(value)) {
                code = "INVALID_OPTION";
                message = value + " was not one of the allowed options: " + LIFECYCLE_OPTIONS;
            } else if (name.equals("pipeline") && !PIPELINES.contains(value)) {
                code = "INVALID_OPTION";
                message = value + " is not a valid pipeline id";
            } else if (name.equals("dealstage") && !DEAL_STAGES.contains(value)) {
                code = "INVALID_OPTION";
                message = value + " was not one of the allowed options: " + DEAL_STAGES;
            } else if (name.equals("hubspot_owner_id") && !value.isEmpty() && !value.equals(OWNER_ID)) {
                code = "INVALID_OWNER_ID";
                message = value + " is not a valid owner id";
            }
            if (code != null) {
                problems.addObject().put("isValid", false).put("message", message).put("error", code)
                        .put("name", name);
            }
        });
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(Answer.of(400, error("VALIDATION_ERROR", "Property values were not valid: " + text)));
    }

    private void apply(Stored stored, Map<String, String> properties) {
        properties.forEach((name, value) -> {
            if (value.isEmpty()) {
                stored.properties.remove(name);
            } else {
                stored.properties.put(name, value);
            }
        });
        if (stored.properties.containsKey("dealstage")) {
            String stage = stored.properties.get("dealstage");
            stored.properties.put("hs_is_closed", String.valueOf(stage.equals("closedwon")
                    || stage.equals("closedlost")));
        }
    }

    private ObjectNode object(Stored stored, List<String> wanted) {
        ObjectNode node = json.createObjectNode().put("id", stored.id);
        ObjectNode properties = node.putObject("properties");
        for (String name : wanted) {
            // HubSpot sends null for a requested property that has no value; the spec types values as
            // non-null strings, so the fake leaves them out to keep its own answers spec-valid
            Optional.ofNullable(stored.properties.get(name)).ifPresent(v -> properties.put(name, v));
        }
        properties.put("hs_object_id", stored.id);
        properties.put("createdate", stored.createdAt.toString());
        properties.put("lastmodifieddate", stored.updatedAt.toString());
        node.put("createdAt", stored.createdAt.toString()).put("updatedAt", stored.updatedAt.toString())
                .put("archived", false);
        return node;
    }

    private ObjectNode error(String category, String message) {
        return json.createObjectNode().put("status", "error").put("message", message)
                .put("correlationId", correlationId()).put("category", category);
    }

    private String correlationId() {
        return new UUID(0xAEB5F8717F074993L, nextCorrelation++).toString();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
