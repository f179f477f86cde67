package io.netstatd.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.netstatd.counters.CountersRepository;
import io.netstatd.interfaces.InterfacesRepository;
import io.netstatd.interfaces.SysfsProperties;
import io.netstatd.masquerade.ConntrackRepository;
import io.netstatd.multicast.MulticastRepository;
import io.netstatd.routes.RoutesRepository;
import io.netstatd.names.HostNameResolver;
import io.netstatd.netns.NamespacedSockets;
import io.netstatd.netns.NetworkNamespaces;
import io.netstatd.names.NamesProperties;
import io.netstatd.names.ServiceNames;
import io.netstatd.limits.LimitsProperties;
import io.netstatd.process.ProcessScanner;
import io.netstatd.security.SecurityConfig;
import io.netstatd.security.SecurityProperties;
import io.netstatd.process.UserNames;
import io.netstatd.socket.SkippedLineCounter;
import io.netstatd.socket.SocketService;
import io.netstatd.socket.SocketSourceConfig;
import io.netstatd.socket.SocketsProperties;
import io.netstatd.socket.procfs.ProcfsProperties;
import io.netstatd.streams.EventStreams;
import io.netstatd.streams.StreamsProperties;
import io.netstatd.socket.procfs.ProcfsSocketRepository;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice with the real service and procfs repository, over the procfs tree named by
 * {@link #properties()} (for example {@code netstatd.procfs.root=...}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest
@Import({ SocketService.class, ProcfsSocketRepository.class, SocketSourceConfig.class, ProcessScanner.class,
		UserNames.class, HostNameResolver.class, ServiceNames.class, SecurityConfig.class, CountersRepository.class,
		SkippedLineCounter.class, InterfacesRepository.class, RoutesRepository.class, MulticastRepository.class,
		ConntrackRepository.class, EventStreams.class, NetworkNamespaces.class, NamespacedSockets.class })
@EnableConfigurationProperties({ ProcfsProperties.class, SocketsProperties.class, UserNames.Properties.class,
		ProcessScanner.Properties.class, NamesProperties.class, LimitsProperties.class, SecurityProperties.class,
		SysfsProperties.class, StreamsProperties.class })
public @interface ProcfsWebMvcTest {

	@AliasFor(annotation = WebMvcTest.class, attribute = "properties")
	String[] properties();

}
