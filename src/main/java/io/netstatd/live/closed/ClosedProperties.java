package io.netstatd.live.closed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the recorder of closes keeps.
 *
 * @param capacity {@code netstatd.closed.capacity}: the closes kept, newest last (about
 * 100 bytes each); 0 keeps none, and {@code /stats/closed} answers 501
 */
@ConfigurationProperties("netstatd.closed")
public record ClosedProperties(@DefaultValue("100000") int capacity) {

}
