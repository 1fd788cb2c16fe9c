package io.github.idempotentmigrations.shadow;

/**
 * Neither a configured shadow database nor the right to create a temporary one on the
 * application's server.
 */
public final class ShadowUnavailableException extends RuntimeException {

	private final String role;

	// PostgreSQL's refusal is kept as text only: its SQLSTATE would read as a migration
	// statement's missing privilege.
	ShadowUnavailableException(String role, String refusal) {
		super("role \"" + role + "\" may not create a temporary shadow database on the application's server (" + refusal
				+ ")");
		this.role = role;
	}

	/** The role that lacks the privilege. */
	public String role() {
		return this.role;
	}

}
