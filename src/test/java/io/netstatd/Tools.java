package io.netstatd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The peers the suites compare with: netstat, ss, nstat, python3, unshare. */
public final class Tools {

	private Tools() {
	}

	/**
	 * Whether {@code command} is on the PATH.
	 * @param command a command's name
	 * @return whether it can be run
	 */
	public static boolean installed(String command) {
		return !run("command -v " + command + " || true").isBlank();
	}

	/**
	 * Runs a bash script, bounded to 30 s.
	 * @param script the script
	 * @return what it printed, standard error included
	 */
	public static String run(String script) {
		try {
			Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", script).isTrue();
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
