package io.netstatd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * netstatd: what netstat, ss and their awk recipes answer, as JSON over HTTP.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NetstatdApplication {

	public static void main(String[] args) {
		SpringApplication.run(NetstatdApplication.class, args);
	}

}
