/**
 * netstat's other views: {@code -i}, {@code -r}, {@code -g}, {@code -M}, {@code -s}, and
 * the network namespaces of the host.
 */
package io.netstatd.views;
