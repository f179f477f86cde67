package io.netstatd.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A procfs tree with damaged lines, an empty udp and no IPv6 tables: the good rows are
 * served, the bad ones are skipped and reported, and nothing fails.
 */
@WholeServiceTest(properties = "netstatd.procfs.root=src/test/resources/procfs/broken")
class MalformedProcfsTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void servesTheGoodRowsAndReportsTheBadOnes() {
		assertThat(this.mvc.get().uri("/connections")).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.count").isEqualTo(2);
			json.assertThat().extractingPath("$.connections[*].localPort").isEqualTo(java.util.List.of(2024, 18080));
			json.assertThat().extractingPath("$.skipped.count").isEqualTo(6);
			json.assertThat()
				.extractingPath("$.skipped.lines[*].lineNumber")
				.isEqualTo(java.util.List.of(3, 4, 5, 6, 7, 9));
			json.assertThat()
				.extractingPath("$.skipped.lines[0].file")
				.isEqualTo("src/test/resources/procfs/broken/net/tcp");
			json.assertThat()
				.extractingPath("$.skipped.lines[1].reason")
				.isEqualTo("expected at least 10 columns, found 4");
		});
	}

	@Test
	void reportsSkippedLinesOfTextInAHeader() {
		assertThat(this.mvc.get().uri("/stats/states?format=table")).hasStatus(200)
			.hasHeader("Netstatd-Skipped-Lines", "6")
			.hasBodyTextEqualTo("      1 LISTEN\n      1 TIME_WAIT\n".lines()
				.sorted(java.util.Comparator.reverseOrder())
				.map((line) -> line + "\n")
				.reduce("", String::concat));
		// procfs may skip lines: a list's CSV is gathered, so that the header can say so
		assertThat(this.mvc.get().uri("/connections?format=csv")).hasStatus(200)
			.hasHeader("Netstatd-Skipped-Lines", "6");
	}

	@Test
	void reportsSkippedLinesInTheStatsToo() {
		assertThat(this.mvc.get().uri("/stats/states")).hasStatus(200).bodyJson().satisfies((json) -> {
			json.assertThat().extractingPath("$.total").isEqualTo(2);
			json.assertThat().extractingPath("$.skipped.count").isEqualTo(6);
		});
	}

}
