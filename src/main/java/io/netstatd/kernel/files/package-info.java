/**
 * Small configuration files (passwd, services), parsed again only when they change.
 */
package io.netstatd.kernel.files;
