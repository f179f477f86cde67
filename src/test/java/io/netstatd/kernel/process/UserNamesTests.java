package io.netstatd.kernel.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class UserNamesTests {

	@TempDir
	Path dir;

	@Test
	void readsNamesKeepingTheFirstOfAUidAndSkippingJunk() throws IOException {
		Map<Long, String> names = UserNames.parse(Files.readString(Path.of("src/test/resources/etc/passwd")));

		assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(0L, "root", 1L, "daemon", 33L, "www-data"));
	}

	@Test
	void readsTheFileAgainWhenItChanges() throws IOException {
		Path passwd = this.dir.resolve("passwd");
		Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\n");
		UserNames users = new UserNames(new UserNames.Properties(passwd));
		assertThat(users.names().get(0L)).isEqualTo("root");
		assertThat(users.names().get(1000L)).isNull();

		Files.writeString(passwd, "root:x:0:0::/root:/bin/sh\nops:x:1000:1000::/home/ops:/bin/sh\n");
		Files.setLastModifiedTime(passwd, FileTime.fromMillis(System.currentTimeMillis() + 5000));

		assertThat(users.names().get(1000L)).isEqualTo("ops");
	}

	@Test
	void knowsNoNamesWithoutTheFile() {
		assertThat(new UserNames(new UserNames.Properties(this.dir.resolve("missing"))).names()).isEmpty();
	}

}
