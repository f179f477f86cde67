/**
 * Bounds on cost: each request's deadline, and the few places for expensive walks.
 */
package io.netstatd.support.limits;
