/**
 * The text forms of the views: what the replaced netstat command or awk recipe prints,
 * and CSV. A view implements {@link io.netstatd.support.text.TextView}; the web layer
 * writes it.
 */
package io.netstatd.support.text;
