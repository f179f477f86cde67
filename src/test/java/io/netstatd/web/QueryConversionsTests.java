package io.netstatd.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.netstatd.kernel.socket.SocketState;
import io.netstatd.kernel.socket.StateSet;
import io.netstatd.support.inet.PortRange;
import io.netstatd.support.inet.PortSet;
import io.netstatd.support.query.DurationRange;
import io.netstatd.support.query.Format;
import io.netstatd.support.query.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One grammar for every parameter, bound by Spring's data binding with the service's
 * conversions: the values each kind takes, and the 400 each refuses with.
 */
class QueryConversionsTests {

	@Test
	void bindsDefaultsWhenNothingIsGiven() {
		assertThat(QueryBinder.bind(Values.class, null)).isEqualTo(new Values(null, 20, false, null, null, null));
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
		assertThat(QueryBinder.bind(Values.class, "port=" + given).port()).hasToString(bound);
	}

	@Test
	void readsARepeatedListAsOne() {
		assertThat(QueryBinder.bind(Values.class, "port=80&port=443-444").port())
			.isEqualTo(new PortSet(List.of(new PortRange(80, 80), new PortRange(443, 444))));
	}

	@Test
	void readsStatesAndGroupsInAnyCase() {
		assertThat(QueryBinder.bind(Values.class, "state=time-wait,Listen&state=bucket").state().states())
			.isEqualTo(Set.of(SocketState.TIME_WAIT, SocketState.LISTEN, SocketState.SYN_RECV));
	}

	@ParameterizedTest
	@ValueSource(strings = { "TRUE", "true", "True" })
	void readsBooleansInAnyCase(String given) {
		assertThat(QueryBinder.bind(Values.class, "flag=" + given).flag()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1s     | PT1S
			1500ms | PT1.5S
			1m     | PT1M
			30     | PT30S
			""")
	void readsDurations(String given, Duration bound) {
		assertThat(QueryBinder.bind(Values.class, "every=" + given).every()).isEqualTo(bound);
	}

	@Test
	void readsZeroAsALimitAndAWordInAnyCase() {
		Values values = QueryBinder.bind(Values.class, "limit=0&format=TABLE");

		assertThat(values.limit()).isZero();
		assertThat(values.format()).isEqualTo(Format.TABLE);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			port   | 0x50      | 0x50  | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			port   | 80,,443   | ''    | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			port   | 90-80     | 90-80 | ports from 0 to 65535 and ranges of them such as 1024-65535, comma-separated
			limit  | +5        | +5    | an integer from 0 to 1000
			limit  | 05        | 05    | an integer from 0 to 1000
			limit  | 0x10      | 0x10  | an integer from 0 to 1000
			limit  | 1001      | 1001  | an integer from 0 to 1000
			flag   | yes       | yes   | true or false
			flag   | 1         | 1     | true or false
			every  | 500ms     | 500ms | a duration from 1s to 60s, such as 1s, 1500ms or 1m
			every  | 2h        | 2h    | a duration from 1s to 60s, such as 1s, 1500ms or 1m
			format | xml       | xml   | one of json, table, csv
			limit  | ''        | ''    | an integer from 0 to 1000
			flag   | ''        | ''    | true or false
			every  | ''        | ''    | a duration from 1s to 60s, such as 1s, 1500ms or 1m
			format | ''        | ''    | one of json, table, csv
			""")
	void refusesWhatATypeDoesNotTake(String name, String given, String item, String allowed) {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryBinder.bind(Values.class, name + "=" + given))
			.satisfies((ex) -> {
				assertThat(ex.parameter()).isEqualTo(name);
				assertThat(ex.allowed()).isEqualTo(allowed);
				assertThat(ex.getMessage())
					.isEqualTo("Invalid value '" + item + "' for parameter '" + name + "': expected " + allowed + ".");
			});
	}

	@Test
	void refusesAParameterItDoesNotDeclare() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryBinder.bind(Values.class, "limt=5"))
			.withMessage("Unknown parameter 'limt': /test accepts every, flag, format, limit, port, state.");
	}

	@Test
	void refusesOneValueGivenTwice() {
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> QueryBinder.bind(Values.class, "limit=5&limit=6"))
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
			.isThrownBy(() -> QueryBinder.bind(Values.class, "x%0A2026-12-01%20INFO%20forged=1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n")
				.startsWith("Unknown parameter 'x\\x0a2026-12-01 INFO forged'"));
	}

	/**
	 * A query as an endpoint declares one.
	 *
	 * @param port ports
	 * @param limit rows
	 * @param flag a flag
	 * @param every how often
	 * @param format the representation
	 * @param state states
	 */
	record Values(PortSet port, @Schema(minimum = "0", maximum = "1000", defaultValue = "20") Integer limit,
			@Schema(defaultValue = "false") Boolean flag, @DurationRange(min = "1s", max = "60s") Duration every,
			Format format, StateSet state) {

		Values {
			limit = (limit != null) ? limit : 20;
			flag = (flag != null) ? flag : Boolean.FALSE;
		}

	}

}
