/**
 * Who may ask: credentials beyond loopback, bearer tokens, CORS, the pages' CSP.
 */
package io.netstatd.web.security;
