/**
 * Query parameters declared once and bound once: each endpoint lists its {@link Param}s
 * in a {@link QuerySpec}, and the request's query string (nothing else: no header, no
 * body) becomes one typed, immutable query before the endpoint runs. Strictness, the 400
 * problem's {@code parameter} and {@code allowed}, the contract's text and the cost bound
 * all read the same declaration.
 */
package io.netstatd.support.query;
