package org.exdiag.rules;

import java.util.List;

/**
 * The authenticated request to the EWS URL the autodiscover answer gave ({@code client.ews}): how the
 * connection ended, the certificate's status (null: none reached), the HTTP status and schemes offered,
 * and the login ({@code ok}, {@code rejected}, {@code error}, null: the password was not sent).
 */
public record EwsCheck(String url, String host, String connect, String tls, Integer status, List<String> authMethods, String login) {
}
