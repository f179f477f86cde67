/**
 * The interface table, {@code /interfaces} ({@code netstat -ia}).
 */
package io.netstatd.views.interfaces;
