package io.netstatd.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole service through MockMvc, over the procfs tree named by {@link #properties()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface ProcfsWebMvcTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties();

}
