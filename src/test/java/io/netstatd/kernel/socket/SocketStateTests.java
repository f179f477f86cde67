package io.netstatd.kernel.socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SocketStateTests {

	@ParameterizedTest
	@CsvSource({ "1, ESTABLISHED", "2, SYN_SENT", "3, SYN_RECV", "4, FIN_WAIT1", "5, FIN_WAIT2", "6, TIME_WAIT",
			"7, CLOSE", "8, CLOSE_WAIT", "9, LAST_ACK", "10, LISTEN", "11, CLOSING", "0, UNKNOWN", "12, UNKNOWN",
			"13, UNKNOWN", "255, UNKNOWN" })
	void namesTcpCodesAsNetstat(int code, SocketState expected) {
		assertThat(SocketState.ofTcpCode(code)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "1, ESTABLISHED", "7, UNCONN", "10, UNKNOWN" })
	void namesUdpCodes(int code, SocketState expected) {
		assertThat(SocketState.ofUdpCode(code)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "established, ESTABLISHED", "Time_Wait, TIME_WAIT", "time-wait, TIME_WAIT", "fin-wait-1, FIN_WAIT1",
			"FIN_WAIT2, FIN_WAIT2", "unconn, UNCONN", "syn-recv, SYN_RECV" })
	void acceptsNetstatAndSsSpellings(String name, SocketState expected) {
		assertThat(SocketState.fromName(name)).isEqualTo(expected);
	}

	@Test
	void knowsNoOtherNames() {
		assertThat(SocketState.fromName("BOGUS")).isNull();
		assertThat(SocketState.fromName("")).isNull();
	}

	@Test
	void listsTheElevenNetstatStates() {
		assertThat(SocketState.TCP_STATES).hasSize(11).doesNotContain(SocketState.UNCONN, SocketState.UNKNOWN);
	}

}
