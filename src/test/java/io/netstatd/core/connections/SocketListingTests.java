package io.netstatd.core.connections;

import java.util.Locale;

import io.netstatd.kernel.socket.SocketTimer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text view's timer column, written without a Formatter per row, prints what
 * {@code %.2f} prints for every value a timer can hold: whole hundredths of a second,
 * from procfs's clock ticks or sock_diag's milliseconds cut to them.
 */
class SocketListingTests {

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 5, 9, 10, 99, 100, 101, 721, 6000, 12345, 99999, 720000, -1, -50, -101 })
	void printsTheTimerAsPercentTwoF(int hundredths) {
		// procfs: jiffies / USER_HZ; sock_diag: (ms / 10) / 100.0 (InetDiagParser.timer)
		double seconds = hundredths / 100.0;
		SocketTimer timer = new SocketTimer(SocketTimer.Kind.KEEPALIVE, seconds, 3, 1);

		assertThat(SocketListing.timer(timer))
			.isEqualTo(String.format(Locale.ROOT, "%s (%.2f/%d/%d)", "keepalive", seconds, 3, 1));
	}

}
