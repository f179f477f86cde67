package io.netstatd.support.inet;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressTests {

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0000000000000000 | 0000000000000000 | ::
			0000000000000000 | 0000000000000001 | ::1
			fe80000000000000 | 0000000000000001 | fe80::1
			20010db800000000 | 0000000000000001 | 2001:db8::1
			20010db800000001 | 0000000000000001 | 2001:db8:0:1::1
			20010db800000000 | 0001000000000001 | 2001:db8::1:0:0:1
			20010db800010001 | 0001000100010001 | 2001:db8:1:1:1:1:1:1
			20010db800000000 | 0001000000000000 | 2001:db8:0:0:1::
			0000000000000000 | 0000ffff0a000005 | 10.0.0.5
			0000000000000000 | 0000fffe0a000005 | ::fffe:a00:5
			""")
	void writesCanonicalText(String high, String low, String expected) {
		IpAddress address = IpAddress.ipv6(Long.parseUnsignedLong(high, 16), Long.parseUnsignedLong(low, 16));

		assertThat(address).hasToString(expected);
	}

	@Test
	void unmapsIpv4MappedAddresses() {
		IpAddress mapped = IpAddress.ipv6(0, 0x0000_ffff_7f00_0001L);

		assertThat(mapped).isEqualTo(IpAddress.ipv4(0x7f00_0001));
		assertThat(mapped.ipv4()).isTrue();
	}

	@Test
	void writesIpv4HighOctetsUnsigned() {
		assertThat(IpAddress.ipv4(0xcb00_7107)).hasToString("203.0.113.7");
		assertThat(IpAddress.ipv4(0xffff_ffff)).hasToString("255.255.255.255");
	}

	@Test
	void sortsIpv4BeforeIpv6ThenNumerically() {
		List<IpAddress> addresses = new ArrayList<>(List.of(IpAddress.ipv6(0xfe80_0000_0000_0000L, 1),
				IpAddress.ipv4(0xc000_0201), IpAddress.ipv6(0, 1), IpAddress.ipv4(0x0a00_0005)));

		addresses.sort(null);

		assertThat(addresses).map(IpAddress::toString).containsExactly("10.0.0.5", "192.0.2.1", "::1", "fe80::1");
	}

	@Test
	void reusesARepeatedAddressAndNeverConfusesTwo() {
		assertThat(IpAddress.ipv4(0x7f00_0001)).isSameAs(IpAddress.ipv4(0x7f00_0001));
		assertThat(IpAddress.ipv6(0x2001_0db8_0000_0000L, 7)).isSameAs(IpAddress.ipv6(0x2001_0db8_0000_0000L, 7));
		// more addresses than the cache has slots, each asked for twice in a row and once
		// after all the others: always its own value, whichever slot it shared
		for (int i = 0; i < 5000; i++) {
			assertThat(IpAddress.ipv4(0x0a00_0000 + i)).hasToString("10.0." + (i >> 8) + "." + (i & 0xff))
				.isEqualTo(IpAddress.ipv4(0x0a00_0000 + i));
			assertThat(IpAddress.ipv6(i, i).ipv4()).isFalse();
		}
		for (int i = 0; i < 5000; i++) {
			assertThat(IpAddress.ipv4(0x0a00_0000 + i).low()).isEqualTo(0x0a00_0000L + i);
			assertThat(IpAddress.ipv6(i, i)).isEqualTo(new IpAddress(false, i, i));
		}
		assertThat(IpAddress.ipv4(0)).isEqualTo(IpAddress.IPV4_ANY).isNotEqualTo(IpAddress.ipv6(0, 0));
	}

	@Test
	void knowsTheWildcards() {
		assertThat(IpAddress.IPV4_ANY.isAny()).isTrue();
		assertThat(IpAddress.IPV6_ANY.isAny()).isTrue();
		assertThat(IpAddress.ipv6(0, 1).isAny()).isFalse();
	}

}
