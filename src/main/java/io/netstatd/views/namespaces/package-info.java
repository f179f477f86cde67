/**
 * The network namespaces, {@code /namespaces}: what {@code netns} chooses from.
 */
package io.netstatd.views.namespaces;
