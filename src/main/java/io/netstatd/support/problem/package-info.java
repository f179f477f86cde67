/**
 * Refusals that carry their own status, so that the web layer maps them without knowing
 * the room they come from.
 */
package io.netstatd.support.problem;
