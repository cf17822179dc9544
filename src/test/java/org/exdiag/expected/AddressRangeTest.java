package org.exdiag.expected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.exdiag.facts.IpLiterals;
import org.junit.jupiter.api.Test;

/** Networks as block lists' answers and SPF's ip4/ip6, a/mx terms test them. */
class AddressRangeTest {
    @Test
    void anAddressIsInANetworkWhenItsFirstPrefixBitsAreAlikeAndOfTheSameFamily() {
        AddressRange refused = AddressRange.parse("127.255.255.0/24");
        assertThat(refused.contains(IpLiterals.parse("127.255.255.254"))).isTrue();
        assertThat(refused.contains(IpLiterals.parse("127.0.0.2"))).isFalse();
        assertThat(AddressRange.parse("192.0.2.128/25").contains(IpLiterals.parse("192.0.2.127"))).isFalse();
        assertThat(AddressRange.parse("2001:db8::/32").contains(IpLiterals.parse("2001:db8:ffff::1"))).isTrue();
        assertThat(AddressRange.parse("2001:db8::/32").contains(IpLiterals.parse("192.0.2.1"))).as("another family").isFalse();
        assertThat(AddressRange.parse("192.0.2.1").contains(IpLiterals.parse("192.0.2.1"))).as("one address").isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(IpLiterals.parse("198.51.100.7"))).isTrue();
        assertThat(new AddressRange(new byte[4], 33).contains(IpLiterals.parse("0.0.0.0"))).as("a prefix longer than the address")
                .isFalse();
    }

    @Test
    void aBadNetworkIsRefusedInWords() {
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.0/33")).hasMessageContaining("prefix out of range");
        assertThatThrownBy(() -> AddressRange.parse("example.com/24")).hasMessageContaining("not an address or network");
        assertThatThrownBy(() -> AddressRange.parse("192.0.2.0/x")).hasMessageContaining("not an address or network");
    }
}
