package io.netstatd.kernel.socket;

/**
 * What one lookup of a TCP connection found.
 */
public enum ConnectionStatus {

	/** Established: both ends open. */
	ESTABLISHED,

	/** Still there, but closing: the peer sent its FIN (CLOSE_WAIT), or this end did. */
	CLOSING,

	/** No such socket: reset, closed, or never one here. */
	ABSENT,

	/** This source cannot look one socket up (procfs), or the lookup failed. */
	UNKNOWN

}
