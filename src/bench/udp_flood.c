/*
 * A bounded UDP flood on loopback, for capture_bench.py: small datagrams to 127.0.0.1:PORT
 * from SOURCES addresses (127.0.0.2 and up, round robin), as fast as one core sends them
 * (sendmmsg, 64 at a time), for SECONDS seconds. Prints how many it sent and the rate.
 *
 *     cc -O2 -o udp_flood udp_flood.c && ./udp_flood PORT SECONDS SOURCES
 *
 * Loopback only: the destination is 127.0.0.1, whatever the arguments.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s PORT SECONDS SOURCES\n", argv[0]);
		return 2;
	}
	int port = atoi(argv[1]);
	double seconds = atof(argv[2]);
	int sources = atoi(argv[3]);
	if (port <= 0 || port > 65535 || seconds <= 0 || seconds > 60 || sources < 1 || sources > 250) {
		fprintf(stderr, "PORT 1-65535, SECONDS up to 60, SOURCES 1-250\n");
		return 2;
	}
	int *fds = calloc(sources, sizeof(int));
	for (int i = 0; i < sources; i++) {
		struct sockaddr_in from = { .sin_family = AF_INET };
		from.sin_addr.s_addr = htonl(0x7f000002 + i);
		fds[i] = socket(AF_INET, SOCK_DGRAM, 0);
		if (fds[i] < 0 || bind(fds[i], (struct sockaddr *)&from, sizeof from) < 0) {
			perror("socket");
			return 1;
		}
	}
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(port) };
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	char payload[16] = "netstatd-bench";
	struct mmsghdr messages[BATCH];
	struct iovec iov = { .iov_base = payload, .iov_len = sizeof payload };
	memset(messages, 0, sizeof messages);
	for (int i = 0; i < BATCH; i++) {
		messages[i].msg_hdr.msg_name = &to;
		messages[i].msg_hdr.msg_namelen = sizeof to;
		messages[i].msg_hdr.msg_iov = &iov;
		messages[i].msg_hdr.msg_iovlen = 1;
	}
	long sent = 0;
	double start = now(), end = start + seconds;
	for (int round = 0; now() < end; round++) {
		int n = sendmmsg(fds[round % sources], messages, BATCH, 0);
		if (n > 0)
			sent += n;
	}
	double took = now() - start;
	printf("sent %ld in %.3f s: %.0f a second\n", sent, took, sent / took);
	return 0;
}
