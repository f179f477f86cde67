/**
 * The processes holding sockets ({@code netstat -p}) and the users owning them
 * ({@code netstat -e}).
 */
package io.netstatd.kernel.process;
