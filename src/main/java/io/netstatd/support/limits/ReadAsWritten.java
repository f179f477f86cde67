package io.netstatd.support.limits;

/**
 * A body that reads what it answers while it is written (a socket list written as read
 * from the kernel's dump): its gathering ends with its last byte, so an expensive
 * request's place is held until then, not given back before the first byte as a gathered
 * body's is. The request's deadline, which the writing looks at, bounds how long.
 */
public interface ReadAsWritten {

}
