package org.exdiag.replies;

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
import org.exdiag.replies.ReplyPattern;
import org.junit.jupiter.api.Test;

/**
 * The literal check in front of a reply pattern's text expression only spares work: a reply matches
 * with it exactly when it matches without it. Checked on the bundled patterns and on generated ones,
 * against texts made of their own pieces in mixed case, with and without non-ASCII characters.
 */
class ReplyPatternLiteralsTest {
    private static final List<String> PIECES = List.of("spam", "SPAM", "Spam", "blocked", "BLOCKED", "locked", "lockout",
            "sender", "Sender ", "is ", "banned", "too many ", "login", " attempts", "listed in", "rbl", "dnsbl",
            "client host x ", "outbound", "-", "_", ".", " ", "ſpam", "K", "İ", "ß", "é", "5.7.1 ", "ab", "a b", "banned?", "banne", "spa", "lock", "AB", "abbb",
            "[gl01]", "domain ", "listed", "try again in 5 minutes", "xyz", "qqr", "account", "user is ", " disabled", "abab", "cd");

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

    private static List<List<String>> literals(String regex) {
        String[][] l = ReplyPattern.literalsOf(regex);
        return l == null ? null : java.util.Arrays.stream(l).map(List::of).toList();
    }

    @Test
    void eachAlternativeGivesLiteralsOneOfWhichEveryMatchContains() {
        assertThat(literals("\\blocked\\b|lockout|too many (failed )?(login|logon) attempts"))
                .containsExactly(List.of("locked"), List.of("lockout"), List.of("too many ")); // the first of the longest
        assertThat(literals("spams?|Outbound.?spam")).containsExactly(List.of("spam"), List.of("outbound"));
        assertThat(literals("(sender |from )?domain .{0,40}(is )?(listed|blacklisted|blocked)"))
                .containsExactly(List.of("domain ")); // longer than the shortest of the group's
        assertThat(literals("(url|domain)s? (is )?(listed|blacklisted|blocked)"))
                .containsExactly(List.of("listed", "blacklisted", "blocked"));
        assertThat(literals("(account|mailbox|user)( is| has been)? (disabled|suspended)"))
                .containsExactly(List.of("disabled", "suspended"));
        assertThat(literals("\\[gl01\\]|try again in [0-9]+ (seconds|minutes)"))
                .containsExactly(List.of("[gl01]"), List.of("try again in "));
        assertThat(literals("spam|^blocked")).containsExactly(List.of("spam"), List.of("blocked")); // an anchor is zero-width
        assertThat(literals("spam|[bB]locked|[|]x")).containsExactly(List.of("spam"), List.of("locked"), List.of("x"));
        assertThat(literals("ab{2,3}c|x{0,2}yz|qq+r|(ab)+cd")).containsExactly(List.of("ab"), List.of("yz"), List.of("qq"), List.of("ab"));
        assertThat(literals("x(?x)|a b")).isNull();             // flags change what a space is
        assertThat(literals("\\u017Fpam|spam")).isNull();       // escapes may name any character
        assertThat(literals("spam|")).isNull();                 // the empty alternative matches anything
        assertThat(literals("spam|\\d+")).isNull();
        assertThat(literals("[a-z&&[^b]]x|spam")).isNull();      // nested classes are not read
        // Lookarounds are zero-width: what is on either side stays side by side; what they look at is not required.
        assertThat(literals("host not found(?!, try again)|(?<=4)xx(?=y)z")).containsExactly(List.of("host not found"), List.of("xxz"));
        assertThat(literals("(?<name>spam)")).isNull();          // named groups are not read
    }

    @Test
    void everyBundledTextPatternOffersLiterals() {
        // A pattern without literals has its expression run on every reply its codes accept: the sending-IP
        // pattern's was, for months, because a doubled backslash (\\[ in single-quoted YAML) made a nested class.
        assertThat(bundledTextPatterns()).allSatisfy(regex -> assertThat(ReplyPattern.literalsOf(regex)).as(regex).isNotNull());
    }

    @Property(tries = 3000)
    void asciiCaseFoldingMatchesAsUnicodeFoldingOnAsciiTexts(@ForAll("bundledTexts") String regexAndText) {
        String[] parts = regexAndText.split("\u0000", 2);
        Pattern unicode = Pattern.compile(parts[0], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Pattern ascii = ReplyPattern.forAsciiText(unicode);
        String text = parts[1].replaceAll("[^\\x00-\\x7f]", "");
        assertThat(ascii.matcher(text).find()).as(parts[0] + " on " + text).isEqualTo(unicode.matcher(text).find());
    }

    @Property(tries = 3000)
    void asciiCaseFoldingMatchesAsUnicodeFoldingOnGeneratedPatterns(@ForAll("regexes") String regex, @ForAll("texts") String text) {
        Pattern unicode = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        String ascii = text.replaceAll("[^\\x00-\\x7f]", "");
        assertThat(ReplyPattern.forAsciiText(unicode).matcher(ascii).find()).as(regex + " on " + ascii)
                .isEqualTo(unicode.matcher(ascii).find());
    }

    @Test
    void asciiCaseFoldingIsNotUsedWhereAnEscapeNamesACharacter() {
        Pattern kelvin = Pattern.compile("\\u212Aelvin", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        assertThat(ReplyPattern.forAsciiText(kelvin)).isSameAs(kelvin);
        assertThat(kelvin.matcher("kelvin").find()).isTrue();
        Pattern plain = Pattern.compile("kelvin", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        assertThat(ReplyPattern.forAsciiText(plain).flags() & Pattern.UNICODE_CASE).isZero();
        assertThat(ReplyPattern.forAsciiText(Pattern.compile("k\u00e9", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .flags() & Pattern.UNICODE_CASE).isNotZero(); // a non-ASCII pattern keeps Unicode folding
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
                "outbound.?spam", "a b", "(?:x|y)z", "ab+", "ſpam", "K", "rbl\\b", "too many", "[a-z]+ed", "\\d\\.\\d", "is ",
                "\\[gl01\\]", "x{0,2}yz", "ab{2,3}", "q+r", "^lock", "listed$", "(sender |from )?domain ", "[|]x", ".{0,4}",
                "(account|user)( is)? (disabled|locked)", "(ab)+cd", "(?:spam|x)?y", "(ab|)c", "listed(?! in)", "(?<=\\[)gl01",
                "lock(?=ed)")
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
        return alternative.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("|", parts));
    }
}
