/*
 * udprate: the raw UDP packet rate between two processes, the physical reference of
 * bench/compare.sh. Plain blocking send()/recv(), one datagram per call, 4 MiB socket buffers
 * (as jsctp's UDP channels).
 *
 *   udprate recv ADDR PORT MAX_SECONDS   counts what arrives; ends 1 s after the last datagram
 *                                        (or after MAX_SECONDS) and prints
 *                                        UDP received=N bytes=B seconds=S pps=X mbit_per_s=Y
 *                                        (seconds from the first to the last datagram)
 *   udprate send ADDR PORT SIZE SECONDS  sends SIZE-byte datagrams as fast as it can, prints
 *                                        UDP sent=N seconds=S pps=X
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
	if (argc < 5) {
		fprintf(stderr, "usage: udprate recv ADDR PORT MAX_SECONDS | send ADDR PORT SIZE SECONDS\n");
		return 2;
	}
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(atoi(argv[3]));
	if (inet_pton(AF_INET, argv[2], &sa.sin_addr) != 1) {
		fprintf(stderr, "bad address %s\n", argv[2]);
		return 2;
	}
	int fd = socket(AF_INET, SOCK_DGRAM, 0);
	int buf = 4 << 20;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof(buf));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof(buf));
	static char data[65536];
	if (strcmp(argv[1], "recv") == 0) {
		if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
			perror("bind");
			return 1;
		}
		double max = atof(argv[4]);
		struct timeval tv = {1, 0};
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		printf("READY\n");
		fflush(stdout);
		long n = 0;
		long long bytes = 0;
		double first = 0, last = 0, start = now();
		for (;;) {
			ssize_t r = recv(fd, data, sizeof(data), 0);
			double t = now();
			if (r < 0) {
				if (errno == EAGAIN || errno == EWOULDBLOCK) {
					if (n > 0 || t - start > max) break;
					continue;
				}
				if (errno == EINTR) continue;
				perror("recv");
				return 1;
			}
			if (n == 0) first = t;
			last = t;
			n++;
			bytes += r;
			if (t - start > max) break;
		}
		double s = last > first ? last - first : 1e-9;
		printf("UDP received=%ld bytes=%lld seconds=%.3f pps=%.0f mbit_per_s=%.1f\n", n, bytes, s,
		       n / s, bytes * 8 / s / 1e6);
		return 0;
	}
	if (argc < 6) {
		fprintf(stderr, "send needs SIZE SECONDS\n");
		return 2;
	}
	int size = atoi(argv[4]);
	double seconds = atof(argv[5]);
	if (size < 1 || size > 65507) {
		fprintf(stderr, "bad size\n");
		return 2;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		perror("connect");
		return 1;
	}
	memset(data, 'x', size);
	long n = 0;
	double start = now(), end = start + seconds, t = start;
	while (t < end) {
		for (int i = 0; i < 64; i++) {
			if (send(fd, data, size, 0) == size) n++;
		}
		t = now();
	}
	printf("UDP sent=%ld seconds=%.3f pps=%.0f\n", n, t - start, n / (t - start));
	return 0;
}
