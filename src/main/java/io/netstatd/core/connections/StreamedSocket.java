package io.netstatd.core.connections;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The data of a {@code /connections/stream} event: the socket as {@code /connections}
 * lists it, where the event comes from, and for a close how long the socket lived.
 *
 * @param kind the event's name: {@code opened}, {@code changed} or {@code closed}
 * @param socket the socket
 * @param source {@code snapshot} (two looks compared) or {@code kernel} (its destroy
 * notice: a close, or a change into TIME_WAIT with the final counters)
 * @param livedSeconds for a close the kernel announced: seconds since the stream first
 * saw the socket (in a snapshot, or as opened); absent when it never did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StreamedSocket(@JsonIgnore String kind, @JsonUnwrapped ListedSocket socket, String source, Double livedSeconds) {

}
