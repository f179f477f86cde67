package io.netstatd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A process of its own that holds N client connections to a loopback listener, so that a
 * test can hold more sockets than one process's 20,000 descriptors allow (the test holds
 * the accepted ends). Connects from {@code source}, prints {@code ready N}, and holds
 * them until its standard input closes; then resets them all, so that none is left in
 * TIME_WAIT.
 */
public final class HeldClients {

	private HeldClients() {
	}

	/**
	 * {@code source target port count}.
	 * @param args the source address, the listener's address and port, how many
	 * @throws IOException when a connection fails
	 */
	public static void main(String[] args) throws IOException {
		InetSocketAddress target = new InetSocketAddress(args[1], Integer.parseInt(args[2]));
		int count = Integer.parseInt(args[3]);
		List<SocketChannel> held = new ArrayList<>(count);
		try {
			for (int i = 0; i < count; i++) {
				SocketChannel client = SocketChannel.open();
				held.add(client);
				client.bind(new InetSocketAddress(args[0], 0));
				client.connect(target);
			}
			System.out.println("ready " + held.size());
			System.out.flush();
			while (System.in.read() >= 0) {
				// held until the test closes this process's input
			}
		}
		finally {
			for (SocketChannel client : held) {
				client.setOption(StandardSocketOptions.SO_LINGER, 0);
				client.close();
			}
		}
	}

}
