package io.netstatd.support.query;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One grammar for every parameter, bound by a declaration: the values each kind takes,
 * and the 400 each refuses with.
 */
class QuerySpecTests {

	static final Param<PortSet> PORT = Param.of("port", ParamTypes.ports(), "ports");

	static final Param<Integer> LIMIT = Param.of("limit", ParamTypes.integer(0, 1000), "rows").defaultsTo("20");

	static final Param<Boolean> FLAG = Param.of("flag", ParamTypes.bool(), "a flag").defaultsTo("false");

	static final Param<Duration> EVERY = Param.of("every",
			ParamTypes.duration(Duration.ofSeconds(1), Duration.ofSeconds(60)), "how often");

	static final Param<Format> FORMAT = Format.PARAM;

	private final Spec spec = new Spec();

	@Test
	void bindsDefaultsWhenNothingIsGiven() {
		assertThat(bind(Map.of())).isEqualTo(new Values(null, 20, false, null, null));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			80              | 80
			80,443          | 80,443
			1024-65535      | 1024-65535
			80,8000-8099    | 80,8000-8099
			 80 , 443       | 80,443
			""")
	void readsPortListsAndRanges(String given, String bound) {
		assertThat(bind(Map.of("port", List.of(given))).port()).hasToString(bound);
	}

	@Test
	void readsARepeatedListAsOne() {
		assertThat(bind(Map.of("port", List.of("80", "443-444"))).port())
			.isEqualTo(new PortSet(List.of(new PortRange(80, 80), new PortRange(443, 444))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "TRUE", "true", "True" })
	void readsBooleansInAnyCase(String given) {
		assertThat(bind(Map.of("flag", List.of(given))).flag()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1s     | PT1S
			1500ms | PT1.5S
			1m     | PT1M
			30     | PT30S
			""")
	void readsDurations(String given, Duration bound) {
		assertThat(bind(Map.of("every", List.of(given))).every()).isEqualTo(bound);
	}

	@Test
	void readsZeroAsALimit() {
		assertThat(bind(Map.of("limit", List.of("0"))).limit()).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			port  | 0x50      | 0x50  | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			port  | 80,,443   | ''    | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			port  | 90-80     | 90-80 | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			limit | +5        | +5    | an integer from 0 to 1000
			limit | 05        | 05    | an integer from 0 to 1000
			limit | 1001      | 1001  | an integer from 0 to 1000
			flag  | yes       | yes   | true or false
			every | 500ms     | 500ms | a duration from 1s to 60s, such as 1s, 1500ms or 1m
			every | 2h        | 2h    | a duration from 1s to 60s, such as 1s, 1500ms or 1m
			""")
	void refusesWhatATypeDoesNotTake(String name, String given, String item, String allowed) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> bind(Map.of(name, List.of(given))))
			.satisfies((ex) -> {
				assertThat(ex.parameter()).isEqualTo(name);
				assertThat(ex.allowed()).isEqualTo(allowed);
				assertThat(ex.getMessage())
					.isEqualTo("Invalid value '" + item + "' for parameter '" + name + "': expected " + allowed + ".");
			});
	}

	@Test
	void refusesAParameterItDoesNotDeclare() {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> bind(Map.of("limt", List.of("5"))))
			.withMessage("Unknown parameter 'limt': /test accepts every, flag, format, limit, port.");
	}

	@Test
	void refusesOneValueGivenTwice() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> bind(Map.of("limit", List.of("5", "6"))))
			.withMessage("Parameter 'limit' is given 2 times: it takes one value, an integer from 0 to 1000.");
	}

	/**
	 * A problem repeats a short, escaped excerpt of what it was sent, never a forged
	 * line.
	 */
	@Test
	void echoesClientTextEscapedAndCut() {
		assertThat(InvalidParameterException.echo("a\nb\u0000c\u00e9")).isEqualTo("a\\x0ab\\x00c\\u00e9");
		assertThat(InvalidParameterException.echo("x".repeat(100))).isEqualTo("x".repeat(64) + "...");
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> bind(Map.of("x\n2026-12-01 INFO forged", List.of("1"))))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n")
				.startsWith("Unknown parameter 'x\\x0a2026-12-01 INFO forged'"));
	}

	@Test
	void knowsWhichParametersItDeclares() {
		Arguments arguments = this.spec.bind(Map.of(), "/test").arguments();

		assertThat(arguments.declares(PORT)).isTrue();
		assertThat(arguments.declares(Param.of("netns", ParamTypes.names("x"), "y"))).isFalse();
		assertThat(arguments.get(Param.of("pid", ParamTypes.integers(1, 9), "z"))).isEqualTo(Set.of());
	}

	private Values bind(Map<String, List<String>> query) {
		return this.spec.bind(new LinkedHashMap<>(query), "/test").query();
	}

	/** The values as a record: what an endpoint receives. */
	record Values(PortSet port, int limit, boolean flag, Duration every, Format format) {

	}

	static final class Spec extends QuerySpec<Values> {

		Spec() {
			super(List.of(PORT, LIMIT, FLAG, EVERY, FORMAT), (arguments) -> new Values(arguments.get(PORT),
					arguments.get(LIMIT), arguments.get(FLAG), arguments.get(EVERY), arguments.get(FORMAT)));
		}

	}

}
