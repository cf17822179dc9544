package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {
    @Test
    void splitsCodeEnhancedCodeAndText() {
        SmtpReply r = SmtpReply.parse("550 5.7.501 Access denied, spam abuse detected.");
        assertThat(r.code()).isEqualTo(550);
        assertThat(r.enhancedCode()).isEqualTo("5.7.501");
        assertThat(r.text()).isEqualTo("Access denied, spam abuse detected.");
        assertThat(r.isPermanent()).isTrue();
    }

    @Test
    void replyWithoutEnhancedCodeKeepsItsText() {
        SmtpReply r = SmtpReply.parse("535 Incorrect authentication data");
        assertThat(r.code()).isEqualTo(535);
        assertThat(r.enhancedCode()).isNull();
        assertThat(r.text()).isEqualTo("Incorrect authentication data");
    }

    @Test
    void multiLineReplyJoinsTextAndKeepsTheEnhancedCodeOnce() {
        SmtpReply r = SmtpReply.parse("535-5.7.8 Username and Password not accepted. For more information, go to\r\n"
                + "535 5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp");
        assertThat(r.code()).isEqualTo(535);
        assertThat(r.enhancedCode()).isEqualTo("5.7.8");
        assertThat(r.text()).isEqualTo("Username and Password not accepted. For more information, go to\n"
                + "https://support.google.com/mail/?p=BadCredentials - gsmtp");
    }

    @Test
    void ehloCapabilitiesAreTextLines() {
        SmtpReply r = SmtpReply.parse("250-ex.mail.ovh.net Hello [192.0.2.10]\n250-SIZE 36700160\n250 AUTH LOGIN");
        assertThat(r.code()).isEqualTo(250);
        assertThat(r.text()).isEqualTo("ex.mail.ovh.net Hello [192.0.2.10]\nSIZE 36700160\nAUTH LOGIN");
        assertThat(r.isFailure()).isFalse();
    }

    @Test
    void garbledReplyHasNoCodeAndCountsAsFailure() {
        SmtpReply r = SmtpReply.parse("HTTP/1.1 400 Bad Request");
        assertThat(r.code()).isZero();
        assertThat(r.enhancedCode()).isNull();
        assertThat(r.isFailure()).isTrue();
    }

    @Test
    void bareCodeIsAReply() {
        SmtpReply r = SmtpReply.parse("354");
        assertThat(r.code()).isEqualTo(354);
        assertThat(r.text()).isEmpty();
    }
}
