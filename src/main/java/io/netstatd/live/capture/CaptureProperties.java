package io.netstatd.live.capture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code netstatd.capture.*}: packet capture is off unless turned on.
 *
 * @param enabled {@code netstatd.capture.enabled}: whether {@code /capture/top-sources}
 * captures; a 404 naming this property until then
 * @param bufferSize {@code netstatd.capture.buffer-size}: the ring the kernel writes
 * into, mapped only while a capture runs; a burst larger than this is dropped, and
 * counted as dropped
 */
@ConfigurationProperties("netstatd.capture")
public record CaptureProperties(@DefaultValue("false") boolean enabled, @DefaultValue("8MB") DataSize bufferSize) {

	/** The size of one block of the ring. */
	static final int BLOCK_SIZE = 256 * 1024;

	/** How many blocks the ring has, at least two. */
	int blockCount() {
		return (int) Math.max(2, Math.min(4096, this.bufferSize.toBytes() / BLOCK_SIZE));
	}

}
