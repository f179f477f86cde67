/**
 * What each credential may ask: the roles, and the 403 problem of a request beyond its
 * role. Depends on nothing of the service, so that any feature may ask it.
 */
package io.netstatd.support.access;
