/**
 * The report of malformed kernel lines an answer left out, carried beside its rows.
 */
package io.netstatd.support.report;
