package io.netstatd.core.connections;

import io.netstatd.support.limits.Deadline;
import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.ReadAsWritten;
import io.netstatd.support.text.TextView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The socket lists: {@code netstat -antu} and {@code netstat -tuln}, with ss's selection.
 * Their body is a {@link SocketListing}, written as read or gathered
 * ({@link SocketListings#answer}).
 */
@RestController
@Tag(name = "sockets")
class ConnectionsController {

	private final SocketListings listings;

	private final ExpensiveRequests expensive;

	ConnectionsController(SocketListings listings, ExpensiveRequests expensive) {
		this.listings = listings;
		this.expensive = expensive;
	}

	@GetMapping("/connections")
	@Operation(summary = "Every TCP and UDP socket, IPv4 and IPv6 (netstat -antu), with ss's selection",
			description = "Each row is a line of netstat -antuWeo: the socket's ends, state, queues, owner uid and "
					+ "user, inode and pending timer; with processes=true its owners (netstat -p), with resolve=true "
					+ "host and service names. total counts the sockets that matched, count those listed. A list without "
					+ "sort, names or owners is written as the kernel's dump is read, holding no rows: its total and "
					+ "count then come after the rows.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
			schema = @Schema(implementation = SocketListing.class)))
	TextView connections(@ParameterObject ConnectionsQuery query, Deadline deadline) {
		return answer(query.list(false), deadline);
	}

	@GetMapping("/listening")
	@Operation(
			summary = "TCP listeners and sockets with no peer (netstat -tulnp), with their processes unless "
					+ "processes=false",
			description = "The listeners ss -tlnp shows, owners included by default; processes=false makes it as "
					+ "cheap as ss -ltn, as the kernel then dumps the listeners alone.")
	@ApiResponse(responseCode = "200",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = SocketListing.class)))
	@Parameter(name = "processes", in = ParameterIn.QUERY, schema = @Schema(defaultValue = "true"))
	TextView listening(@ParameterObject ConnectionsQuery query, Deadline deadline) {
		return answer(query.list(true), deadline);
	}

	/**
	 * A list that walks every socket or process takes a place among the expensive walks;
	 * a gathered one gives it back before its body is written, however slowly the client
	 * reads, one written as read when the request ends.
	 */
	private TextView answer(SocketListQuery list, Deadline deadline) {
		ExpensiveRequests.Place place = this.expensive.enter(list.expensive(), deadline);
		TextView view = this.listings.answer(list, deadline);
		if (!(view instanceof ReadAsWritten)) {
			place.close();
		}
		return view;
	}

}
