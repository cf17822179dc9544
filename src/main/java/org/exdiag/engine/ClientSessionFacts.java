package org.exdiag.engine;

import java.net.URI;
import java.util.List;
import org.exdiag.facts.ClientFacts;
import org.exdiag.facts.ClientFacts.Attempt;
import org.exdiag.facts.ClientFacts.Tls;
import org.exdiag.facts.Hosts;
import org.exdiag.rules.AutodiscoverAttempt;
import org.exdiag.rules.AutodiscoverResult;
import org.exdiag.rules.Certificate;
import org.exdiag.rules.DomainWildcard;
import org.exdiag.rules.EwsCheck;

/** The rule facts of the {@code client} section: attempts, their certificates, the result, EWS, the wildcard. */
final class ClientSessionFacts {
    private ClientSessionFacts() {
    }

    static void add(ClientFacts client, List<Object> facts) {
        if (client == null) {
            return;
        }
        if (client.wildcard() != null) {
            facts.add(new DomainWildcard(client.wildcard()));
        }
        if (client.autodiscover() != null) {
            List<Attempt> attempts = client.autodiscover().attempts();
            for (int i = 0; i < attempts.size(); i++) {
                Attempt a = attempts.get(i);
                String host = host(a.url());
                ClientFacts.Response r = a.response();
                facts.add(new AutodiscoverAttempt(i, a.method().wire(), a.url(), host, a.address(), a.connect().wire(), status(a.tls()),
                        a.tls() == null ? List.of() : a.tls().names(), a.http() == null ? null : a.http().status(),
                        a.http() == null ? null : a.http().location(), a.http() == null ? List.of() : a.http().authMethods(),
                        r != null, r != null && r.errorCode() == null && !r.protocols().isEmpty(), r == null ? null : r.errorCode(),
                        r == null ? null : r.redirectUrl() != null ? r.redirectUrl() : r.redirectAddr()));
                addCertificate("autodiscover", a.method().wire(), a.url(), host, a.tls(), facts);
            }
            if (client.autodiscover().result() != null) {
                ClientFacts.Result r = client.autodiscover().result();
                facts.add(new AutodiscoverResult(r.method().wire(), r.ewsUrl()));
            }
        }
        ClientFacts.Ews e = client.ews();
        if (e != null) {
            String host = host(e.url());
            facts.add(new EwsCheck(e.url(), host, e.connect().wire(), status(e.tls()), e.http() == null ? null : e.http().status(),
                    e.http() == null ? List.of() : e.http().authMethods(), e.login() == null ? null : e.login().wire()));
            addCertificate("ews", null, e.url(), host, e.tls(), facts);
        }
    }

    private static void addCertificate(String where, String method, String url, String host, Tls tls, List<Object> facts) {
        if (tls != null && tls.notAfter() != null) {
            facts.add(new Certificate(where, method, url, host, tls.status().wire(), tls.subject(),
                    tls.names().stream().map(Hosts::normalize).toList(), tls.issuer(), tls.notAfter()));
        }
    }

    private static String status(Tls tls) {
        return tls == null ? null : tls.status().wire();
    }

    private static String host(String url) {
        return Hosts.normalize(URI.create(url).getHost());
    }
}
