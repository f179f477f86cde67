package io.netstatd.core.stats;

import java.util.List;
import java.util.function.Supplier;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketCounter;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketService;
import io.netstatd.live.streams.EventStreams;
import io.netstatd.support.report.Skipped;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The awk recipes' endpoints over the captured tree's TCP rows, each selected by the
 * selection the request bound: exact counts, the recipes' lines, the namespace asked.
 */
@WebSlice(StatsController.class)
class StatsControllerTests {

	private static final List<InetSocket> TCP = GoldenTree.sockets(Protocol.TCP, Protocol.TCP6);

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	SocketService sockets;

	@MockitoBean
	EventStreams streams;

	@BeforeEach
	void serveTheCapturedTree() {
		given(this.sockets.count(any(), any(), any(), any())).willAnswer((call) -> {
			SocketSelection selection = call.getArgument(0);
			Supplier<SocketCounter<?>> counter = call.getArgument(3);
			SocketCounter<?> count = counter.get();
			TCP.stream().filter(selection).forEach(count);
			return count.result(Skipped.NONE);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/stats/states                                  | 22
			/stats/states?protocol=TCP6                    | 8
			/stats/states?port=18080                       | 6
			/stats/states?port=18080,18082                 | 10
			/stats/states?port=18080-18082                 | 14
			/stats/states?port=18080&port=18081&port=18082 | 14
			/stats/states?remoteAddress=127.0.0.2,127.0.0.3 | 3
			""")
	void countsTheSocketsTheQuerySelects(String uri, int total) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(200).bodyJson().extractingPath("$.total").isEqualTo(total);
	}

	@Test
	void printsTheRecipesLines() {
		assertThat(this.mvc.get().uri("/stats/states?format=table")).hasStatus(200)
			.hasBodyTextEqualTo("     12 TIME_WAIT\n      6 ESTABLISHED\n      4 LISTEN\n");
		assertThat(this.mvc.get().uri("/stats/top-ips?port=18080,18082&format=table")).hasStatus(200)
			.hasBodyTextEqualTo("      2 127.0.0.4\n      2 127.0.0.3\n      1 127.0.0.2\n");
	}

	@Test
	void countsPeersOfLocalPortsListedOrRanged() {
		assertThat(this.mvc.get().uri("/stats/top-ips?port=18080")).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.port").isEqualTo(18080);
			json.assertThat().extractingPath("$.total").isEqualTo(3);
		});
		assertThat(this.mvc.get().uri("/stats/top-ips?port=18080-18082")).hasStatus(200)
			.bodyJson()
			.satisfies((json) -> {
				json.assertThat().doesNotHavePath("$.port");
				json.assertThat().extractingPath("$.total").isEqualTo(7);
			});
		assertThat(this.mvc.get().uri("/stats/top-ips?limit=0")).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.ips").asArray().isEmpty();
			json.assertThat().extractingPath("$.total").isEqualTo(18);
		});
	}

	@Test
	void readsTheNamespaceAsked() {
		assertThat(this.mvc.get().uri("/stats/states?netns=ALL")).hasStatus(200);

		then(this.sockets).should().count(any(), eq(NamespaceChoice.ALL), any(), any());
	}

}
