package io.netstatd.export.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What names this node in the scrape and the OTLP push.
 *
 * @param nodeName {@code netstatd.node-name}: the node's name; when unset, the downward
 * API's {@code NODE_NAME}, else the kernel's host name
 */
@ConfigurationProperties("netstatd")
public record NodeProperties(String nodeName) {

}
