package io.github.idempotentmigrations.sample.web;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The schema's constraints are the sample's validation: a request they reject is the
 * client's error, not a 500.
 */
@RestControllerAdvice
class DataIntegrityProblems {

	@ExceptionHandler
	ProblemDetail duplicate(DuplicateKeyException ex) {
		return problem(HttpStatus.CONFLICT, ex);
	}

	@ExceptionHandler
	ProblemDetail invalid(DataIntegrityViolationException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex);
	}

	private static ProblemDetail problem(HttpStatus status, DataIntegrityViolationException ex) {
		return ProblemDetail.forStatusAndDetail(status, ex.getMostSpecificCause().getMessage());
	}

}
