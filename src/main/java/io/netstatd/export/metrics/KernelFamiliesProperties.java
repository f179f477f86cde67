package io.netstatd.export.metrics;

import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many of the kernel's interface and protocol counters the scrape carries, under
 * node_exporter's names with netstatd's prefix.
 *
 * @param interfaces {@code netstatd.metrics.kernel.interfaces}: the most interfaces with
 * series (by name, so that each keeps its series from scrape to scrape); the rest are
 * counted in {@code netstatd_network_devices_omitted}
 * @param netstatFields {@code netstatd.metrics.kernel.netstat-fields}: the
 * {@code Group_Field} counters of {@code netstat -s} exported, node_exporter's default
 * selection unless set
 */
@ConfigurationProperties("netstatd.metrics.kernel")
public record KernelFamiliesProperties(@DefaultValue("32") int interfaces,
		@DefaultValue(NODE_EXPORTER_FIELDS) Pattern netstatFields) {

	/** node_exporter's {@code --collector.netstat.fields} default. */
	public static final String NODE_EXPORTER_FIELDS = "^(.*_(InErrors|InErrs)|Ip_Forwarding|Ip(6|Ext)_(InOctets|OutOctets)"
			+ "|Icmp6?_(InMsgs|OutMsgs)|TcpExt_(Listen.*|Syncookies.*|TCPSynRetrans|TCPTimeouts|TCPOFOQueue)"
			+ "|Tcp_(ActiveOpens|InSegs|OutSegs|OutRsts|PassiveOpens|RetransSegs|CurrEstab)"
			+ "|Udp6?_(InDatagrams|OutDatagrams|NoPorts|RcvbufErrors|SndbufErrors))$";

	/** The most interfaces the bound allows. */
	static final int MAX_INTERFACES = 1000;

	public KernelFamiliesProperties {
		if (interfaces < 0 || interfaces > MAX_INTERFACES) {
			throw new IllegalArgumentException(
					"netstatd.metrics.kernel.interfaces must be 0 to " + MAX_INTERFACES + ", not " + interfaces);
		}
	}

	static KernelFamiliesProperties defaults() {
		return new KernelFamiliesProperties(32, Pattern.compile(NODE_EXPORTER_FIELDS));
	}

}
