package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The SMTP reply and host name checks are written by hand for speed; their meaning is the patterns
 * they replaced. These properties compare both on strings built from the characters that matter.
 */
class HandParsersTest {
    @Property(tries = 10000)
    void replyParseAgreesWithThePatterns(@ForAll("replies") String raw) {
        assertThat(SmtpReply.parse(raw)).isEqualTo(SmtpReply.parseByPatterns(raw));
    }

    @Property(tries = 3000)
    void hostCheckAgreesWithThePattern(@ForAll("hosts") String host) {
        assertThat(Hosts.isValid(host)).as(host).isEqualTo(Hosts.matchesLabelsPattern(host));
    }

    @Provide
    Arbitrary<String> replies() {
        Arbitrary<String> pieces = Arbitraries.of("250", "535", "5.7.3", "4.7.0", "5.7.1234", "2.0", "-", " ", "  ",
                "\n", "\r\n", "\r", "\t", "\u0085", "\u2028", "Auth failed", "5", ".", "7", "550-", "550 ", "x",
                "1000", "5.7.8  text", "\u2003", "\u00e9", "\r\n250 ", "\n250-5.7.1 x", "\n421 ");
        return pieces.list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> hosts() {
        Arbitrary<String> pieces = Arbitraries.of("a", "mx1", "-", ".", "_", "é", "x".repeat(62), "y".repeat(63),
                "z".repeat(64), "9", "ovh", "-a", "b-", " ");
        return pieces.list().ofMinSize(1).ofMaxSize(8).map(parts -> String.join("", parts));
    }
}
