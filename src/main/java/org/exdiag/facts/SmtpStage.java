package org.exdiag.facts;

/** The step of the SMTP dialogue a reply answered; spelled in upper case in facts files. */
public enum SmtpStage {
    CONNECT, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA, QUIT
}
