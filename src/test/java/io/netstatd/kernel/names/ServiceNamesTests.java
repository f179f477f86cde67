package io.netstatd.kernel.names;

import java.util.Map;

import io.netstatd.kernel.socket.Protocol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceNamesTests {

	@Test
	void readsServicesByPortAndTransport() {
		Map<String, String> parsed = ServiceNames.parse("""
				# Network services, Internet style
				ssh		22/tcp				# SSH Remote Login Protocol
				domain		53/tcp
				domain		53/udp
				http		80/tcp		www		# WorldWideWeb HTTP
				www-alt		80/tcp
				broken line
				""");
		ServiceNames.Snapshot table = new ServiceNames.Snapshot(parsed);

		assertThat(table.name(80, Protocol.TCP6)).isEqualTo("http");
		assertThat(table.name(53, Protocol.UDP)).isEqualTo("domain");
		assertThat(table.name(22, Protocol.UDP)).isNull();
		assertThat(table.name(0, Protocol.TCP)).isNull();
		assertThat(parsed).hasSize(4);
	}

}
