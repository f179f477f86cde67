/**
 * The web layer: binding each request's query once, the problems every failure becomes,
 * the text representations, the contract.
 */
package io.netstatd.web;
