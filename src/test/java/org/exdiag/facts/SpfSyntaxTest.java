package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.exdiag.facts.SpfSyntax.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7208's grammar (sections 4.6, 5, 6, 7.1) as SpfSyntax checks it, for the cases the conformance suite
 * (Rfc7208SuiteTest) does not write, and what the terms give their readers.
 */
class SpfSyntaxTest {
    private static Term only(String record) {
        List<Term> terms = SpfSyntax.terms(record);
        assertThat(terms).hasSize(1);
        return terms.get(0);
    }

    @Test
    void aAndMxGiveTheirDomainAndBothPrefixLengths() {
        assertThat(only("v=spf1 a")).extracting(Term::target, Term::cidr4, Term::cidr6).containsExactly(null, 32, 128);
        assertThat(only("v=spf1 mx//64")).extracting(Term::target, Term::cidr4, Term::cidr6).containsExactly(null, 32, 64);
        assertThat(only("v=spf1 -a:foo:bar/baz.example.com/24//64")).extracting(Term::qualifier, Term::target, Term::cidr4, Term::cidr6)
                .containsExactly('-', "foo:bar/baz.example.com", 24, 64);
        assertThat(only("v=spf1 MX:%{d}/0")).extracting(Term::name, Term::target, Term::cidr4).containsExactly("mx", "%{d}", 0);
    }

    /** The rules' view and the provider-address walk read value: unchanged, what follows ':' or '='. */
    @Test
    void valuesStayWhatFollowsTheName() {
        assertThat(only("v=spf1 include:mx.ovh.com").value()).isEqualTo("mx.ovh.com");
        assertThat(only("v=spf1 ip4:198.51.100.0/24")).extracting(Term::value, Term::target, Term::cidr4)
                .containsExactly("198.51.100.0/24", "198.51.100.0", 24);
        assertThat(only("v=spf1 ip6:2001:db8::/32")).extracting(Term::value, Term::target, Term::cidr6)
                .containsExactly("2001:db8::/32", "2001:db8::", 32);
        assertThat(only("v=spf1 redirect=_spf.example.com")).extracting(Term::modifier, Term::value, Term::target)
                .containsExactly(true, "_spf.example.com", "_spf.example.com");
        assertThat(only("v=spf1 a/24").value()).isEqualTo("/24");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 a:foo.example.xn--zckzah -all",
        "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
        "v=spf1 a:%{H} mx:%{d}.example.com. -all",
        "v=spf1 -all exp=explain._spf.%{d}",
        "v=spf1 moo.cow-far_out=man:dog/cat -all",
        "v=spf1 default=+ -all",
        "v=spf1 ip6:::ffff:192.0.2.1/128 ip4:0.0.0.0/0",
        "v=spf1 a:macro%%percent%_space%-url.example.com",
        "v=spf1  a   -all  "})
    void accepted(String record) {
        SpfSyntax.terms(record);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 ip6:2001:db8::/-1",
        "v=spf1 ip6:2001:db8::/200",
        "v=spf1 ip6:2001:db8::/0128",
        "v=spf1 ip4:192.0.2.0/033",
        "v=spf1 ip4:192.0.2.0/",
        "v=spf1 ip4:192.0.2.0/24/24",
        "v=spf1 a/99999999999999999999",
        "v=spf1 a:192.0.2.1",
        "v=spf1 a:example",
        "v=spf1 a:example.com/",
        "v=spf1 mx/24/64",
        "v=spf1 ptr/24",
        "v=spf1 include:%{d}.example.com/24",
        "v=spf1 exists:%{r}.example.com",
        "v=spf1 exists:%{d0}.example.com",
        "v=spf1 exists:%{d}%",
        "v=spf1 exists:%{d.example.com",
        "v=spf1 exp=",
        "v=spf1 exp=%{c}.example.com",
        "v=spf1 redirect=a.example.com redirect=b.example.com",
        "v=spf1 exp=a.example.com exp=b.example.com",
        "v=spf1 foo=%x",
        "v=spf1 1foo=bar",
        "v=spf1\t-all",
        "v=spf1 -all\n",
        "v=spf1 a:caf\u00e9.example.com"})
    void refused(String record) {
        assertThatThrownBy(() -> SpfSyntax.terms(record)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void explanationTextTakesSpacesAndItsOwnLetters() {
        assertThat(SpfMacroString.parse("%{c} is not one of %{d}'s at %{t} (%{r})", true)).hasSize(8);
        assertThatThrownBy(() -> SpfMacroString.parse("%{c} is here", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpfMacroString.parse("The %{x}-files.", true)).isInstanceOf(IllegalArgumentException.class);
    }
}
