package io.netstatd.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Web settings shared by every endpoint.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// only the API: Swagger UI and springdoc take parameters of their own
		registry.addInterceptor(new UnknownParameterInterceptor())
			.addPathPatterns("/connections/**", "/listening/**", "/stats/**");
	}

}
