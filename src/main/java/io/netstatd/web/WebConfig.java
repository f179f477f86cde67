package io.netstatd.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings shared by every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final ExpensiveRequests expensiveRequests;

	WebConfig(ExpensiveRequests expensiveRequests) {
		this.expensiveRequests = expensiveRequests;
	}

	/** {@code text/plain} and {@code text/csv} for the bodies that have them. */
	@Bean
	TextBodyConverter textBodyConverter() {
		return new TextBodyConverter();
	}

	/**
	 * {@code ?format=json|table|csv} chooses as {@code Accept} does; only those three, so
	 * that {@code format=yaml} is a wrong parameter rather than a guess at a media type.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new FormatParameter(), new HeaderContentNegotiationStrategy()));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// every API endpoint, new ones included; Swagger UI, springdoc and actuator take
		// parameters of their own
		registry.addInterceptor(new UnknownParameterInterceptor())
			.excludePathPatterns("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/actuator/**", "/webjars/**",
					"/error");
		// after the parameter check: a typo gets its 400 even when the service is busy
		registry.addInterceptor(this.expensiveRequests)
			.addPathPatterns("/connections", "/listening", "/stats/**", "/namespaces");
	}

}
