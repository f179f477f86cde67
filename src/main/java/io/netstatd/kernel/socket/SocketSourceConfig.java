package io.netstatd.kernel.socket;

import java.nio.file.Path;
import java.util.concurrent.Executor;

import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.socket.netlink.DestroyNotices;
import io.netstatd.kernel.socket.netlink.NetlinkException;
import io.netstatd.kernel.socket.netlink.NetlinkSocketSource;
import io.netstatd.kernel.socket.procfs.ProcfsSocketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses where sockets are read from. netlink reads the namespace of this process, which
 * is what {@code /proc/net} shows; a procfs root elsewhere (a fixture, another host's
 * {@code /proc} mounted in) can only be read as procfs.
 */
@Configuration(proxyBeanMethods = false)
public class SocketSourceConfig {

	private static final Logger log = LoggerFactory.getLogger(SocketSourceConfig.class);

	@Bean
	SocketSource socketSource(SocketsProperties properties, ProcfsProperties procfsProperties,
			@Qualifier("dumps") Executor dumps) {
		ProcfsSocketRepository procfs = new ProcfsSocketRepository(procfsProperties.root());
		SocketSource source = choose(properties.source(), procfs, dumps);
		log.info("Reading sockets from {} (procfs root {})", source.name(), procfs.root());
		return source;
	}

	/**
	 * The kernel's destroy notices where the sockets are read through sock_diag and this
	 * process may join the groups; otherwise none, and the start log says why.
	 */
	@Bean
	DestroyedSockets destroyedSockets(SocketSource source, @Qualifier("notices") Executor readers) {
		return (source instanceof NetlinkSocketSource) ? DestroyNotices.probe(readers) : DestroyedSockets.NONE;
	}

	/**
	 * {@code /actuator/info} says where sockets and closes come from: {@code sockets}
	 * ({@code netlink} or {@code procfs}) and {@code closes} ({@code kernel} notices or
	 * {@code snapshot} diffs).
	 */
	@Bean
	InfoContributor socketSources(SocketSource source, DestroyedSockets destroyed) {
		return (builder) -> builder.withDetail("sockets", source.name()).withDetail("closes", destroyed.source());
	}

	static SocketSource choose(SocketsProperties.Source wanted, ProcfsSocketRepository procfs, Executor dumps) {
		return switch (wanted) {
			case PROCFS -> procfs;
			case NETLINK -> new NetlinkSocketSource(procfs, dumps);
			case AUTO -> {
				if (!procfs.root().toAbsolutePath().normalize().equals(Path.of("/proc"))) {
					yield procfs;
				}
				try {
					yield new NetlinkSocketSource(procfs, dumps);
				}
				catch (NetlinkException ex) {
					log.info("netlink sock_diag is not available ({}); using procfs", ex.getMessage());
					yield procfs;
				}
			}
		};
	}

}
