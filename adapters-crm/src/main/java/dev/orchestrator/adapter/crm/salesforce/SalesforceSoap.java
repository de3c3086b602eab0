package dev.orchestrator.adapter.crm.salesforce;

import dev.orchestrator.adapter.crm.salesforce.SalesforceErrors.SalesforceError;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The SOAP partner API's {@code merge()} call: the envelope we send and what its answer says. Salesforce answers a
 * merge with {@code mergeResponse/result} ({@code success}, {@code id}, {@code mergedRecordIds}, {@code errors} with
 * {@code statusCode} and {@code message}); a call it cannot take at all (an expired session, a malformed request) is
 * a SOAP fault, whose {@code faultcode} ({@code sf:INVALID_SESSION_ID}) is read as the error's code.
 */
final class SalesforceSoap {
    static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String SOBJECT = "urn:sobject.partner.soap.sforce.com";

    /** Whether the merge was done, and if not, Salesforce's reasons. */
    record Outcome(boolean success, List<SalesforceError> errors) {
    }

    private SalesforceSoap() {
    }

    /**
     * Merges {@code loserId} into {@code masterId}; {@code masterFields} are set on the master in the same
     * transaction (the values it takes from the loser). Field names are API names checked by the field map.
     */
    static String mergeEnvelope(String sessionId, String type, String masterId, Map<String, String> masterFields,
            String loserId) {
        StringBuilder fields = new StringBuilder();
        masterFields.forEach((name, value) -> fields.append("<o:").append(name).append('>').append(escape(value))
                .append("</o:").append(name).append('>'));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE + "\" xmlns:p=\"" + PARTNER + "\" xmlns:o=\""
                + SOBJECT + "\">"
                + "<soapenv:Header><p:SessionHeader><p:sessionId>" + escape(sessionId)
                + "</p:sessionId></p:SessionHeader></soapenv:Header>"
                + "<soapenv:Body><p:merge><p:request>"
                + "<p:masterRecord><o:type>" + escape(type) + "</o:type><o:Id>" + escape(masterId) + "</o:Id>"
                + fields + "</p:masterRecord>"
                + "<p:recordToMergeIds>" + escape(loserId) + "</p:recordToMergeIds>"
                + "</p:request></p:merge></soapenv:Body></soapenv:Envelope>";
    }

    /** The first result's success and errors, or the fault as one error; a body that is not SOAP is one error. */
    static Outcome mergeOutcome(String body) {
        Document document;
        try {
            document = parse(body == null ? "" : body);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) : body;
            return new Outcome(false, List.of(new SalesforceError("not a SOAP answer: " + shown, null, List.of())));
        }
        NodeList faults = document.getElementsByTagNameNS(ENVELOPE, "Fault");
        if (faults.getLength() > 0) {
            Element fault = (Element) faults.item(0);
            String code = child(fault, "faultcode");
            return new Outcome(false, List.of(new SalesforceError(child(fault, "faultstring"),
                    code.isEmpty() ? null : code.substring(code.indexOf(':') + 1), List.of())));
        }
        NodeList results = document.getElementsByTagNameNS(PARTNER, "result");
        if (results.getLength() == 0) {
            return new Outcome(false, List.of(new SalesforceError("the answer has no merge result", null,
                    List.of())));
        }
        Element result = (Element) results.item(0);
        List<SalesforceError> errors = new ArrayList<>();
        for (Element error : children(result, "errors")) {
            List<String> fields = children(error, "fields").stream().map(Node::getTextContent).toList();
            String code = child(error, "statusCode");
            errors.add(new SalesforceError(child(error, "message"), code.isEmpty() ? null : code, fields));
        }
        return new Outcome("true".equals(child(result, "success")), errors);
    }

    private static Document parse(String body) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // an answer is data, never a reason to read a DTD or another file
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void warning(SAXParseException e) {
                // a warning leaves the document readable; the parser would print it otherwise
            }
        });
        return builder.parse(new InputSource(new StringReader(body)));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static String child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
