package ru.storelink.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThrottleKeysTest {

    @Test
    void anAddressIsOneSubjectWhateverItsSpellingAndIsNotStoredInClear() {
        String key = ThrottleKeys.email("Owner@Example.ru ");

        assertThat(key).isEqualTo(ThrottleKeys.email("owner@example.ru")).startsWith("email:").doesNotContain("owner");
        assertThat(key).hasSizeLessThanOrEqualTo(80).isNotEqualTo(ThrottleKeys.email("other@example.ru"));
    }

    @Test
    void ipv4ClientsAreCountedPerAddress() {
        assertThat(ThrottleKeys.client("203.0.113.7")).isEqualTo("ip:203.0.113.7");
        assertThat(ThrottleKeys.client("::ffff:203.0.113.7")).isEqualTo("ip:203.0.113.7");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        String one = ThrottleKeys.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
        String sameBlock = ThrottleKeys.client("2001:0db8:0001:0002::1");

        assertThat(one).isEqualTo(sameBlock).isEqualTo("ip:2001:db8:1:2::/64");
        assertThat(ThrottleKeys.client("2001:db8:1:3::1")).isNotEqualTo(one);
    }

    @Test
    void aMissingOrOddAddressIsOneSubjectOfItsOwn() {
        assertThat(ThrottleKeys.client(null)).isEqualTo("ip:unknown");
        assertThat(ThrottleKeys.client("")).isEqualTo("ip:unknown");
        assertThat(ThrottleKeys.client("x".repeat(500))).hasSizeLessThanOrEqualTo(80);
    }
}
