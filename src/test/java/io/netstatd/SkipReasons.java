package io.netstatd;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Says in the build's own output why a test did not run: a test skipped for a missing
 * tool (chromium, netstat, unshare) counts as skipped, and its reason is printed where
 * the build is read, not only in a report file. Registered for every run through
 * {@code META-INF/services}.
 */
public class SkipReasons implements TestExecutionListener {

	/** The fork's own standard error: surefire captures System.err into report files. */
	private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		say(test, reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			say(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
		}
	}

	private static void say(TestIdentifier test, String reason) {
		CONSOLE.println("[SKIPPED] " + test.getLegacyReportingName() + " in "
				+ test.getUniqueId().replaceAll(".*\\[class:([^\\]]+)\\].*", "$1") + ": " + reason);
	}

}
