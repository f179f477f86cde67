package io.netstatd;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The real service on a random port over the captured trees (procfs, sysfs, passwd), so
 * that every number it answers is known. The suites that use it share one context: their
 * properties are the same by construction, not by copy.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "netstatd.procfs.root=src/test/resources/procfs/golden",
				"netstatd.passwd-file=src/test/resources/etc/passwd",
				"netstatd.sysfs.root=src/test/resources/sysfs/golden" })
public @interface GoldenTreeTest {

}
