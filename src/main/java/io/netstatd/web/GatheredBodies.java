package io.netstatd.web;

import io.netstatd.support.limits.ReadAsWritten;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * When a body is about to be written, its gathering is over: the expensive request's
 * place goes back before the first byte is written. A client that reads slowly (or not at
 * all) holds its own connection, never the bound every other caller shares; the
 * connection timeout cuts it. A body read as it is written ({@link ReadAsWritten}) is
 * still gathering: it keeps its place until the request ends.
 */
@ControllerAdvice
class GatheredBodies implements ResponseBodyAdvice<Object> {

	private final QueryBinding binding;

	GatheredBodies(WebConfig web) {
		this.binding = web.binding();
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
			Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (request instanceof ServletServerHttpRequest servlet && !(body instanceof ReadAsWritten)) {
			HttpServletRequest served = servlet.getServletRequest();
			this.binding.release(served);
		}
		return body;
	}

}
