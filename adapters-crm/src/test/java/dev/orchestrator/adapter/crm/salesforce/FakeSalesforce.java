package dev.orchestrator.adapter.crm.salesforce;

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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Salesforce org for tests, scripted from Salesforce's documented behaviour (there is no official static
 * OpenAPI file to validate against): the client-credentials token endpoint, SOQL over Contact/Account/User (the
 * subset the adapter sends, parsed strictly so a badly escaped literal is a MALFORMED_QUERY), sObject create,
 * update and upsert by external id (201/200/300), and error bodies as arrays of {@code {message, errorCode,
 * fields}}. Writes without {@code Sforce-Auto-Assign: false} are recorded as violations.
 */
final class FakeSalesforce implements AutoCloseable {
    static final String CLIENT_ID = "3MVG9-test-connected-app";
    static final String CLIENT_SECRET = "sf-secret-7f3a9c1e5b2d4f60";
    static final String API = "/services/data/v62.0";

    static {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern SOQL = Pattern.compile(
            "^SELECT (?<fields>[A-Za-z0-9_, ]+?)(?:, \\((?<child>SELECT (?<childField>[A-Za-z0-9_]+) FROM "
                    + "OpportunityContactRoles)\\))? FROM (?<type>[A-Za-z]+)"
                    + "(?: WHERE (?<where>.+?))?"
                    + "(?: ORDER BY (?<order>[A-Za-z0-9_]+))?"
                    + "(?: LIMIT (?<limit>\\d+))?$");
    /** One condition of a WHERE clause, ANDed to the one before: the SOQL the adapters send, nothing more. */
    private static final Pattern CONDITION = Pattern.compile("\\G(?: AND )?(?<field>[A-Za-z0-9_]+) (?:"
            + "(?<op>=|LIKE) (?:'(?<literal>(?:[^'\\\\]|\\\\.)*)'|(?<bool>true|false))"
            + "|IN \\((?:(?<sub>SELECT [^)]*)|(?<list>'[^)]*'))\\))");
    private static final Pattern LITERAL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");
    private static final Map<String, String> PREFIX = Map.of("Contact", "003", "Account", "001", "User", "005",
            "Opportunity", "006", "Task", "00T", "OpportunityContactRole", "00K");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Contact", Set.of("Id", "Email", "FirstName", "LastName", "Company_Name__c", "Phone", "Lifecycle_Stage__c",
                    "OwnerId", "Orchestrator_Email__c", "AccountId", "MailingCountry", "IsDeleted", "MasterRecordId"),
            "Account", Set.of("Id", "Name", "Website", "OwnerId", "Industry", "NumberOfEmployees", "BillingCountry",
                    "BillingState", "Revenue_Range__c", "IsDeleted", "MasterRecordId"),
            "User", Set.of("Id", "Email", "FirstName", "LastName", "IsActive", "UserType"),
            "Opportunity", Set.of("Id", "Name", "StageName", "CloseDate", "Amount", "Pipeline__c", "OwnerId",
                    "AccountId", "IsClosed", "IsWon", "Orchestrator_Id__c"),
            "Task", Set.of("Id", "WhoId", "Subject", "Description", "ActivityDate", "Status", "Priority", "OwnerId",
                    "Orchestrator_Id__c"),
            "OpportunityContactRole", Set.of("Id", "OpportunityId", "ContactId", "Role", "IsPrimary"));
    private static final Map<String, List<String>> REQUIRED = Map.of("Contact", List.of("LastName"),
            "Account", List.of("Name"), "Opportunity", List.of("Name", "StageName", "CloseDate"),
            "OpportunityContactRole", List.of("OpportunityId", "ContactId"));
    private static final Map<String, String> EXTERNAL_IDS = Map.of("Contact", "Orchestrator_Email__c",
            "Opportunity", "Orchestrator_Id__c", "Task", "Orchestrator_Id__c");
    private static final Set<String> STAGE_NAMES = Set.of("Prospecting", "Qualification", "Needs Analysis",
            "Value Proposition", "Closed Won", "Closed Lost");
    /** Reference fields and the sObject each must point at. */
    private static final Map<String, String> REFERENCES = Map.of("AccountId", "Account", "OwnerId", "User",
            "WhoId", "Contact", "OpportunityId", "Opportunity", "ContactId", "Contact");
    private static final Set<String> STAGES = Set.of("subscriber", "lead", "mql", "sql", "opportunity", "customer");
    /** Fields Salesforce keeps itself: readable, refused in a write. */
    private static final Set<String> SYSTEM_FIELDS = Set.of("IsDeleted", "MasterRecordId");
    /** What a merge moves from the merged record to the master: a child sObject and its field pointing at the parent. */
    private static final Map<String, List<String[]>> CHILDREN = Map.of(
            "Contact", List.of(new String[] {"Task", "WhoId"}, new String[] {"OpportunityContactRole", "ContactId"}),
            "Account", List.of(new String[] {"Contact", "AccountId"}, new String[] {"Opportunity", "AccountId"}));
    static final String SOAP = "/services/Soap/u/62.0";

    /** One request as it arrived. */
    record Received(String method, String path, String query, Map<String, String> headers, String body) {
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, Map<String, ObjectNode>> records = new LinkedHashMap<>();
    /** Deleted records, merged ones among them ({@code MasterRecordId}): what {@code queryAll} still sees. */
    private final Map<String, Map<String, ObjectNode>> recycleBin = new LinkedHashMap<>();
    private final Deque<String[]> failedMerges = new ArrayDeque<>();
    private final Set<String> validTokens = new HashSet<>();
    private final List<Received> received = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Deque<Answer> scripted = new ArrayDeque<>();
    private String dropNextAnswerTo;
    private int tokensIssued;
    private int apiUsage;
    private int nextId = 1;
    private int pageSize = 2000;

    FakeSalesforce() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Salesforce", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        reset();
    }

    URI instanceUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- test controls -------------------------------------------------------------------------------------

    synchronized void reset() {
        records.clear();
        recycleBin.clear();
        failedMerges.clear();
        PREFIX.keySet().forEach(type -> {
            records.put(type, new LinkedHashMap<>());
            recycleBin.put(type, new LinkedHashMap<>());
        });
        received.clear();
        violations.clear();
        scripted.clear();
        dropNextAnswerTo = null;
        pageSize = 2000;
    }

    /** A record someone typed into Salesforce, exactly as typed. */
    synchronized String hold(String type, Map<String, Object> fields) {
        String id = newId(type);
        ObjectNode record = json.createObjectNode().put("Id", id);
        fields.forEach((k, v) -> record.set(k, json.valueToTree(v)));
        records.get(type).put(id, record);
        return id;
    }

    /** A record with an id the test chooses (owner ids the contract names). */
    synchronized void holdWithId(String type, String id, Map<String, Object> fields) {
        ObjectNode record = json.createObjectNode().put("Id", id);
        fields.forEach((k, v) -> record.set(k, json.valueToTree(v)));
        records.get(type).put(id, record);
    }

    synchronized void expireSessions() {
        validTokens.clear();
    }

    /** The next merge call's result is a failure with this status code, as Salesforce reports one in its result. */
    synchronized void failNextMerge(String statusCode, String message) {
        failedMerges.addLast(new String[] {statusCode, message});
    }

    synchronized boolean inRecycleBin(String type, String id) {
        return recycleBin.get(type).containsKey(id);
    }

    synchronized ObjectNode deleted(String type, String id) {
        return recycleBin.get(type).get(id).deepCopy();
    }

    synchronized void respondNext(int status, String body) {
        scripted.addLast(new Answer(status, body, Map.of()));
    }

    /** The next request whose path ends with this suffix is carried out, then the connection is cut. */
    synchronized void dropNextAnswerTo(String pathSuffix) {
        dropNextAnswerTo = pathSuffix;
    }

    synchronized void pageQueriesBy(int size) {
        pageSize = size;
    }

    synchronized int tokensIssued() {
        return tokensIssued;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized List<ObjectNode> all(String type) {
        return records.get(type).values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode record(String type, String id) {
        return records.get(type).get(id).deepCopy();
    }

    synchronized boolean holds(String type, String id) {
        return records.get(type).containsKey(id);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the org -------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            boolean drop;
            synchronized (this) {
                String method = exchange.getRequestMethod();
                String path = exchange.getRequestURI().getRawPath();
                String query = exchange.getRequestURI().getRawQuery();
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
                received.add(new Received(method, path, query, headers, body));
                drop = dropNextAnswerTo != null && path.endsWith(dropNextAnswerTo);
                if (drop) {
                    dropNextAnswerTo = null;
                }
                if (path.equals("/services/oauth2/token")) {
                    answer = token(body);
                } else if (!scripted.isEmpty()) {
                    answer = scripted.pollFirst();
                } else if (path.equals(SOAP)) {
                    if (!method.equals("POST") || !headers.getOrDefault("content-type", "").startsWith("text/xml")
                            || !headers.containsKey("soapaction")) {
                        violations.add(method + " " + path + " without POST, text/xml and a SOAPAction header");
                    }
                    answer = soap(body);
                } else if (!validTokens.contains(headers.getOrDefault("authorization", "").replace("Bearer ", ""))) {
                    answer = errors(401, "INVALID_SESSION_ID", "Session expired or invalid", List.of());
                } else {
                    if (!method.equals("GET") && !"false".equals(headers.get("sforce-auto-assign"))) {
                        violations.add(method + " " + path + " without Sforce-Auto-Assign: false");
                    }
                    apiUsage++;
                    answer = serve(method, path, query, body);
                }
            }
            if (drop) {
                exchange.sendResponseHeaders(200, 1024);
                return;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.headers().getOrDefault("Content-Type",
                    "application/json;charset=UTF-8"));
            exchange.getResponseHeaders().add("Sforce-Limit-Info", "api-usage=" + apiUsage + "/15000");
            answer.headers().forEach((k, v) -> {
                if (!k.equals("Content-Type")) {
                    exchange.getResponseHeaders().add(k, v);
                }
            });
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private Answer token(String form) {
        Map<String, String> params = form(form);
        if (!"client_credentials".equals(params.get("grant_type"))) {
            return new Answer(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"grant type not "
                    + "supported\"}", Map.of());
        }
        if (!CLIENT_ID.equals(params.get("client_id")) || !CLIENT_SECRET.equals(params.get("client_secret"))) {
            return new Answer(400, "{\"error\":\"invalid_client\",\"error_description\":\"invalid client "
                    + "credentials\"}", Map.of());
        }
        String token = "00D000000000001!AQ4AQ.token" + (++tokensIssued);
        validTokens.add(token);
        return new Answer(200, json.createObjectNode().put("access_token", token)
                .put("instance_url", instanceUrl().toString()).put("id", "https://login.salesforce.com/id/00D/005")
                .put("token_type", "Bearer").put("issued_at", "1767608130000").put("signature", "c2lnbmF0dXJl")
                .toString(), Map.of());
    }

    private Answer serve(String method, String path, String query, String body) throws IOException {
        if (!path.startsWith(API)) {
            return errors(404, "NOT_FOUND", "The requested resource does not exist", List.of());
        }
        String[] p = path.substring(API.length()).split("/");
        // p[0] is empty: "/query" -> ["", "query"]
        if (method.equals("GET") && p.length == 2 && p[1].equals("limits")) {
            return new Answer(200, "{\"DailyApiRequests\":{\"Max\":15000,\"Remaining\":" + (15000 - apiUsage)
                    + "}}", Map.of());
        }
        if (method.equals("GET") && p.length == 2 && p[1].equals("query")) {
            return query(URLDecoder.decode(form(query).getOrDefault("q", ""), StandardCharsets.UTF_8), 0);
        }
        if (method.equals("GET") && p.length == 2 && p[1].equals("queryAll")) {
            return query(URLDecoder.decode(form(query).getOrDefault("q", ""), StandardCharsets.UTF_8), 0, true);
        }
        if (method.equals("GET") && p.length == 3 && p[1].equals("query")) {
            String[] cursor = p[2].split("-", 2);
            return query(new String(java.util.Base64.getUrlDecoder().decode(cursor[1]), StandardCharsets.UTF_8),
                    Integer.parseInt(cursor[0]));
        }
        if (method.equals("PATCH") && p.length == 3 && p[1].equals("composite") && p[2].equals("sobjects")) {
            return collection(json.readTree(body), null, null);
        }
        if (method.equals("PATCH") && p.length == 5 && p[1].equals("composite") && p[2].equals("sobjects")
                && records.containsKey(p[3])) {
            return collection(json.readTree(body), p[3], p[4]);
        }
        if (p.length >= 3 && p[1].equals("sobjects") && records.containsKey(p[2])) {
            String type = p[2];
            if (method.equals("POST") && p.length == 3) {
                return create(type, json.readTree(body));
            }
            if (method.equals("GET") && p.length == 4) {
                return retrieve(type, URLDecoder.decode(p[3], StandardCharsets.UTF_8),
                        form(query).getOrDefault("fields", ""));
            }
            if (method.equals("PATCH") && p.length == 4) {
                return update(type, URLDecoder.decode(p[3], StandardCharsets.UTF_8), json.readTree(body));
            }
            if (method.equals("DELETE") && p.length == 4) {
                ObjectNode removed = records.get(type).remove(URLDecoder.decode(p[3], StandardCharsets.UTF_8));
                return removed == null
                        ? errors(404, "NOT_FOUND", "The requested resource does not exist", List.of())
                        : new Answer(204, "", Map.of());
            }
            if (method.equals("PATCH") && p.length == 5) {
                return upsert(type, p[3], URLDecoder.decode(p[4], StandardCharsets.UTF_8), json.readTree(body));
            }
        }
        return errors(404, "NOT_FOUND", "The requested resource does not exist", List.of());
    }

    private Answer query(String soql, int offset) {
        return query(soql, offset, false);
    }

    /** {@code queryAll} sees deleted records too; a live record reads {@code IsDeleted} false. */
    private Answer query(String soql, int offset, boolean withDeleted) {
        Matcher m = SOQL.matcher(soql);
        if (!m.matches()) {
            return errors(400, "MALFORMED_QUERY", "unexpected token in: " + soql, List.of());
        }
        String type = m.group("type");
        if (!records.containsKey(type)) {
            return errors(400, "INVALID_TYPE", "sObject type '" + type + "' is not supported.", List.of());
        }
        List<String> selected = new ArrayList<>();
        for (String field : m.group("fields").split(",")) {
            selected.add(field.strip());
        }
        for (String field : selected) {
            if (!FIELDS.get(type).contains(field)) {
                return errors(400, "INVALID_FIELD", "\n" + soql + "\nERROR at Row:1:Column:1\nNo such column '" + field
                        + "' on entity '" + type + "'.", List.of());
            }
        }
        List<java.util.function.Predicate<ObjectNode>> conditions = new ArrayList<>();
        if (m.group("where") != null) {
            String where = m.group("where");
            Matcher c = CONDITION.matcher(where);
            int end = 0;
            while (c.find()) {
                conditions.add(condition(c));
                end = c.end();
            }
            if (end != where.length()) {
                return errors(400, "MALFORMED_QUERY", "unexpected token at: " + where.substring(end), List.of());
            }
        }
        List<ObjectNode> hits = new ArrayList<>();
        List<ObjectNode> candidates = new ArrayList<>(records.get(type).values());
        if (withDeleted) {
            candidates.addAll(recycleBin.get(type).values());
        }
        for (ObjectNode record : candidates) {
            if (conditions.stream().allMatch(p -> p.test(record))) {
                hits.add(record);
            }
        }
        if (m.group("order") != null) {
            String order = m.group("order");
            hits.sort(java.util.Comparator.comparing(r -> r.path(order).asText("")));
        }
        int limit = m.group("limit") == null ? Integer.MAX_VALUE : Integer.parseInt(m.group("limit"));
        List<ObjectNode> all = hits.stream().limit(limit).toList();
        List<ObjectNode> page = all.stream().skip(offset).limit(pageSize).toList();
        ObjectNode result = json.createObjectNode().put("totalSize", all.size());
        boolean done = offset + page.size() >= all.size();
        result.put("done", done);
        if (!done) {
            result.put("nextRecordsUrl", API + "/query/" + (offset + pageSize) + "-"
                    + java.util.Base64.getUrlEncoder().encodeToString(soql.getBytes(StandardCharsets.UTF_8)));
        }
        ArrayNode out = result.putArray("records");
        for (ObjectNode record : page) {
            ObjectNode row = out.addObject();
            row.putObject("attributes").put("type", type).put("url", API + "/sobjects/" + type + "/"
                    + record.path("Id").asText());
            selected.forEach(field -> row.set(field, record.has(field) ? record.get(field)
                    : field.equals("IsDeleted") ? json.getNodeFactory().booleanNode(false) : json.nullNode()));
            if (m.group("child") != null) {
                // an opportunity's contact roles, as a nested query result; null when it has none
                List<ObjectNode> roles = records.get("OpportunityContactRole").values().stream()
                        .filter(r -> r.path("OpportunityId").asText().equals(record.path("Id").asText())).toList();
                if (roles.isEmpty()) {
                    row.putNull("OpportunityContactRoles");
                } else {
                    ObjectNode nested = row.putObject("OpportunityContactRoles").put("totalSize", roles.size())
                            .put("done", true);
                    ArrayNode nestedRecords = nested.putArray("records");
                    roles.forEach(r -> nestedRecords.addObject().set(m.group("childField"),
                            r.get(m.group("childField"))));
                }
            }
        }
        return new Answer(200, result.toString(), Map.of());
    }

    /** {@code GET /sobjects/{type}/{id}?fields=…}: the named fields, null where unset; deleted and unknown ids 404. */
    private Answer retrieve(String type, String id, String fieldList) {
        ObjectNode record = records.get(type).get(id);
        if (record == null) {
            return recycleBin.get(type).containsKey(id)
                    ? errors(404, "ENTITY_IS_DELETED", "entity is deleted", List.of())
                    : errors(404, "NOT_FOUND", "The requested resource does not exist", List.of());
        }
        ObjectNode row = json.createObjectNode();
        row.putObject("attributes").put("type", type).put("url", API + "/sobjects/" + type + "/" + id);
        List<String> wanted = fieldList.isBlank() ? List.copyOf(FIELDS.get(type))
                : List.of(URLDecoder.decode(fieldList, StandardCharsets.UTF_8).split(","));
        for (String field : wanted) {
            if (!FIELDS.get(type).contains(field.strip())) {
                return errors(400, "INVALID_FIELD", "No such column '" + field.strip() + "' on entity '" + type
                        + "'.", List.of());
            }
            row.set(field.strip(), record.has(field.strip()) ? record.get(field.strip()) : json.nullNode());
        }
        row.put("Id", id);
        return new Answer(200, row.toString(), Map.of());
    }

    // ---- the SOAP partner API: merge() ---------------------------------------------------------------------

    private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    private static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";

    /**
     * {@code merge()} as Salesforce does it: the master keeps its values, takes the fields the request sets on it,
     * gets the merged records' children, and the merged records go to the recycle bin with {@code MasterRecordId}.
     * A session the org does not know is a fault (HTTP 500, {@code sf:INVALID_SESSION_ID}); a merge it refuses is a
     * result with {@code success} false and errors.
     */
    private Answer soap(String body) {
        org.w3c.dom.Document document;
        try {
            javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(body)));
        } catch (Exception e) {
            return fault("soapenv:Client", "Unable to parse the request: " + e.getMessage());
        }
        String session = firstText(document.getDocumentElement(), PARTNER_NS, "sessionId");
        if (!validTokens.contains(session)) {
            return fault("sf:INVALID_SESSION_ID",
                    "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session");
        }
        org.w3c.dom.NodeList requests = document.getElementsByTagNameNS(PARTNER_NS, "request");
        if (document.getElementsByTagNameNS(PARTNER_NS, "merge").getLength() == 0 || requests.getLength() != 1) {
            return fault("sf:INVALID_OPERATION", "this org answers one merge request a call");
        }
        apiUsage++;
        org.w3c.dom.Element request = (org.w3c.dom.Element) requests.item(0);
        org.w3c.dom.Element master = (org.w3c.dom.Element) request.getElementsByTagNameNS(PARTNER_NS, "masterRecord")
                .item(0);
        String type = firstText(master, SOBJECT_NS, "type");
        String masterId = firstText(master, SOBJECT_NS, "Id");
        Map<String, String> sets = new LinkedHashMap<>();
        for (org.w3c.dom.Node n = master.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && SOBJECT_NS.equals(e.getNamespaceURI())
                    && !e.getLocalName().equals("type") && !e.getLocalName().equals("Id")) {
                sets.put(e.getLocalName(), e.getTextContent());
            }
        }
        List<String> losers = new ArrayList<>();
        org.w3c.dom.NodeList ids = request.getElementsByTagNameNS(PARTNER_NS, "recordToMergeIds");
        for (int i = 0; i < ids.getLength(); i++) {
            losers.add(ids.item(i).getTextContent().strip());
        }
        if (!failedMerges.isEmpty()) {
            String[] failure = failedMerges.pollFirst();
            return mergeFailed(failure[0], failure[1]);
        }
        if (!type.equals("Contact") && !type.equals("Account")) {
            return mergeFailed("INVALID_TYPE", "merge is not supported for " + type + " in this org");
        }
        if (losers.isEmpty() || losers.size() > 2 || losers.contains(masterId)) {
            return mergeFailed("INVALID_ID_FIELD", "a merge takes one or two records other than the master");
        }
        for (String id : concat(masterId, losers)) {
            if (recycleBin.get(type).containsKey(id)) {
                return mergeFailed("ENTITY_IS_DELETED", "entity is deleted");
            }
            if (!records.get(type).containsKey(id)) {
                return mergeFailed("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
            }
        }
        for (String field : sets.keySet()) {
            if (!FIELDS.get(type).contains(field) || SYSTEM_FIELDS.contains(field)) {
                return mergeFailed("INVALID_FIELD", "No such column '" + field + "' on entity '" + type + "'");
            }
        }
        ObjectNode kept = records.get(type).get(masterId);
        sets.forEach(kept::put);
        List<String> moved = new ArrayList<>();
        for (String loser : losers) {
            for (String[] child : CHILDREN.get(type)) {
                records.get(child[0]).values().stream().filter(r -> loser.equals(r.path(child[1]).asText()))
                        .forEach(r -> {
                            r.put(child[1], masterId);
                            moved.add(r.path("Id").asText());
                        });
            }
            ObjectNode gone = records.get(type).remove(loser);
            gone.put("IsDeleted", true).put("MasterRecordId", masterId);
            recycleBin.get(type).put(loser, gone);
        }
        StringBuilder result = new StringBuilder("<result><id>" + masterId + "</id>");
        losers.forEach(id -> result.append("<mergedRecordIds>").append(id).append("</mergedRecordIds>"));
        result.append("<success>true</success>");
        moved.forEach(id -> result.append("<updatedRelatedIds>").append(id).append("</updatedRelatedIds>"));
        return soapAnswer(200, "<mergeResponse>" + result + "</result></mergeResponse>");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static Answer mergeFailed(String statusCode, String message) {
        return soapAnswer(200, "<mergeResponse><result><errors><message>" + message + "</message><statusCode>"
                + statusCode + "</statusCode></errors><id xsi:nil=\"true\"/><success>false</success></result>"
                + "</mergeResponse>");
    }

    private static Answer fault(String code, String message) {
        return new Answer(500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + ENVELOPE_NS + "\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\""
                + "http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault><faultcode>" + code
                + "</faultcode><faultstring>" + message + "</faultstring></soapenv:Fault></soapenv:Body>"
                + "</soapenv:Envelope>", Map.of("Content-Type", "text/xml;charset=UTF-8"));
    }

    private static Answer soapAnswer(int status, String body) {
        return new Answer(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
                + ENVELOPE_NS + "\" xmlns=\"" + PARTNER_NS + "\" xmlns:xsi=\""
                + "http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body>" + body + "</soapenv:Body>"
                + "</soapenv:Envelope>", Map.of("Content-Type", "text/xml;charset=UTF-8"));
    }

    private static String firstText(org.w3c.dom.Element within, String namespace, String localName) {
        org.w3c.dom.NodeList found = within.getElementsByTagNameNS(namespace, localName);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    /** SOQL compares text case-insensitively; LIKE knows % and _, and \% \_ for themselves. */
    private static boolean matches(JsonNode value, String op, String literal) {
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        String actual = value.asText().toLowerCase(Locale.ROOT);
        String wanted = literal.toLowerCase(Locale.ROOT);
        if (op.equals("=")) {
            return actual.equals(wanted);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            if (c == '\\' && i + 1 < wanted.length()) {
                regex.append(Pattern.quote(String.valueOf(wanted.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return actual.matches(regex.toString());
    }

    /** The literal as SOQL reads it: \' is a quote, \\ a backslash; \% and \_ stay escaped for LIKE. */
    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\' && i + 1 < literal.length()) {
                char next = literal.charAt(++i);
                switch (next) {
                    case '%', '_' -> out.append('\\').append(next);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private java.util.function.Predicate<ObjectNode> condition(Matcher c) {
        String field = c.group("field");
        if (c.group("bool") != null) {
            boolean wanted = Boolean.parseBoolean(c.group("bool"));
            return record -> record.path(field).asBoolean(false) == wanted;
        }
        if (c.group("op") != null) {
            String literal = unescape(c.group("literal"));
            String op = c.group("op");
            return record -> matches(record.path(field), op, literal);
        }
        Set<String> values = new HashSet<>();
        if (c.group("list") != null) {
            Matcher literal = LITERAL.matcher(c.group("list"));
            while (literal.find()) {
                values.add(unescape(literal.group(1)).toLowerCase(Locale.ROOT));
            }
        } else {
            Matcher sub = SOQL.matcher(c.group("sub"));
            if (!sub.matches()) {
                return record -> false;
            }
            JsonNode rows;
            try {
                rows = json.readTree(query(c.group("sub"), 0).body()).path("records");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String selected = sub.group("fields").strip();
            rows.forEach(row -> values.add(row.path(selected).asText().toLowerCase(Locale.ROOT)));
        }
        return record -> values.contains(record.path(field).asText("").toLowerCase(Locale.ROOT));
    }

    private Answer create(String type, JsonNode values) {
        Optional<Answer> invalid = invalid(type, values, true);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String id = newId(type);
        ObjectNode record = json.createObjectNode().put("Id", id);
        values.properties().forEach(e -> record.set(e.getKey(), e.getValue()));
        derive(type, record);
        records.get(type).put(id, record);
        return new Answer(201, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}", Map.of());
    }

    private Answer update(String type, String id, JsonNode values) {
        ObjectNode record = records.get(type).get(id);
        if (record == null) {
            return errors(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + id,
                    List.of());
        }
        Optional<Answer> invalid = invalid(type, values, false);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        values.properties().forEach(e -> record.set(e.getKey(), e.getValue()));
        derive(type, record);
        return new Answer(204, "", Map.of());
    }

    private Answer upsert(String type, String externalField, String value, JsonNode values) {
        if (!externalField.equals(EXTERNAL_IDS.get(type))) {
            return errors(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: "
                    + externalField, List.of());
        }
        List<ObjectNode> matching = records.get(type).values().stream()
                .filter(r -> r.path(externalField).asText().equalsIgnoreCase(value)).toList();
        if (matching.size() > 1) {
            ArrayNode urls = json.createArrayNode();
            matching.forEach(r -> urls.add(API + "/sobjects/" + type + "/" + r.path("Id").asText()));
            return new Answer(300, urls.toString(), Map.of());
        }
        ObjectNode withKey = values.deepCopy();
        withKey.put(externalField, value);
        if (matching.isEmpty()) {
            Answer created = create(type, withKey);
            return created.status() != 201 ? created : new Answer(201, created.body().replace("}",
                    ",\"created\":true}"), Map.of());
        }
        String id = matching.get(0).path("Id").asText();
        Answer updated = update(type, id, withKey);
        return updated.status() != 204 ? updated
                : new Answer(200, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[],\"created\":false}", Map.of());
    }

    private Optional<Answer> invalid(String type, JsonNode values, boolean creating) {
        for (Map.Entry<String, JsonNode> field : values.properties()) {
            String name = field.getKey();
            String value = field.getValue().asText();
            if (!FIELDS.get(type).contains(name) || name.equals("Id")) {
                return Optional.of(errors(400, "INVALID_FIELD", "No such column '" + name + "' on sobject of type "
                        + type, List.of()));
            }
            if (SYSTEM_FIELDS.contains(name)) {
                return Optional.of(errors(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                        + name + ". Please check the security settings of this field.", List.of(name)));
            }
            if (field.getValue().isNull()) {
                continue;
            }
            if (name.equals("Lifecycle_Stage__c") && !STAGES.contains(value)) {
                return Optional.of(errors(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Lifecycle Stage: bad "
                        + "value for restricted picklist field: " + value, List.of(name)));
            }
            if (name.equals("IsClosed") || name.equals("IsWon")) {
                return Optional.of(errors(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                        + name + ". Please check the security settings of this field.", List.of(name)));
            }
            if (name.equals("StageName") && !STAGE_NAMES.contains(value)) {
                return Optional.of(errors(400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Stage: bad value for "
                        + "restricted picklist field: " + value, List.of(name)));
            }
            if (name.equals("OwnerId") && !records.get("User").containsKey(value)) {
                return Optional.of(errors(400, "INVALID_CROSS_REFERENCE_KEY", "Owner ID: owner cannot be blank or "
                        + "invalid", List.of(name)));
            }
            if (REFERENCES.containsKey(name) && !records.get(REFERENCES.get(name)).containsKey(value)) {
                return Optional.of(errors(400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id",
                        List.of(name)));
            }
        }
        for (String required : REQUIRED.getOrDefault(type, List.of())) {
            if (creating && values.path(required).asText("").isBlank()) {
                return Optional.of(errors(400, "REQUIRED_FIELD_MISSING", "Required fields are missing: [" + required
                        + "]", List.of(required)));
            }
        }
        return Optional.empty();
    }

    /** Opportunity.IsClosed follows the stage, as Salesforce derives it from the stage's "Closed" flag. */
    private static void derive(String type, ObjectNode record) {
        if (type.equals("Opportunity") && record.has("StageName")) {
            String stage = record.path("StageName").asText();
            record.put("IsClosed", stage.equals("Closed Won") || stage.equals("Closed Lost"));
            record.put("IsWon", stage.equals("Closed Won"));
        }
    }

    /**
     * sObject collections, {@code allOrNone=false}: {@code PATCH /composite/sobjects} updates by id,
     * {@code PATCH /composite/sobjects/{type}/{externalIdField}} upserts. 200 with one result per row, in input
     * order; a failed row's errors carry {@code statusCode} (not {@code errorCode}).
     */
    private Answer collection(JsonNode request, String upsertType, String externalField) throws IOException {
        JsonNode rows = request.path("records");
        if (rows.size() > 200) {
            return errors(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into "
                    + "this call", List.of());
        }
        ArrayNode results = json.createArrayNode();
        for (JsonNode row : rows) {
            ObjectNode values = row.deepCopy();
            String type = values.path("attributes").path("type").asText(upsertType);
            values.remove("attributes");
            Answer answer;
            if (upsertType == null) {
                String id = values.path("id").asText();
                values.remove("id");
                answer = records.containsKey(type) ? update(type, id, values)
                        : errors(400, "INVALID_TYPE", "no type " + type, List.of());
                if (answer.status() == 204) {
                    answer = new Answer(200, "{\"id\":\"" + id + "\",\"success\":true,\"errors\":[]}", Map.of());
                }
            } else {
                String key = values.path(externalField).asText();
                values.remove(externalField);
                answer = upsert(upsertType, externalField, key, values);
            }
            if (answer.status() < 300) {
                ObjectNode result = (ObjectNode) json.readTree(answer.body());
                result.put("created", answer.status() == 201);
                results.add(result);
            } else {
                ObjectNode failed = results.addObject().put("success", false);
                ArrayNode errs = failed.putArray("errors");
                for (JsonNode error : json.readTree(answer.body())) {
                    errs.addObject().put("statusCode", error.path("errorCode").asText())
                            .put("message", error.path("message").asText()).set("fields", error.path("fields"));
                }
            }
        }
        return new Answer(200, results.toString(), Map.of());
    }

    /** A rep moves the record on in Salesforce's UI. */
    synchronized void set(String type, String id, String field, String value) {
        ObjectNode record = records.get(type).get(id);
        record.put(field, value);
        derive(type, record);
    }

    private Answer errors(int status, String code, String message, List<String> fields) {
        ArrayNode body = json.createArrayNode();
        ObjectNode error = body.addObject().put("message", message).put("errorCode", code);
        ArrayNode list = error.putArray("fields");
        fields.forEach(list::add);
        return new Answer(status, body.toString(), Map.of());
    }

    private String newId(String type) {
        return PREFIX.get(type) + String.format("%012d", nextId++) + "AAA";
    }

    private static Map<String, String> form(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            params.put(key, eq < 0 ? "" : (key.equals("q") ? pair.substring(eq + 1)
                    : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return params;
    }
}
