package io.netstatd.kernel.names;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A socket's ends by name, as netstat shows them without {@code -n}; each absent when
 * there is none (or, for hosts, none by the request's deadline).
 *
 * @param localHost the local address's reverse DNS name
 * @param localService the local port's service name
 * @param remoteHost the remote address's reverse DNS name
 * @param remoteService the remote port's service name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SocketNames(String localHost, String localService, String remoteHost, String remoteService) {

}
