package io.netstatd.support.query;

/**
 * A parameter value that is a list: its items comma-separated, or the parameter repeated
 * ({@code port=80&port=443} is {@code port=80,443}). A parameter of any other type takes
 * one value, and given twice it is a 400.
 */
public interface ListValue {

}
