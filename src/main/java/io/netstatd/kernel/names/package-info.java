/**
 * Host and service names for {@code resolve=true}, bounded by a deadline.
 */
package io.netstatd.kernel.names;
