package io.netstatd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service as the README runs it: a JVM of its own with {@code src/main/jvm/options}
 * (the 128 MB heap, exit on {@code OutOfMemoryError}), on loopback, so that a test
 * measures what a node would run, not the test JVM's heap. Its output goes to a file
 * under {@code target/}; it is killed on close.
 */
public final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final String address;

	private final int port;

	private final Path log;

	/** The class path copied for another user, removed on close. */
	private Path copy;

	private ServiceProcess(Process process, String address, int port, Path log) {
		this.process = process;
		this.address = address;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the service with the README's JVM options and {@code arguments}, and waits
	 * until it is ready.
	 * @param name names the log file, {@code target/<name>.log}
	 * @param arguments more of the service's arguments ({@code --netstatd.x=y})
	 * @return the running service
	 */
	public static ServiceProcess start(String name, String... arguments) {
		ServiceProcess service = launch(List.of(), classPath(), "127.0.0.1", freePort(), name, arguments);
		service.awaitReady(Duration.ofSeconds(60));
		return service;
	}

	/**
	 * Launches the service in the network namespace {@code netns}
	 * ({@code ip netns exec}), bound to {@code address} there, without waiting: several
	 * start side by side, then {@link #awaitReady} each.
	 * @param netns a namespace {@code ip netns} knows
	 * @param address where it listens in that namespace, reachable from here
	 * @param port its port
	 * @param name names the log file, {@code target/<name>.log}
	 * @param arguments more of the service's arguments
	 * @return the service, starting
	 */
	public static ServiceProcess launchIn(String netns, String address, int port, String name, String... arguments) {
		return launch(List.of("ip", "netns", "exec", netns), classPath(), address, port, name, arguments);
	}

	private static String classPath() {
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}

	/**
	 * Starts the service as user 65534 (nobody) with no capability at all, through
	 * {@code setpriv}, from a copy of the class path that user may read (the local Maven
	 * repository is root's alone); the copy is removed on close.
	 * @param name names the log file, {@code target/<name>.log}
	 * @param arguments more of the service's arguments
	 * @return the running service
	 */
	public static ServiceProcess startUnprivileged(String name, String... arguments) {
		Path copy = readableClassPath();
		StringBuilder classPath = new StringBuilder();
		try (var entries = Files.list(copy)) {
			entries.sorted().forEach((entry) -> classPath.append(classPath.isEmpty() ? "" : ":").append(entry));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServiceProcess service = launch(
				List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
						"--bounding-set=-all", "--no-new-privs"),
				classPath.toString(), "127.0.0.1", freePort(), name, arguments);
		service.copy = copy;
		service.awaitReady(Duration.ofSeconds(60));
		return service;
	}

	private static Path readableClassPath() {
		try {
			Path copy = Files.createTempDirectory("netstatd-classpath");
			int i = 0;
			for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
				.split(java.io.File.pathSeparator)) {
				Path source = Path.of(entry);
				if (!Files.exists(source)) {
					continue;
				}
				// numbered, so that the class path keeps its order
				Path target = copy.resolve(String.format("%03d-%s", i++, source.getFileName()));
				Tools.run("cp -r '" + source + "' '" + target + "'");
			}
			Tools.run("chmod -R a+rX '" + copy + "'");
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ServiceProcess launch(List<String> prefix, String classPath, String address, int port, String name,
			String... arguments) {
		try {
			List<String> command = new ArrayList<>(prefix);
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			for (String option : Files.readAllLines(Path.of("src/main/jvm/options"))) {
				if (!option.isBlank()) {
					command.add(option.strip());
				}
			}
			command.add("-cp");
			command.add(classPath);
			command.add(NetstatdApplication.class.getName());
			command.add("--server.address=" + address);
			command.add("--server.port=" + port);
			command.add("--spring.main.banner-mode=off");
			command.addAll(List.of(arguments));
			Path log = Path.of("target", name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ServiceProcess(process, address, port, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The port it answers on, at 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** Its process id. */
	public long pid() {
		return this.process.pid();
	}

	/** Whether it still runs. */
	public boolean alive() {
		return this.process.isAlive();
	}

	/** What it printed so far. */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A figure of {@code /proc/<pid>/status} in kB ({@code VmRSS}, {@code VmHWM}), or -1
	 * once the process has gone.
	 */
	public long statusKb(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * Waits until the service answers its readiness probe.
	 * @param timeout how long at most
	 * @throws IllegalStateException when it exits or is not ready by then, with its log
	 */
	public void awaitReady(Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < end) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("the service exited at start:\n" + log());
			}
			try {
				HttpURLConnection connection = (HttpURLConnection) URI
					.create("http://" + this.address + ":" + this.port + "/actuator/health/readiness")
					.toURL()
					.openConnection();
				connection.setConnectTimeout(1000);
				connection.setReadTimeout(1000);
				if (connection.getResponseCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			try {
				this.process.waitFor(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new IllegalStateException("the service was not ready in " + timeout + ":\n" + log());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
		if (this.copy != null) {
			Tools.run("rm -rf '" + this.copy + "'");
		}
	}

}
