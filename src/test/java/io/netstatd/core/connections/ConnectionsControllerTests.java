package io.netstatd.core.connections;

import java.util.EnumSet;
import java.util.List;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.netns.NamespaceChoice;
import io.netstatd.kernel.socket.InetSocket;
import io.netstatd.kernel.socket.Protocol;
import io.netstatd.kernel.socket.SocketSelection;
import io.netstatd.kernel.socket.SocketState;
import io.netstatd.support.inet.AddressRange;
import io.netstatd.support.inet.AddressSet;
import io.netstatd.support.inet.Family;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.limits.Deadline;
import io.netstatd.support.report.Skipped;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * {@code /connections} and {@code /listening}: the query each binds, exactly, and the
 * listing it renders as JSON, a netstat table and CSV. The listing is the captured tree's
 * tcp rows.
 */
@WebSlice(ConnectionsController.class)
class ConnectionsControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	SocketListings listings;

	@Test
	void bindsEveryParameterOfTheGrammar() {
		given(this.listings.answer(any(), any())).willReturn(listing(List.of()));

		assertThat(this.mvc.get()
			.uri("/connections?protocol=TCP&protocol=udp6&family=inet6&state=ESTAB,time-wait&port=80,443"
					+ "&localPort=1024-65535&remoteAddress=10.0.0.0/8,::1&sort=-RECVQ&limit=0&resolve=TRUE"
					+ "&pid=12,34&program=nginx&netns=1"))
			.hasStatus(200);

		SocketListQuery query = bound();
		// family=inet6 keeps udp6 of the two tables asked for
		assertThat(query.selection()).isEqualTo(SocketSelection.of(EnumSet.of(Protocol.UDP6))
			.inStates(EnumSet.of(SocketState.ESTABLISHED, SocketState.TIME_WAIT))
			.withPorts(ports(new PortRange(80, 80), new PortRange(443, 443)), ports(new PortRange(1024, 65535)), null)
			.withAddresses(null, new AddressSet(List.of(AddressRange.parse("10.0.0.0/8"), AddressRange.parse("::1")))));
		assertThat(query.unix()).isFalse();
		assertThat(query.netns()).isEqualTo(NamespaceChoice.of(1));
		assertThat(query.order()).isNotNull();
		assertThat(query.limit()).isZero();
		assertThat(query.processes()).isFalse();
		assertThat(query.resolve()).isTrue();
		assertThat(query.pids()).containsExactly(12, 34);
		assertThat(query.programs()).containsExactly("nginx");
		assertThat(query.walksProcesses()).isTrue();
		assertThat(Family.INET6.label()).isEqualTo("inet6");
	}

	@Test
	void bindsTheDefaultsOfEachList() {
		given(this.listings.answer(any(), any())).willReturn(listing(List.of()));

		assertThat(this.mvc.get().uri("/connections")).hasStatus(200);
		SocketListQuery connections = bound();
		assertThat(connections.selection()).isEqualTo(SocketSelection.of(Protocol.TCP_AND_UDP));
		assertThat(connections)
			.extracting(SocketListQuery::processes, SocketListQuery::resolve, SocketListQuery::limit,
					SocketListQuery::netns)
			.containsExactly(false, false, null, NamespaceChoice.OWN);
		assertThat(connections.expensive()).isTrue();

		assertThat(this.mvc.get().uri("/listening")).hasStatus(200);
		SocketListQuery listening = bound();
		assertThat(listening.selection()).isEqualTo(SocketSelection.of(Protocol.TCP_AND_UDP).listening());
		assertThat(listening.processes()).isTrue();
		assertThat(listening.expensive()).isTrue();

		assertThat(this.mvc.get().uri("/listening?processes=false")).hasStatus(200);
		assertThat(bound().expensive()).isFalse();
	}

	@Test
	void refusesUnixSocketsOfAnotherNamespace() {
		assertThat(this.mvc.get().uri("/connections?protocol=unix&netns=all")).hasStatus(400)
			.bodyJson()
			.extractingPath("$.parameter")
			.isEqualTo("netns");
	}

	@Test
	void rendersTheListingAsJsonTableAndCsv() {
		List<InetSocket> rows = GoldenTree.sockets(Protocol.TCP)
			.stream()
			.filter((s) -> s.localPort() == 18080)
			.toList();
		given(this.listings.answer(any(), any())).willReturn(
				listing(rows.stream().map((s) -> new ListedSocket(s, "root", null, null, null, null, null)).toList()));

		assertThat(this.mvc.get().uri("/connections")).hasStatus(200)
			.hasContentType(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.connections[0].recvQ")
			.isEqualTo(0);
		assertThat(this.mvc.get().uri("/connections?format=table")).hasStatus(200)
			.hasContentType("text/plain;charset=UTF-8")
			.hasBodyTextEqualTo("""
					Proto Recv-Q Send-Q Local Address   Foreign Address State       User Inode Timer
					tcp   0      0      127.0.0.1:18080 0.0.0.0:*       LISTEN      root 6564  off (0.00/0/0)
					tcp   0      0      127.0.0.1:18080 127.0.0.3:55123 TIME_WAIT   root 0     timewait (54.70/0/0)
					tcp   5      0      127.0.0.1:18080 127.0.0.2:43391 ESTABLISHED root 6566  off (0.00/0/0)
					tcp   0      0      127.0.0.1:18080 127.0.0.3:51899 TIME_WAIT   root 0     timewait (59.79/0/0)
					""");
		assertThat(this.mvc.get().uri("/connections").accept("text/csv")).hasStatus(200)
			.hasContentType("text/csv;charset=UTF-8")
			.body()
			.asString()
			.startsWith("protocol,localAddress,localPort,remoteAddress,remotePort,state,recvQ,sendQ,uid,user,inode,")
			.contains("\r\ntcp,127.0.0.1,18080,127.0.0.2,43391,ESTABLISHED,5,0,0,root,6566,off,0.0,0,0,\r\n");
	}

	@Test
	void addsANamespaceColumnWhenRowsComeFromSeveral() {
		InetSocket socket = GoldenTree.sockets(Protocol.TCP).get(1);
		given(this.listings.answer(any(), any())).willReturn(listing(List
			.of(new ListedSocket(socket.inNamespace(4026531840L), "root", null, null, 4026531840L, null, null))));

		assertThat(this.mvc.get().uri("/connections?netns=all&format=table")).hasStatus(200)
			.bodyText()
			.startsWith("Proto Recv-Q Send-Q Local Address   Foreign Address State  User Inode Timer          Netns\n")
			.endsWith(" 4026531840\n");
		assertThat(this.mvc.get().uri("/connections?netns=all&format=csv")).hasStatus(200)
			.bodyText()
			.contains(",processes,netns\r\n")
			.endsWith(",4026531840\r\n");
	}

	private SocketListQuery bound() {
		ArgumentCaptor<SocketListQuery> query = ArgumentCaptor.forClass(SocketListQuery.class);
		then(this.listings).should(org.mockito.Mockito.atLeastOnce()).answer(query.capture(), any(Deadline.class));
		return query.getValue();
	}

	private static PortSet ports(PortRange... ranges) {
		return new PortSet(List.of(ranges));
	}

	private static SocketListing listing(List<ListedSocket> rows) {
		return new SocketListing(rows.size(), rows.size(), rows, null, Skipped.of(List.of()), null, null);
	}

}
