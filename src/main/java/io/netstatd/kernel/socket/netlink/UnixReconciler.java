package io.netstatd.kernel.socket.netlink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.netstatd.kernel.procfs.Parsed;
import io.netstatd.kernel.socket.UnixSocket;
import io.netstatd.support.report.Skipped;
import io.netstatd.support.report.SkippedLine;

/**
 * Joins what sock_diag and {@code /proc/net/unix} say of the same moment. sock_diag is
 * the truth about which sockets exist and what they are called (it passes names as
 * bytes); procfs adds the reference count. A procfs line whose inode sock_diag does not
 * list is left out and reported: a name holding a line break can forge such a line, and a
 * socket closed between the two reads leaves one too.
 */
final class UnixReconciler {

	private UnixReconciler() {
	}

	static Parsed<UnixSocket> reconcile(List<UnixSocket> fromNetlink, Parsed<UnixSocket> fromProcfs, String file) {
		Map<Long, UnixSocket> procfs = new HashMap<>();
		fromProcfs.rows().forEach((socket) -> procfs.putIfAbsent(socket.inode(), socket));
		List<UnixSocket> sockets = new ArrayList<>(fromNetlink.size());
		Map<Long, Boolean> listed = new HashMap<>();
		for (UnixSocket socket : fromNetlink) {
			UnixSocket line = procfs.get(socket.inode());
			sockets.add((line != null) ? new UnixSocket(socket.type(), socket.state(), socket.listening(),
					line.refCount(), socket.inode(), socket.path()) : socket);
			listed.put(socket.inode(), Boolean.TRUE);
		}
		Skipped.Builder unlisted = new Skipped.Builder();
		for (UnixSocket line : fromProcfs.rows()) {
			if (!listed.containsKey(line.inode())) {
				unlisted.add(SkippedLine.of(file, 0,
						"inode " + line.inode() + " is not a socket sock_diag lists: forged by a name holding a "
								+ "line break, or closed between the two reads",
						(line.path() != null) ? line.path() : ""));
			}
		}
		return new Parsed<>(sockets, fromProcfs.skipped().and(unlisted.build()));
	}

}
