package org.exdiag.probe.ovh;

/**
 * A call the API refused or did not answer: the HTTP status (0 when there was no answer) and the
 * API's error code (e.g. INVALID_CREDENTIAL, NOT_GRANTED_CALL, QUERY_TIME_OUT), for "could not check".
 */
public class OvhApiException extends Exception {
    private final int status;
    private final String errorCode;

    public OvhApiException(int status, String errorCode, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** One line for a person: status, code and the API's words. */
    public String describe() {
        return (status == 0 ? "no answer" : "HTTP " + status) + (errorCode == null ? "" : " " + errorCode)
                + (getMessage() == null || getMessage().isBlank() ? "" : ": " + getMessage());
    }
}
