/**
 * What other systems read: the Prometheus scrape's bounded families and the OTLP push.
 */
package io.netstatd.export;
