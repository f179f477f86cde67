package io.netstatd.support.text;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TextTableTests {

	@Test
	void alignsColumnsWithoutTrailingSpaces() {
		TextTable table = new TextTable("Proto", "Local Address", "State").add("tcp", "127.0.0.1:80", "LISTEN")
			.add("tcp6", ":::22", "");

		assertThat(table.aligned()).isEqualTo("""
				Proto Local Address State
				tcp   127.0.0.1:80  LISTEN
				tcp6  :::22
				""");
	}

	@Test
	void quotesCsvCellsThatNeedIt() {
		TextTable table = new TextTable("name", "path").add("a,b", "say \"hi\"").add("plain", null);

		assertThat(table.csv()).isEqualTo("name,path\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nplain,\r\n");
	}

	@Test
	void writesCellsThatSpreadsheetsWouldRunAsText() {
		TextTable table = new TextTable("path", "count").add("=1+1*cmd|calc!A0", -2)
			.add("+SUM(A1)", 3)
			.add("-2+3", 0)
			.add("@SUM(1)", 1)
			.add("\tx", 1)
			.add("/run/ok.sock", 5);

		assertThat(table.csv()).isEqualTo("path,count\r\n\"'=1+1*cmd|calc!A0\",-2\r\n\"'+SUM(A1)\",3\r\n"
				+ "\"'-2+3\",0\r\n\"'@SUM(1)\",1\r\n\"'\tx\",1\r\n/run/ok.sock,5\r\n");
	}

	@Test
	void refusesRowsOfTheWrongWidth() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TextTable("a", "b").add("1"));
	}

	@Test
	void printsUniqCountLinesInSortRnOrder() {
		record Line(long count, String value) implements TextTable.CountedLine {
		}

		String text = TextTable.uniqCount(List.of(new Line(2, "ESTABLISHED"), new Line(12, "TIME_WAIT"),
				new Line(2, "LISTEN"), new Line(123456789, "X")));

		assertThat(text).isEqualTo("123456789 X\n     12 TIME_WAIT\n      2 LISTEN\n      2 ESTABLISHED\n");
		assertThat(TextTable.uniqCount(List.of())).isEmpty();
	}

}
