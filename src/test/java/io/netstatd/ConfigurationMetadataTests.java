package io.netstatd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's properties documented once, in their records' Javadoc: the configuration
 * processor's metadata describes each, and the reference lists each.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribedAndListed() throws IOException {
		Path metadata = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
		assertThat(metadata).as("the configuration processor's output").exists();
		List<Map<String, Object>> properties = JsonPath.from(metadata.toFile()).getList("properties");
		List<Map<String, Object>> ours = properties.stream()
			.filter((property) -> ((String) property.get("name")).startsWith("netstatd."))
			.toList();
		assertThat(ours).hasSizeGreaterThanOrEqualTo(38)
			.allSatisfy((property) -> assertThat((String) property.get("description")).as("%s", property.get("name"))
				.isNotBlank());
		String reference = Files.readString(Path.of("docs/configuration.md"))
				+ Files.readString(Path.of("docs/security.md"));
		assertThat(ours).allSatisfy(
				(property) -> assertThat(reference).as("docs/configuration.md").contains("`" + property.get("name")));
	}

}
