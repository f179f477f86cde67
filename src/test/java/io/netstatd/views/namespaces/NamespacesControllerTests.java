package io.netstatd.views.namespaces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.containers.Container;
import io.netstatd.kernel.containers.Containers;
import io.netstatd.kernel.netns.NamespaceScanner;
import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.support.report.Skipped;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

/**
 * {@code /namespaces}: two namespaces, the service's own holding the captured tree's
 * sockets and another holding one listener; each counted apart, as JSON and as a table.
 */
@WebSlice(NamespacesController.class)
class NamespacesControllerTests {

	private static final long OWN = 4026531840L;

	private static final long POD = 4026532177L;

	private static final String UID = "0b8ffb2a-1d4f-4d4c-9b0b-2c3b8f9d0e11";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	NamespaceScanner namespaces;

	@MockitoBean
	SocketService sockets;

	@MockitoBean
	Containers containers;

	@BeforeEach
	void twoNamespaces() {
		Map<Long, List<Integer>> pids = new TreeMap<>(Map.of(OWN, List.of(1, 2, 3), POD, List.of(986, 988)));
		NamespaceScanner.Scan scan = new NamespaceScanner.Scan(pids, 1);
		given(this.namespaces.scan()).willReturn(scan);
		given(this.namespaces.own()).willReturn(OWN);
		List<InetSocket> rows = new ArrayList<>();
		GoldenTree.sockets(Protocol.TCP, Protocol.TCP6, Protocol.UDP, Protocol.UDP6)
			.forEach((socket) -> rows.add(socket.inNamespace(OWN)));
		rows.add(GoldenTree.sockets(Protocol.TCP).get(0).inNamespace(POD));
		given(this.sockets.all(any(), eq(scan))).willReturn(new Parsed<>(rows, Skipped.NONE));
		// the pod's two processes: its sandbox's and its container's
		given(this.containers.ofProcess(986)).willReturn(new Container("a".repeat(64), null, UID, "web-1", "shop"));
		given(this.containers.ofProcess(988)).willReturn(new Container("b".repeat(64), "web", UID, "web-1", "shop"));
	}

	@Test
	void countsEachNamespacesSockets() {
		assertThat(this.mvc.get().uri("/namespaces")).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat()
				.extractingPath("$.namespaces[0].sockets")
				.isEqualTo(Map.of("tcp", 14, "tcp6", 8, "udp", 2, "udp6", 1));
			json.assertThat()
				.extractingPath("$.namespaces[1].sockets")
				.isEqualTo(Map.of("tcp", 1, "tcp6", 0, "udp", 0, "udp6", 0));
			json.assertThat().extractingPath("$.namespaces[1].pids").isEqualTo(List.of(986, 988));
			json.assertThat().extractingPath("$.unreadableProcesses").isEqualTo(1);
			json.assertThat().extractingPath("$.namespaces[0].pods").isEqualTo(List.of());
			json.assertThat().extractingPath("$.namespaces[1].pods").isEqualTo(List.of("shop/web-1"));
		});
	}

	@Test
	void printsARowPerNamespace() {
		assertThat(this.mvc.get().uri("/namespaces?format=table")).hasStatus(200).hasBodyTextEqualTo("""
				NETNS      OWN NPROCS TCP TCP6 UDP UDP6 PODS       PIDS
				4026531840 yes 3      14  8    2   1    -          1,2,3
				4026532177 no  2      1   0    0   0    shop/web-1 986,988
				""");
	}

}
