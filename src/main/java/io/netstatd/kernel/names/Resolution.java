package io.netstatd.kernel.names;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * How name resolution went for one request ({@code resolve=true}).
 *
 * @param complete whether every address got an answer (a name, or none) by the deadline
 * @param unresolved how many addresses had no answer by then: their names are left out
 */
@Schema(requiredProperties = { "complete", "unresolved" })
public record Resolution(boolean complete, int unresolved) {

}
