package io.netstatd.kernel.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kubelet's log directories, read as names it could have made: a container's name is
 * a DNS label, as Kubernetes requires, so that a directory a local user made (a terminal
 * escape sequence, a name that is not UTF-8) never reaches a client.
 */
class PodDirectoryTests {

	private static final String UID = "0f4b5a62-3c1d-4e8f-9a7b-2c6d8e0f1a3b";

	@Test
	void namesOnlyContainersNamedAsKubernetesNamesThem(@TempDir Path logs) throws IOException {
		Path pod = logs.resolve("pods").resolve("shop_web-7d4f9_" + UID);
		for (String container : new String[] { "web", "side-car2", "\u001b]0;owned\u0007", "Web", "-web", "web-",
				"a".repeat(64), "a".repeat(63) }) {
			Files.createDirectories(pod.resolve(container));
		}

		PodDirectory directory = PodDirectory.read(logs.resolve("pods"), logs.resolve("containers"));

		assertThat(directory.pods().get(UID).containers()).containsExactlyInAnyOrder("web", "side-car2",
				"a".repeat(63));
	}

}
