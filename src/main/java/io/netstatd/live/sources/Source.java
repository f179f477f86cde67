package io.netstatd.live.sources;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netstatd.support.text.TextTable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One remote address and what it does to the port.
 *
 * @param ip the remote address (an IPv4-mapped peer as its IPv4 address)
 * @param score how it ranks: the connections it holds now, plus those it closed in the
 * window, plus the packets it sent to the port when a capture was asked
 * @param connections the connections it holds now to the port, in any state
 * @param states those connections by state, the states it has only
 * @param closed the connections to the port it closed in the window
 * @param bytesReceived what the port received on those closed connections
 * @param bytesSent what the port sent on them, acknowledged
 * @param packetsPerSecond with {@code capture}: its TCP packets to the port per second
 * @param synsPerSecond with {@code capture}: its connection attempts (SYN without ACK) to
 * the port per second
 */
@Schema(requiredProperties = { "ip", "score", "connections", "states", "closed", "bytesReceived", "bytesSent" })
public record Source(String ip, long score, long connections, Map<String, Long> states, long closed, long bytesReceived,
		long bytesSent, @JsonInclude(JsonInclude.Include.NON_NULL) Double packetsPerSecond,
		@JsonInclude(JsonInclude.Include.NON_NULL) Double synsPerSecond) implements TextTable.CountedLine {

	@Override
	public long count() {
		return this.score;
	}

	@Override
	public String value() {
		return this.ip;
	}

}
