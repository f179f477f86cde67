package io.netstatd.live.streams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.netstatd.HeldClients;
import io.netstatd.ServiceProcess;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident the service exists for: a host holding 20,000 sockets while 10,000 short
 * connections churn, and 16 people watching the whole table live. The service runs as the
 * README runs it (its own JVM, the 128 MB heap, exit on OutOfMemoryError), so that what
 * is measured is what a node runs. Each stream must keep sending events every interval,
 * and the service must stay up within its memory. Every socket is on 127.66.x addresses
 * the test owns; every connection is closed with a reset, so none is left in TIME_WAIT.
 */
class StreamsUnderChurnTests {

	private static final int HELD_CONNECTIONS = 10_000;

	private static final int CHURNED_CONNECTIONS = 10_000;

	private static final int STREAMS = 16;

	private static final long WATCH_SECONDS = 24;

	/**
	 * The resident memory the table of bounds (docs/configuration.md) promises the
	 * service stays under.
	 */
	private static final long RSS_BOUND_KB = 400 * 1024;

	@Test
	void sixteenWholeTableStreamsKeepSendingThroughChurn() throws Exception {
		List<SocketChannel> held = new ArrayList<>();
		Process clients = null;
		try (ServerSocketChannel listener = ServerSocketChannel.open();
				ServerSocketChannel churnListener = ServerSocketChannel.open()) {
			listener.bind(new InetSocketAddress("127.66.0.1", 0), 4096);
			churnListener.bind(new InetSocketAddress("127.66.0.2", 0), 4096);
			clients = hold(listener, held);
			// sixteen viewers, here all from one address: each may hold as many streams
			// as there are
			try (ServiceProcess service = ServiceProcess.start("streams-under-churn",
					"--netstatd.streams.max-per-client=16")) {
				AtomicBoolean stop = new AtomicBoolean();
				List<Watcher> watchers = new ArrayList<>();
				for (int i = 0; i < STREAMS; i++) {
					watchers.add(new Watcher(service.port(), stop));
				}
				watchers.forEach(Watcher::start);
				Thread churn = new Thread(() -> churn(churnListener, stop), "churn");
				long started = System.nanoTime();
				churn.start();
				long peakKb = 0;
				while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(WATCH_SECONDS) && service.alive()) {
					Thread.sleep(500);
					peakKb = Math.max(peakKb, service.statusKb("VmRSS"));
				}
				boolean alive = service.alive();
				stop.set(true);
				churn.join(30_000);
				watchers.forEach(Watcher::end);

				System.out.printf("churned %d in %d s, peak RSS %d kB, events per stream %s, the first's by kind %s%n",
						this.churned.get(), TimeUnit.NANOSECONDS.toSeconds(this.churnEnded - started), peakKb,
						watchers.stream().map((watcher) -> watcher.events.size()).toList(), watchers.get(0).kinds);
				assertThat(alive).as("the service is up after %d s; its log:%n%s", WATCH_SECONDS, tail(service.log()))
					.isTrue();
				assertThat(this.churned.get()).isGreaterThan(CHURNED_CONNECTIONS / 2);
				// the churn is done in about 20 s, sooner than the watch when it keeps
				// its
				// pace: the seconds after it may be quiet
				long churnedUntil = Math.min(WATCH_SECONDS - 1,
						TimeUnit.NANOSECONDS.toSeconds(this.churnEnded - started));
				for (Watcher watcher : watchers) {
					// each second from the fifth on (the streams' first snapshots taken)
					// has
					// events: the churn changes the table every interval
					assertThat(watcher.silentSeconds(started, 5, churnedUntil))
						.as("seconds without an event on a stream")
						.isLessThanOrEqualTo(2);
				}
				assertThat(peakKb).as("resident memory, kB").isLessThan(RSS_BOUND_KB);
			}
		}
		finally {
			if (clients != null) {
				clients.getOutputStream().close();
				clients.waitFor(30, TimeUnit.SECONDS);
				clients.destroyForcibly();
			}
			for (SocketChannel channel : held) {
				reset(channel);
			}
		}
	}

	private final AtomicInteger churned = new AtomicInteger();

	/** When the churn ended ({@link System#nanoTime()}). */
	private volatile long churnEnded;

	/**
	 * 10,000 connections from 127.66.1.1: the clients in a process of their own (one
	 * process holds 20,000 descriptors at most here), the accepted ends in this one.
	 */
	private static Process hold(ServerSocketChannel listener, List<SocketChannel> held) throws IOException {
		InetSocketAddress target = (InetSocketAddress) listener.getLocalAddress();
		Process clients = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				HeldClients.class.getName(), "127.66.1.1", "127.66.0.1", Integer.toString(target.getPort()),
				Integer.toString(HELD_CONNECTIONS))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		for (int i = 0; i < HELD_CONNECTIONS; i++) {
			held.add(listener.accept());
		}
		String ready = new BufferedReader(new InputStreamReader(clients.getInputStream(), StandardCharsets.US_ASCII))
			.readLine();
		assertThat(ready).isEqualTo("ready " + HELD_CONNECTIONS);
		return clients;
	}

	/** Short connections from 127.66.2.1, about 500 a second, until stopped or 10,000. */
	private void churn(ServerSocketChannel listener, AtomicBoolean stop) {
		long started = System.nanoTime();
		try {
			for (int i = 0; i < CHURNED_CONNECTIONS && !stop.get(); i++) {
				long due = started + i * (TimeUnit.SECONDS.toNanos(1) / 500);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				try (SocketChannel client = SocketChannel.open()) {
					client.bind(new InetSocketAddress("127.66.2.1", 0));
					client.connect(listener.getLocalAddress());
					SocketChannel accepted = listener.accept();
					reset(accepted);
					client.setOption(StandardSocketOptions.SO_LINGER, 0);
				}
				this.churned.incrementAndGet();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.churnEnded = System.nanoTime();
		}
	}

	private static void reset(SocketChannel channel) {
		try {
			channel.setOption(StandardSocketOptions.SO_LINGER, 0);
			channel.close();
		}
		catch (IOException ex) {
			// closed already
		}
	}

	private static String tail(String log) {
		return log.substring(Math.max(0, log.length() - 4000));
	}

	/**
	 * One {@code /connections/stream?interval=1s}, read as raw HTTP, its events timed.
	 */
	private static final class Watcher extends Thread {

		private final int port;

		private final AtomicBoolean stop;

		private final ConcurrentLinkedQueue<Long> events = new ConcurrentLinkedQueue<>();

		private final java.util.Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();

		private volatile Socket socket;

		Watcher(int port, AtomicBoolean stop) {
			super("stream-watcher");
			this.port = port;
			this.stop = stop;
			setDaemon(true);
		}

		@Override
		public void run() {
			try (Socket connection = new Socket("127.0.0.1", this.port)) {
				this.socket = connection;
				connection.getOutputStream()
					.write(("GET /connections/stream?interval=1s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
							+ "Accept: text/event-stream\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
				String line;
				while (!this.stop.get() && (line = reader.readLine()) != null) {
					if (line.startsWith("event:")) {
						this.events.add(System.nanoTime());
						this.kinds.merge(line.substring(6), 1, Integer::sum);
					}
				}
			}
			catch (IOException ex) {
				// ended by the test, or by the service going away: the assertions say
				// which
			}
		}

		void end() {
			try {
				if (this.socket != null) {
					this.socket.close();
				}
				join(5_000);
			}
			catch (IOException | InterruptedException ex) {
				// done with it either way
			}
		}

		/**
		 * Whole seconds from {@code from} to {@code to} after {@code started} without an
		 * event.
		 */
		long silentSeconds(long started, long from, long to) {
			long silent = 0;
			for (long second = from; second < to; second++) {
				long begin = started + TimeUnit.SECONDS.toNanos(second);
				long end = begin + TimeUnit.SECONDS.toNanos(1);
				if (this.events.stream().noneMatch((at) -> at >= begin && at < end)) {
					silent++;
				}
			}
			return silent;
		}

	}

}
