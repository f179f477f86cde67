package io.netstatd.support.text;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bound names as shown: an abstract name's NUL as {@code @}, and a path that begins with
 * a literal {@code @} written so that it cannot read as one.
 */
class PrintableTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			/run/app.sock      | /run/app.sock
			\\0abstract        | @abstract
			@SUM(1)            | \\x40SUM(1)
			a@b                | a@b
			""")
	void showsASocketNameSoThatNoneReadsAsAnother(String raw, String shown) {
		byte[] bytes = raw.replace("\\0", "\0").getBytes(StandardCharsets.UTF_8);

		assertThat(Printable.socketName(bytes, 0, bytes.length)).isEqualTo(shown);
	}

}
