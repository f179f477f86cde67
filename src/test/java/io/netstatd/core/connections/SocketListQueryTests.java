package io.netstatd.core.connections;

import io.netstatd.web.QueryBinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which lists are written as the dump is read, decided once from the bound query: those
 * that need none of their rows whole.
 */
class SocketListQueryTests {

	@ParameterizedTest(name = "{0}?{1} written as read: {2}")
	@CsvSource(delimiter = '|',
			value = { "/connections||true", "/connections|limit=5|true", "/connections|state=established&port=443|true",
					"/connections|info=true&memory=true|true", "/connections|pod=shop/web-1|true",
					"/connections|format=table|true", "/listening|processes=false|true",
					"/connections|sort=-recvQ|false", "/connections|sort=rtt|false", "/connections|resolve=true|false",
					"/connections|processes=true|false", "/connections|pid=1|false", "/connections|program=sshd|false",
					"/connections|protocol=tcp,unix|false", "/connections|netns=all|false",
					"/connections|netns=1|false", "/listening||false" })
	void writesAsReadWhatNeedsNoRowsWhole(String endpoint, String query, boolean asRead) {
		assertThat(bind(endpoint, query).writesAsRead()).isEqualTo(asRead);
	}

	@ParameterizedTest(name = "{0}?{1}, command lines {2}: {3}")
	@CsvSource(delimiter = '|', nullValues = "-", value = { "/connections||false|-", "/connections||true|-",
			"/listening||false|-", "/listening|netns=all|false|Owners in other network namespaces",
			"/connections|netns=1&processes=true|false|Owners in other network namespaces",
			"/connections|netns=all|false|-",
			"/listening||true|Owners with their command lines (netstatd.processes.command-lines=true)",
			"/connections|program=sshd|true|Owners with their command lines (netstatd.processes.command-lines=true)",
			"/listening|processes=false&netns=all|true|-" })
	void asksThePrivilegedRoleForOwnersThatReachFurther(String endpoint, String query, boolean commandLines,
			String privileged) {
		assertThat(bind(endpoint, query).privileged(commandLines)).isEqualTo(privileged);
	}

	private static SocketListQuery bind(String endpoint, String query) {
		return QueryBinder.bind(ConnectionsQuery.class, query).list(endpoint.equals("/listening"));
	}

}
