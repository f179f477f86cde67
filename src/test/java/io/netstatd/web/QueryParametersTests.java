package io.netstatd.web;

import java.util.EnumSet;
import java.util.Set;

import io.netstatd.socket.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryParametersTests {

	@Test
	void readsPorts() {
		assertThat(QueryParameters.port("port", "80")).isEqualTo(80);
		assertThat(QueryParameters.port("port", "0")).isZero();
		assertThat(QueryParameters.port("port", "65535")).isEqualTo(65535);
		assertThat(QueryParameters.port("port", null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "70000", "-1", "+80", "0x50", "080", " 80", "8 0", "99999999999", "８０" })
	void rejectsAnythingButAPlainDecimalPort(String value) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryParameters.port("localPort", value))
			.withMessage(
					"Invalid value '" + value + "' for parameter 'localPort': expected an integer from 0 to 65535.")
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("localPort"));
	}

	@Test
	void readsBoundedIntegersWithAFallback() {
		assertThat(QueryParameters.integer("limit", null, 1, 1000, 20)).isEqualTo(20);
		assertThat(QueryParameters.integer("limit", "1000", 1, 1000, 20)).isEqualTo(1000);
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryParameters.integer("limit", "0", 1, 1000, 20))
			.withMessage("Invalid value '0' for parameter 'limit': expected an integer from 1 to 1000.");
	}

	@Test
	void readsCommaListsCaseInsensitively() {
		Set<Protocol> all = EnumSet.allOf(Protocol.class);

		assertThat(QueryParameters.list("protocol", "TCP,udp6", Protocol::fromLabel, all)).containsExactly(Protocol.TCP,
				Protocol.UDP6);
		assertThat(QueryParameters.list("protocol", null, Protocol::fromLabel, all)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sctp9", "tcp,", "", "tcp,,udp", "udp" })
	void rejectsUnknownOrDisallowedListItems(String value) {
		Set<Protocol> tcp = EnumSet.of(Protocol.TCP, Protocol.TCP6);

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryParameters.list("protocol", value, Protocol::fromLabel, tcp))
			.withMessageEndingWith("for parameter 'protocol': expected one or more of tcp, tcp6, comma-separated.");
	}

}
