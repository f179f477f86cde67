package io.netstatd.kernel.socket;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sockets are read.
 *
 * @param source {@code netstatd.sockets.source}: {@code auto} (netlink where it works and
 * the procfs root is {@code /proc}, procfs otherwise), {@code netlink}, or {@code procfs}
 */
@ConfigurationProperties("netstatd.sockets")
public record SocketsProperties(@DefaultValue("auto") Source source) {

	/** Which source to read sockets from. */
	public enum Source {

		AUTO, NETLINK, PROCFS

	}

}
