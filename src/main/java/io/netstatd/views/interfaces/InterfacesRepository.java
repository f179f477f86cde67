package io.netstatd.views.interfaces;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.procfs.ProcFile;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;

import org.springframework.stereotype.Repository;

/**
 * Reads the interfaces: counters from {@code <procfs root>/net/dev} (which every kernel
 * has: its absence is a 503), MTU and flags from {@code <sysfs root>/class/net/<name>/},
 * where {@code netstat -i} asks ioctls.
 */
@Repository
public class InterfacesRepository {

	private final Path procfs;

	private final Path sysfs;

	private final SkippedLineCounter skippedLines;

	public InterfacesRepository(ProcfsProperties procfs, SysfsProperties sysfs, SkippedLineCounter skippedLines) {
		this.procfs = procfs.root();
		this.sysfs = sysfs.root();
		this.skippedLines = skippedLines;
	}

	/**
	 * Every interface, in the kernel's order.
	 * @return the interfaces
	 */
	public InterfaceList interfaces() {
		Path file = this.procfs.resolve("net/dev");
		Parsed<DevCounters> dev = ProcNetDevParser.parse(ProcFile.read(file, ProcFile.SMALL_LIMIT));
		this.skippedLines.count(file.toString(), dev.skipped());
		List<NetInterface> interfaces = new ArrayList<>(dev.rows().size());
		for (DevCounters counters : dev.rows()) {
			Path device = this.sysfs.resolve("class/net").resolve(counters.name());
			Integer mtu = integer(device.resolve("mtu"));
			Integer flags = integer(device.resolve("flags"));
			if (flags != null) {
				flags = InterfaceFlags.withRunning(flags, text(device.resolve("operstate")));
			}
			interfaces.add(NetInterface.of(counters, mtu, flags));
		}
		return new InterfaceList(interfaces, dev.skipped());
	}

	/** A sysfs number ({@code 1500}, {@code 0x1003}), or null when it cannot be read. */
	private static Integer integer(Path file) {
		String text = text(file);
		if (text == null) {
			return null;
		}
		try {
			return text.startsWith("0x") ? Integer.parseUnsignedInt(text.substring(2), 16) : Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(Path file) {
		try {
			ProcFile content = ProcFile.readStart(file, ProcFile.TINY_LIMIT);
			return (content != null) ? content.text().strip() : null;
		}
		catch (RuntimeException ex) {
			// the interface went away, or sysfs is another namespace's
			return null;
		}
	}

}
