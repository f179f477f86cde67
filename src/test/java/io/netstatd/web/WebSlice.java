package io.netstatd.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.netstatd.support.limits.ExpensiveRequests;
import io.netstatd.support.limits.LimitsProperties;
import io.netstatd.web.security.SecurityConfig;
import io.netstatd.web.security.SecurityProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice of one controller: the controller, the web layer every endpoint goes
 * through (query binding and its bound on expensive requests, the problem mapping, the
 * text views, the service's security), and nothing of the other features. The test gives
 * the controller's collaborators, mocked or over a fixture tree.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({ ExpensiveRequests.class, SecurityConfig.class })
@EnableConfigurationProperties({ LimitsProperties.class, SecurityProperties.class })
public @interface WebSlice {

	/**
	 * The controller under test.
	 * @return its class
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
