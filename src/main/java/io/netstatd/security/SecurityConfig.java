package io.netstatd.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may ask: see {@link AccessPolicy}. Every path is covered (API, the contract,
 * Swagger UI, actuator) but liveness, which a container runtime must reach. Stateless: no
 * session, no cookie, so no CSRF to guard against; only GET and HEAD are served anyway.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

	private static final String PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
			+ "\"detail\":\"Credentials are required: HTTP Basic, or Authorization: Bearer <token>.\"}";

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
			@Value("${server.address:}") String serverAddress) throws Exception {
		boolean authenticate = AccessPolicy.requiresAuthentication(serverAddress, properties);
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.cors(Customizer.withDefaults())
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
		AuthenticationEntryPoint problem = SecurityConfig::unauthorized;
		return http.authorizeHttpRequests((requests) -> requests
			// the kubelet's probes cannot carry a secret: up or down is all they show
			.requestMatchers("/actuator/health/liveness", "/actuator/health/readiness")
			.permitAll()
			.requestMatchers(HttpMethod.OPTIONS)
			.permitAll()
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problem))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problem))
			.addFilterBefore(new BearerTokenFilter(properties.tokenHashes()), BasicAuthenticationFilter.class)
			.build();
	}

	/**
	 * The configured users; none means no Basic login (and no generated password either).
	 */
	@Bean
	UserDetailsService users(SecurityProperties properties) {
		List<org.springframework.security.core.userdetails.UserDetails> users = properties.users()
			.stream()
			.map((user) -> User.withUsername(user.name())
				.password("{bcrypt}" + user.passwordHash())
				.roles("READER")
				.build())
			.toList();
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Dashboards on the listed origins may call the API from a browser: GET and HEAD
	 * only.
	 */
	@Bean
	CorsConfigurationSource corsConfigurationSource(SecurityProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!properties.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(properties.corsAllowedOrigins());
			cors.setAllowedMethods(List.of("GET", "HEAD"));
			cors.setAllowedHeaders(List.of("Authorization", "Accept"));
			cors.setMaxAge(3600L);
			source.registerCorsConfiguration("/**", cors);
		}
		return source;
	}

	private static void unauthorized(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
			org.springframework.security.core.AuthenticationException ex) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.addHeader("WWW-Authenticate", "Basic realm=\"netstatd\"");
		response.addHeader("WWW-Authenticate", "Bearer realm=\"netstatd\"");
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(PROBLEM);
	}

}
