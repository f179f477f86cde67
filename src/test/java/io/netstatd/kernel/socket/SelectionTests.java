package io.netstatd.kernel.socket;

import java.util.EnumSet;

import io.netstatd.support.inet.AddressRange;
import io.netstatd.support.inet.IpAddress;
import io.netstatd.support.inet.PortRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ss's selection: addresses and CIDR blocks, port ranges, state groups, sort orders.
 */
class SelectionTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1                 | 127.0.0.1
			0.0.0.0                   | 0.0.0.0
			::                        | ::
			::1                       | ::1
			2001:DB8::1               | 2001:db8::1
			fe80:0:0:0:0:0:0:1        | fe80::1
			::ffff:10.0.0.5           | 10.0.0.5
			64:ff9b::192.0.2.33       | 64:ff9b::c000:221
			1:2:3:4:5:6:7:8           | 1:2:3:4:5:6:7:8
			""")
	void parsesAddressLiterals(String text, String canonical) {
		assertThat(IpAddress.parse(text)).hasToString(canonical);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1::2::3",
			"1:2:3:4:5:6:7:8:9", "12345::", ":::", "::g", "1.2.3.4/8", " 1.2.3.4" })
	void rejectsWhatIsNoAddressLiteral(String text) {
		assertThat(IpAddress.parse(text)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			10.0.0.0/8          | 10.255.1.2      | true
			10.0.0.0/8          | 11.0.0.1        | false
			10.0.0.5            | 10.0.0.5        | true
			10.0.0.5            | 10.0.0.6        | false
			0.0.0.0/0           | 203.0.113.7     | true
			0.0.0.0/0           | ::1             | false
			192.168.1.128/25    | 192.168.1.200   | true
			192.168.1.128/25    | 192.168.1.100   | false
			2001:db8::/32       | 2001:db8:ffff::1 | true
			2001:db8::/32       | 2001:db9::1     | false
			2001:db8::1:0/112   | 2001:db8::1:ff  | true
			2001:db8::1:0/112   | 2001:db8::2:ff  | false
			::/0                | fe80::1         | true
			::ffff:10.0.0.0/104 | 10.9.9.9        | true
			10.0.0.0/8          | ::ffff:10.1.1.1 | true
			""")
	void matchesAddressesInBlocksIpv4MappedIncluded(String block, String address, boolean inside) {
		assertThat(AddressRange.parse(block).contains(IpAddress.parse(address))).isEqualTo(inside);
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "::/129", "::ffff:10.0.0.0/95", "host/8" })
	void rejectsBadBlocks(String block) {
		assertThat(AddressRange.parse(block)).isNull();
	}

	@Test
	void readsPortsAndRanges() {
		assertThat(PortRange.parse("80")).isEqualTo(new PortRange(80, 80));
		assertThat(PortRange.parse("1024-65535")).isEqualTo(new PortRange(1024, 65535));
		assertThat(PortRange.parse("1024-65535").contains(1023)).isFalse();
		assertThat(PortRange.parse("90-80")).isNull();
		assertThat(PortRange.parse("80-")).isNull();
		assertThat(PortRange.parse("-80")).isNull();
		assertThat(PortRange.parse("65536")).isNull();
	}

	@Test
	void namesSsStateGroups() {
		assertThat(SocketState.named("bucket")).containsExactlyInAnyOrder(SocketState.SYN_RECV, SocketState.TIME_WAIT);
		assertThat(SocketState.named("connected")).containsExactlyInAnyOrder(SocketState.ESTABLISHED,
				SocketState.SYN_SENT, SocketState.SYN_RECV, SocketState.FIN_WAIT1, SocketState.FIN_WAIT2,
				SocketState.TIME_WAIT, SocketState.CLOSE_WAIT, SocketState.LAST_ACK, SocketState.CLOSING);
		assertThat(SocketState.named("Synchronized")).doesNotContain(SocketState.SYN_SENT)
			.contains(SocketState.SYN_RECV);
		assertThat(SocketState.named("big")).doesNotContain(SocketState.SYN_RECV, SocketState.TIME_WAIT)
			.contains(SocketState.LISTEN, SocketState.UNCONN);
		assertThat(SocketState.named("all")).isEqualTo(EnumSet.allOf(SocketState.class));
		assertThat(SocketState.named("nosuchgroup")).isNull();
	}

	/**
	 * ss prints ESTAB, SYN-SENT, ...; its filter takes established, closed, listening.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ESTAB        | ESTABLISHED
			estab        | ESTABLISHED
			established  | ESTABLISHED
			SYN-SENT     | SYN_SENT
			syn-recv     | SYN_RECV
			FIN-WAIT-1   | FIN_WAIT1
			fin-wait-2   | FIN_WAIT2
			TIME-WAIT    | TIME_WAIT
			time_wait    | TIME_WAIT
			CLOSE-WAIT   | CLOSE_WAIT
			LAST-ACK     | LAST_ACK
			listening    | LISTEN
			Listen       | LISTEN
			closing      | CLOSING
			UNCONN       | UNCONN
			""")
	void takesSsStateSpellings(String word, SocketState state) {
		assertThat(SocketState.named(word)).containsExactly(state);
	}

	@Test
	void takesSsClosedAsCode07OfBothTables() {
		assertThat(SocketState.named("closed")).containsExactlyInAnyOrder(SocketState.CLOSE, SocketState.UNCONN);
	}

	@Test
	void sortsByColumnsDescendingWithADash() {
		InetSocket quiet = socket(80, 0);
		InetSocket busy = socket(81, 500);
		InetSocket busier = socket(82, 9000);

		assertThat(java.util.stream.Stream.of(quiet, busier, busy).sorted(SocketOrder.of("-recvQ")))
			.containsExactly(busier, busy, quiet);
		assertThat(java.util.stream.Stream.of(busier, quiet, busy).sorted(SocketOrder.of("localPort")))
			.containsExactly(quiet, busy, busier);
		assertThat(SocketOrder.of("rcvQ")).isNull();
		assertThat(java.util.stream.Stream.of(quiet, busier, busy).sorted(SocketOrder.of("-RECVQ")))
			.containsExactly(busier, busy, quiet);
	}

	private static InetSocket socket(int port, long recvQ) {
		return new InetSocket(Protocol.TCP, IpAddress.parse("127.0.0.1"), port, IpAddress.parse("127.0.0.2"), 40000,
				SocketState.ESTABLISHED, recvQ, 0, 0, port, SocketTimer.OFF);
	}

}
