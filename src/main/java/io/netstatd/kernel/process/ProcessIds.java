package io.netstatd.kernel.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes procfs shows: its directories named by a number. What the owner walk and
 * the namespace scan both start from.
 */
public final class ProcessIds {

	private ProcessIds() {
	}

	/** The pids under {@code root}, in directory order; none when it cannot be listed. */
	public static List<Integer> list(Path root) {
		List<Integer> pids = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
			for (Path entry : entries) {
				int pid = parse(entry.getFileName().toString());
				if (pid > 0) {
					pids.add(pid);
				}
			}
		}
		catch (IOException ex) {
			// no procfs here: no processes
		}
		return pids;
	}

	/** The pid a directory name or parameter spells, or -1 when it is none. */
	public static int parse(String name) {
		if (name.isEmpty() || name.length() > 9) {
			return -1;
		}
		int pid = 0;
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			pid = pid * 10 + (c - '0');
		}
		return pid;
	}

}
