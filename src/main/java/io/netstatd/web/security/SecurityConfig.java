package io.netstatd.web.security;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;

import io.netstatd.support.access.Role;
import io.netstatd.support.access.RoleRequiredException;
import io.netstatd.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Who may ask: see {@link AccessPolicy}. Every path is covered (API, the contract,
 * Swagger UI, actuator, whatever the method) but liveness and readiness, which a
 * container runtime must reach. Stateless: no session, no cookie, so no CSRF to guard
 * against; only GET and HEAD are served anyway. Whatever this chain refuses is an RFC
 * 9457 problem: a missing credential (401), a request the firewall rejects (400), a CORS
 * request from an origin not listed (403).
 */
// server.* is bound here too so that a web slice, which has no web server, judges the
// same
// address the service would
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServerProperties.class)
public class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	/**
	 * The roles paths need, first match wins; every other path needs {@code reader}.
	 * Requests that need {@code privileged} for what their query asks (owners' command
	 * lines, other namespaces' owners) are refused by their controllers, from the query.
	 */
	static final List<PathRole> PATH_ROLES = List.of(new PathRole(Role.METRICS, "/actuator/prometheus",
			"/actuator/info", "/actuator/health", "/actuator/health/**"), new PathRole(Role.PRIVILEGED, "/capture/**"));

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, ServerProperties server,
			ObjectProvider<ManagementServerProperties> management,
			@Qualifier("logins") ObjectProvider<TaskScheduler> logins) throws Exception {
		boolean authenticate = AccessPolicy.requiresAuthentication(address(server.getAddress()), properties);
		ManagementServerProperties apart = management.getIfAvailable();
		if (apart != null && apart.getPort() != null) {
			// the management server listens apart: the same rule for the address it
			// really binds, which is every interface when none is given
			// (ManagementAddressDefault gives it server.address's)
			authenticate |= AccessPolicy.requiresAuthentication(address(apart.getAddress()), properties);
		}
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors((cors) -> cors.disable())
			.addFilterBefore(corsFilter(properties), BasicAuthenticationFilter.class)
			.requestCache((cache) -> cache.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			// the dashboard and Swagger UI load nothing from elsewhere and run no inline
			// script; Swagger UI's icons are data: URIs and its widgets set inline styles
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		if (!authenticate) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll()).build();
		}
		// a web slice without the pools answers paused addresses at once
		PausedLogins paused = new PausedLogins(logins.getIfAvailable());
		AuthenticationEntryPoint problem = (request, response, ex) -> unauthorized(request, response, ex, paused);
		return http.authorizeHttpRequests((requests) -> {
			// the kubelet's probes cannot carry a secret: up or down is all they show
			requests.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll();
			for (PathRole rule : PATH_ROLES) {
				requests.requestMatchers(rule.patterns()).hasRole(rule.role().name());
			}
			requests.anyRequest().hasRole(Role.READER.name());
		})
			.httpBasic((basic) -> basic.authenticationEntryPoint(problem))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problem)
				.accessDeniedHandler(SecurityConfig::forbidden))
			.addFilterBefore(new BearerTokenFilter(properties.allTokens()), BasicAuthenticationFilter.class)
			.build();
	}

	private static String address(InetAddress address) {
		return (address != null) ? address.getHostAddress() : "";
	}

	/** A refusal for lack of a role: a 403 problem naming the role the path needs. */
	private static void forbidden(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.access.AccessDeniedException ex) throws IOException {
		Role needed = PATH_ROLES.stream()
			.filter((rule) -> rule.matches(request))
			.map(PathRole::role)
			.findFirst()
			.orElse(Role.READER);
		Problems.write(response, RoleRequiredException.problem(needed, "This path"));
	}

	/**
	 * The configured users, by exact name, each password checked in the same time whether
	 * the name is known or not; none means no Basic login (and no generated password
	 * either).
	 * @param properties the users
	 * @return the provider HTTP Basic authenticates with
	 */
	@Bean
	AuthenticationProvider configuredUsers(SecurityProperties properties) {
		return new ConfiguredUsers(properties.users());
	}

	/**
	 * Methods are the service's own business (a 405 problem from the web layer), not the
	 * firewall's: it lets any through; the rest of its strictness stays.
	 */
	@Bean
	HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setUnsafeAllowAnyHttpMethod(true);
		return firewall;
	}

	/**
	 * A request the firewall refuses (an encoded slash, a double one, a semicolon, a
	 * control character in a header) is the client's mistake: a 400 problem and one line,
	 * never a stack trace.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return (request, response, ex) -> {
			log.debug("Request rejected: {}", ex.getMessage());
			Problems.write(response, Problems.of(HttpStatus.BAD_REQUEST, "Request rejected",
					"The request is malformed: its path or a header holds what no client of this service sends.",
					null));
		};
	}

	/**
	 * Dashboards on the listed origins may call the API from a browser: GET and HEAD
	 * only. Any other origin's request is a 403 problem.
	 */
	static CorsFilter corsFilter(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsAllowedOrigins());
			cors.setAllowedMethods(List.of("GET", "HEAD"));
			cors.setAllowedHeaders(List.of("Authorization", "Accept"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new DefaultCorsProcessor() {

			@Override
			protected void rejectRequest(org.springframework.http.server.ServerHttpResponse response)
					throws IOException {
				response.setStatusCode(HttpStatus.FORBIDDEN);
				response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
				response.getBody()
					.write(Problems.json(
							Problems
								.of(HttpStatus.FORBIDDEN, "Forbidden",
										"This origin may not call the service from a browser: "
												+ "netstatd.security.cors-allowed-origins lists those that may.",
										null)));
				response.flush();
			}

		});
		return filter;
	}

	private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ex, PausedLogins paused) throws IOException {
		if (ex instanceof LoginThrottledException throttled) {
			paused.answer(request, response, throttled.retryAfterSeconds());
			return;
		}
		if (ex instanceof AuthenticationServiceException) {
			response.setHeader("Retry-After", "1");
			Problems.write(response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Too many logins",
					"Too many passwords are being checked at once; try again.", null));
			return;
		}
		response.addHeader("WWW-Authenticate", "Basic realm=\"netstatd\"");
		response.addHeader("WWW-Authenticate", "Bearer realm=\"netstatd\"");
		Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Credentials are required: HTTP Basic, or Authorization: Bearer <token>.", null));
	}

	/**
	 * Paths that need a role.
	 *
	 * @param role the role
	 * @param patterns the paths, as Spring's path patterns
	 */
	record PathRole(Role role, String... patterns) {

		boolean matches(HttpServletRequest request) {
			for (String pattern : this.patterns) {
				if (PathPatternRequestMatcher.withDefaults().matcher(pattern).matches(request)) {
					return true;
				}
			}
			return false;
		}

	}

}
