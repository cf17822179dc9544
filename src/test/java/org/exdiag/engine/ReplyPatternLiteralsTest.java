package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.exdiag.config.LoadException;
import org.exdiag.rules.Reply;
import org.exdiag.engine.ReplyPattern;
import org.junit.jupiter.api.Test;

/**
 * The literal check in front of a reply pattern's text expression only spares work: a reply matches
 * with it exactly when it matches without it. Checked on the bundled patterns and on generated ones,
 * against texts made of their own pieces in mixed case, with and without non-ASCII characters.
 */
class ReplyPatternLiteralsTest {
    private static final List<String> PIECES = List.of("spam", "SPAM", "Spam", "blocked", "BLOCKED", "locked", "lockout",
            "sender", "Sender ", "is ", "banned", "too many ", "login", " attempts", "listed in", "rbl", "dnsbl",
            "client host x ", "outbound", "-", "_", ".", " ", "ſpam", "K", "İ", "ß", "é", "5.7.1 ", "ab", "a b", "banned?", "banne", "spa", "lock", "AB", "abbb");

    private static boolean matchesWith(String regex, String text, boolean literals) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        ReplyPattern pattern = literals ? new ReplyPattern(0, "n", "c", Set.of(), Set.of(), null, null, p)
                : new ReplyPattern(0, "n", "c", Set.of(), Set.of(), null, null, p, null);
        return pattern.matches(new Reply("submission", 0, 0, "MAIL", 550, null, text, text));
    }

    @Property(tries = 3000)
    void theBundledPatternsMatchTheSameWithTheLiteralCheck(@ForAll("bundledTexts") String regexAndText) {
        String[] parts = regexAndText.split("\u0000", 2);
        assertThat(matchesWith(parts[0], parts[1], true)).as(parts[0] + " on " + parts[1])
                .isEqualTo(matchesWith(parts[0], parts[1], false));
    }

    @Property(tries = 5000)
    void generatedPatternsMatchTheSameWithTheLiteralCheck(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        assertThat(matchesWith(regex, text, true)).as(regex + " on " + text).isEqualTo(matchesWith(regex, text, false));
    }

    @Test
    void literalsAreTakenOnlyWhenEveryAlternativeBeginsWithOne() {
        assertThat(ReplyPattern.literalsOf("\\blocked\\b|lockout|too many (failed )?(login|logon) attempts"))
                .containsExactly("locked", "lockout", "too many ");
        assertThat(ReplyPattern.literalsOf("spams?|Outbound.?spam")).containsExactly("spam", "outbound");
        assertThat(ReplyPattern.literalsOf("spam|^blocked")).isNull();         // an anchor, not a literal
        assertThat(ReplyPattern.literalsOf("spam|[bB]locked")).isNull();       // a class may hold a bar
        assertThat(ReplyPattern.literalsOf("x(?x)|a b")).isNull();             // flags change what a space is
        assertThat(ReplyPattern.literalsOf("\\u017Fpam|spam")).isNull();       // escapes may name any character
        assertThat(ReplyPattern.literalsOf("spam|")).isNull();
    }

    @Provide
    Arbitrary<String> bundledTexts() {
        Arbitrary<String> regex = Arbitraries.of(bundledTextPatterns());
        return Combinators.combine(regex, texts()).as((r, t) -> r + "\u0000" + t);
    }

    private static List<String> bundledTextPatterns() {
        try {
            return ReplyPatternsReader.read(java.nio.file.Path.of("rules/smtp-replies.yaml"), "smtp-replies.yaml")
                    .patterns().stream().filter(p -> p.text() != null).map(p -> p.text().pattern()).toList();
        } catch (LoadException e) {
            throw new AssertionError(e);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> regexes() {
        Arbitrary<String> alternative = Arbitraries.of("spam", "\\bspam\\b", "lock(ed|out)", "banned?", "sender (is )?blocked",
                "outbound.?spam", "a b", "(?:x|y)z", "ab+", "ſpam", "K", "rbl\\b", "too many", "[a-z]+ed", "\\d\\.\\d", "is ")
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        return alternative.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("|", parts));
    }
}
