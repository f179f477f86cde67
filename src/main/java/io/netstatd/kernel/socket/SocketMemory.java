package io.netstatd.kernel.socket;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A socket's memory, what {@code ss -m} prints as {@code skmem:(r...,rb...,t...)}: the
 * kernel's {@code SK_MEMINFO_*} array ({@code include/uapi/linux/sock_diag.h}, the
 * sock_diag attribute {@code INET_DIAG_SKMEMINFO}), in bytes but {@code drops}. A value
 * this kernel does not give is absent.
 *
 * @param rmemAlloc memory holding received data ({@code r})
 * @param rcvBuf the receive buffer's size ({@code rb})
 * @param wmemAlloc memory holding data sent and not yet freed ({@code t})
 * @param sndBuf the send buffer's size ({@code tb})
 * @param fwdAlloc memory reserved ahead ({@code f})
 * @param wmemQueued memory of data queued to send ({@code w})
 * @param optMem memory for socket options ({@code o})
 * @param backlog memory of the backlog queue ({@code bl})
 * @param drops packets dropped before reaching the socket ({@code d})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SocketMemory(Long rmemAlloc, Long rcvBuf, Long wmemAlloc, Long sndBuf, Long fwdAlloc, Long wmemQueued,
		Long optMem, Long backlog, Long drops) {

}
