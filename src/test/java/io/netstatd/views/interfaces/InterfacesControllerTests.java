package io.netstatd.views.interfaces;

import java.nio.file.Path;

import io.netstatd.GoldenTree;
import io.netstatd.kernel.procfs.ProcfsProperties;
import io.netstatd.kernel.procfs.SkippedLineCounter;
import io.netstatd.web.WebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /interfaces} over the captured tree's {@code net/dev} and sysfs: what
 * {@code netstat -ia} prints, column for column, and one CSV row per interface.
 */
@WebSlice(InterfacesController.class)
@Import(InterfacesControllerTests.GoldenInterfaces.class)
class InterfacesControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void printsNetstatsInterfaceTable() {
		assertThat(this.mvc.get().uri("/interfaces?format=table")).hasStatus(200).hasBodyTextEqualTo("""
				Kernel Interface table
				Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg
				eth0             1400     9293      0      0 0          7651      0      0      0 BMRU
				ifb0             1500        0      0      0 0             0      0      0      0 BO
				ifb1             1500        0      0      0 0             0      0      0      0 BO
				lo              65536  8716705      0      0 0       8716705      0      0      0 LRU
				""");
	}

	@Test
	void writesARowPerInterface() {
		assertThat(this.mvc.get().uri("/interfaces?format=csv")).hasStatus(200)
			.bodyText()
			.startsWith("name,mtu,flags,up,rxOk,rxErrors,")
			.contains("\r\neth0,1400,BMRU,true,9293,0,0,0,7651,0,0,0,259574971,1091861,0,0,0,0\r\n");
	}

	/** The fixture source: the captured tree's files. */
	@TestConfiguration(proxyBeanMethods = false)
	static class GoldenInterfaces {

		@Bean
		InterfacesRepository interfaces() {
			ProcfsProperties tree = new ProcfsProperties(GoldenTree.ROOT);
			return new InterfacesRepository(tree, new SysfsProperties(Path.of("src/test/resources/sysfs/golden")),
					new SkippedLineCounter(tree));
		}

	}

}
