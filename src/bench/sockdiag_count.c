/*
 * The physical limit of counting TCP sockets by state here: one NETLINK_SOCK_DIAG dump of
 * IPv4 and one of IPv6 (all states, no extensions, as ss -tan asks), each message's
 * idiag_state counted, nothing formatted but the dozen totals. socket_bench.py compiles
 * it (cc -O2) and times it beside GET /stats/states and node_exporter's tcpstat scrape;
 * with the argument "info" the dump carries tcp_info as ss -ti asks for it, the limit of
 * /connections?info=true.
 *
 *     cc -O2 -o sockdiag_count sockdiag_count.c && ./sockdiag_count
 */
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *names[] = { "UNKNOWN", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
		"TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV" };

static int ext = 0;

static int dump(int family, unsigned long counts[13])
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0) {
		perror("socket");
		return -1;
	}
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} request;
	memset(&request, 0, sizeof(request));
	request.nlh.nlmsg_len = sizeof(request);
	request.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	request.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	request.req.sdiag_family = family;
	request.req.sdiag_protocol = IPPROTO_TCP;
	request.req.idiag_states = 0xffe; /* every state /proc/net/tcp lists */
	request.req.idiag_ext = ext;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	if (sendto(fd, &request, sizeof(request), 0, (struct sockaddr *) &kernel, sizeof(kernel)) < 0) {
		perror("sendto");
		close(fd);
		return -1;
	}
	static char buffer[64 * 1024];
	for (;;) {
		ssize_t received = recv(fd, buffer, sizeof(buffer), 0);
		if (received <= 0) {
			perror("recv");
			close(fd);
			return -1;
		}
		for (struct nlmsghdr *h = (struct nlmsghdr *) buffer; NLMSG_OK(h, received); h = NLMSG_NEXT(h, received)) {
			if (h->nlmsg_type == NLMSG_DONE) {
				close(fd);
				return 0;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				fprintf(stderr, "netlink error\n");
				close(fd);
				return -1;
			}
			struct inet_diag_msg *msg = NLMSG_DATA(h);
			if (msg->idiag_state < 13) {
				counts[msg->idiag_state]++;
			}
		}
	}
}

int main(int argc, char **argv)
{
	/* "info": ask for tcp_info and the congestion control too, as ss -ti does */
	if (argc > 1 && strcmp(argv[1], "info") == 0) {
		ext = (1 << (INET_DIAG_INFO - 1)) | (1 << (INET_DIAG_CONG - 1));
	}
	unsigned long counts[13] = { 0 };
	if (dump(AF_INET, counts) < 0 || dump(AF_INET6, counts) < 0) {
		return 1;
	}
	for (int state = 0; state < 13; state++) {
		if (counts[state] > 0) {
			printf("%s %lu\n", names[state], counts[state]);
		}
	}
	return 0;
}
