package org.exdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Address literals parsed by hand-checked text only: a name is refused, never looked up. */
class IpLiteralsTest {
    @Test
    void literalsParseAndNamesAreRefusedWithoutALookup() {
        assertThat(IpLiterals.parse("192.0.2.10").getHostAddress()).isEqualTo("192.0.2.10");
        assertThat(IpLiterals.parse("2001:db8::1").getAddress()).hasSize(16);
        for (String notALiteral : new String[] {"mail.example.com", "192.0.2", "01.2.3.4", "localhost", ""}) {
            assertThatThrownBy(() -> IpLiterals.parse(notALiteral)).as(notALiteral)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an IP address");
        }
        assertThatThrownBy(() -> IpLiterals.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
