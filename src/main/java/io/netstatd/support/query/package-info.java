/**
 * What query parameters take, beyond Spring's defaults: the grammar lists share
 * ({@link io.netstatd.support.query.Items}), durations as clients write them, a list's
 * marker, and the problem a value not allowed becomes. Endpoints declare their parameters
 * as records on their controller methods, which Spring MVC binds.
 */
package io.netstatd.support.query;
