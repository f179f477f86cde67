package io.netstatd.web;

import java.util.List;

import io.netstatd.kernel.socket.SocketSource;
import io.netstatd.support.limits.LimitsProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings shared by every endpoint: the query binding, the representations.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final QueryBinding binding;

	WebConfig(LimitsProperties limits, ObjectProvider<SocketSource> sockets) {
		this.binding = new QueryBinding(limits, sockets);
	}

	/**
	 * {@code text/plain} and {@code text/csv} for the views, after JSON so that JSON
	 * stays the default.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList((converters) -> converters.add(new TextViewConverter()));
	}

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		configurer.strategies(List.of(new BoundFormat(), new HeaderContentNegotiationStrategy()));
	}

	/**
	 * No Bean Validation: a query checks itself where it is bound. Without a validator of
	 * its own Spring MVC would start Hibernate Validator, which is on the class path for
	 * springdoc alone.
	 */
	@Override
	public Validator getValidator() {
		return new NoValidation();
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		QueryConversions.register(registry);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.binding);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.binding);
	}

	/**
	 * Only GET and HEAD, checked after authentication (order 0, the security chain runs
	 * at -100), on the container's error dispatches too.
	 */
	@Bean
	FilterRegistrationBean<MethodFilter> methodFilter() {
		FilterRegistrationBean<MethodFilter> registration = new FilterRegistrationBean<>(new MethodFilter());
		registration.setOrder(0);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Validates nothing. */
	private static final class NoValidation implements Validator {

		@Override
		public boolean supports(Class<?> type) {
			return false;
		}

		@Override
		public void validate(Object target, Errors errors) {
		}

	}

}
