/**
 * Internet addresses, blocks and ports: the values sockets, routes and parameters share.
 */
package io.netstatd.support.inet;
