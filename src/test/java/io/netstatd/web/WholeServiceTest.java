package io.netstatd.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole service, MockMvc in front, over the procfs tree its properties name: for what
 * runs through every layer (binding, the read path, the views, the problems). A test of
 * one controller is a {@link WebSlice}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface WholeServiceTest {

	@AliasFor(annotation = SpringBootTest.class, attribute = "properties")
	String[] properties();

}
