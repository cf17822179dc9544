package org.exdiag.probe.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.exdiag.facts.ClientFacts;
import org.exdiag.facts.ClientFacts.Protocol;
import org.exdiag.facts.ClientFacts.Response;

/**
 * The Autodiscover "plain old XML" exchange of Outlook (MS-OXDSCLI): the request for a mailbox, and what
 * an answer says (an error code, a redirect to another address or URL, the Account's protocols and their
 * EWS URLs). The parser is hardened: no DTD, no entity, at most {@link #MAX_DEPTH} levels,
 * {@link #MAX_ELEMENTS} elements and {@link RawHttp#MAX_BODY} bytes; a body that breaks a limit or is not
 * an Autodiscover document is "not an Autodiscover answer" (null), never an exception.
 */
public final class AutodiscoverXml {
    static final int MAX_DEPTH = 32;
    static final int MAX_ELEMENTS = 5000;
    private static final int MAX_PROTOCOLS = 20;
    private static final int MAX_TEXT = 2048;
    private static final XMLInputFactory FACTORY = factory();

    private AutodiscoverXml() {
    }

    /** The POX request Outlook sends for a mailbox. */
    public static byte[] request(String mailbox) {
        return ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">"
                + "<Request><EMailAddress>" + escape(mailbox) + "</EMailAddress>"
                + "<AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema></Request></Autodiscover>").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** What an answer says, or null when the body is not an Autodiscover document within the limits. */
    public static Response parse(byte[] body) {
        if (body == null || body.length == 0 || body.length > RawHttp.MAX_BODY) {
            return null;
        }
        XMLStreamReader xml = null;
        try {
            synchronized (FACTORY) {
                xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            }
            return read(xml);
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // nothing held
                }
            }
        }
    }

    private static Response read(XMLStreamReader xml) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        Integer errorCode = null;
        String redirectAddr = null;
        String redirectUrl = null;
        List<Protocol> protocols = new ArrayList<>();
        String[] protocol = null;
        int elements = 0;
        boolean rootSeen = false;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION ->
                        throw new XMLStreamException("DTDs and entities are refused");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    if (path.isEmpty()) {
                        if (rootSeen || !"Autodiscover".equals(name)) {
                            return null;
                        }
                        rootSeen = true;
                    }
                    if (++elements > MAX_ELEMENTS || path.size() >= MAX_DEPTH) {
                        throw new XMLStreamException("too large");
                    }
                    path.push(name);
                    text.setLength(0);
                    if ("Protocol".equals(name) && "Account".equals(parent(path))) {
                        protocol = new String[3];
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                    if (text.length() < MAX_TEXT) {
                        text.append(xml.getText(), 0, Math.min(xml.getTextLength(), MAX_TEXT - text.length()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    String value = text.toString().trim();
                    String parent = path.peek();
                    if ("ErrorCode".equals(name) && errorCode == null) {
                        errorCode = number(value);
                    } else if ("RedirectAddr".equals(name) && "Account".equals(parent)) {
                        redirectAddr = value.isEmpty() ? null : value;
                    } else if ("RedirectUrl".equals(name) && "Account".equals(parent)) {
                        redirectUrl = value.isEmpty() ? null : value;
                    } else if (protocol != null && "Protocol".equals(parent)) {
                        int field = switch (name) {
                            case "Type" -> 0;
                            case "Server" -> 1;
                            case "EwsUrl" -> 2;
                            default -> -1;
                        };
                        if (field >= 0 && !value.isEmpty()) {
                            protocol[field] = value;
                        }
                    } else if ("Protocol".equals(name) && protocol != null) {
                        if (protocol[0] != null && protocols.size() < MAX_PROTOCOLS) {
                            protocols.add(protocol(protocol));
                        }
                        protocol = null;
                    }
                    text.setLength(0);
                }
                default -> {
                }
            }
        }
        if (!rootSeen) {
            return null;
        }
        return new Response(errorCode, redirectAddr, checkedUrl(redirectUrl), protocols);
    }

    private static String parent(Deque<String> path) {
        var it = path.iterator();
        it.next();
        return it.hasNext() ? it.next() : null;
    }

    /** A protocol entry, its server and EWS URL dropped when they are not a host name and an http(s) URL. */
    private static Protocol protocol(String[] p) {
        String server = p[1] == null || ClientFacts.isServerName(p[1]) ? p[1] : null;
        return new Protocol(p[0], server, checkedUrl(p[2]));
    }

    private static String checkedUrl(String url) {
        return url == null || ClientFacts.isHttpUrl(url) ? url : null;
    }

    private static Integer number(String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
