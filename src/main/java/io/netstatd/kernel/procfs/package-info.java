/**
 * Reading procfs: the root, whole files read safely, one line walk, numbers and addresses
 * as the kernel prints them, one parse result, and the report of lines left out.
 */
package io.netstatd.kernel.procfs;
