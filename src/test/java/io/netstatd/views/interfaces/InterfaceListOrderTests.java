package io.netstatd.views.interfaces;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * net-tools' {@code nstrcmp}, the order {@code netstat -i} lists interfaces in.
 */
class InterfaceListOrderTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "lo ifb0 ifb1 eth0|eth0 ifb0 ifb1 lo", "eth10 eth2 eth1|eth1 eth2 eth10",
					"veth12ab veth9zz veth1|veth1 veth9zz veth12ab", "wlan0 docker0 br-1f2e|br-1f2e docker0 wlan0",
					"eth0.100 eth0.20 eth0|eth0 eth0.20 eth0.100" })
	void sortsAsNetToolsDoes(String kernel, String netstat) {
		List<String> names = new ArrayList<>(List.of(kernel.split(" ")));
		names.sort(InterfaceList.NETSTAT_ORDER);
		assertThat(names).containsExactly(netstat.split(" "));
	}

}
