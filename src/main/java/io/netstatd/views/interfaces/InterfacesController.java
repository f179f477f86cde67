package io.netstatd.views.interfaces;

import io.netstatd.support.query.FormatOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The interface table: {@code netstat -ia}.
 */
@RestController
@Tag(name = "host")
class InterfacesController {

	private final InterfacesRepository interfaces;

	InterfacesController(InterfacesRepository interfaces) {
		this.interfaces = interfaces;
	}

	@GetMapping("/interfaces")
	@Operation(summary = "Every network interface with its counters (netstat -ia; up tells the ones netstat -i lists)")
	InterfaceList interfaces(@ParameterObject FormatOnly query) {
		return this.interfaces.interfaces();
	}

}
