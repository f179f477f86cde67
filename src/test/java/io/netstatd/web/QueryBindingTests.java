package io.netstatd.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's meaning is decided once, from its query string: the bound on expensive
 * requests (here none may run at all) asks the bound query, whatever the path's spelling
 * and whichever parameter turns the owner walk on; and a header named like a parameter is
 * no parameter.
 */
@WholeServiceTest(properties = { "netstatd.procfs.root=src/test/resources/procfs/golden",
		"netstatd.limits.expensive-requests=0" })
class QueryBindingTests {

	@Autowired
	MockMvcTester mvc;

	/**
	 * pid and program select by owner: they walk every process, as processes=true does.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/listening?processes=false&pid=1", "/listening?processes=false&program=java",
			"/listening?processes=true", "/listening?resolve=true&processes=false",
			"/listening?netns=all&processes=false", "/connections", "/connections?processes=false",
			"/stats/states?netns=all", "/namespaces" })
	void boundsEveryRequestThatWalks(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(503).hasHeader("Retry-After", "1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/listening?processes=false", "/stats/states", "/stats/top-ips?port=18080",
			"/stats/sockets", "/interfaces" })
	void neverBoundsTheCheapViews(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(200);
	}

	/** The path as the client spelled it names the same endpoint, bound the same. */
	@ParameterizedTest
	@ValueSource(strings = { "/%63onnections?processes=true", "/%6eamespaces", "/listenin%67?processes=true" })
	void boundsEncodedPathsAlike(String uri) {
		assertThat(this.mvc.get().uri(URI.create(uri))).hasStatus(503);
	}

	/**
	 * Spring binds headers into a record bound as a model attribute; the query is not
	 * one.
	 */
	@Test
	void takesNoParameterFromHeaders() {
		assertThat(this.mvc.get().uri("/stats/states").header("port", "18082")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(22);
		assertThat(this.mvc.get().uri("/stats/states").header("Protocol", "udp")).hasStatus(200);
		assertThat(this.mvc.get().uri("/stats/states?port=18082").header("port", "99999")).hasStatus(200)
			.bodyJson()
			.extractingPath("$.total")
			.isEqualTo(4);
	}

}
