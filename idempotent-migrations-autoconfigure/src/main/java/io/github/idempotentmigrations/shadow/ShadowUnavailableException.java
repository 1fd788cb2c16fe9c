package io.github.idempotentmigrations.shadow;

/** Neither a configured shadow database nor the right to create a temporary one on the application's server. */
public final class ShadowUnavailableException extends RuntimeException {

    private final String role;

    ShadowUnavailableException(String role, Throwable cause) {
        super("role \"" + role + "\" may not create a temporary shadow database on the application's server ("
                + cause.getMessage() + ")", cause);
        this.role = role;
    }

    /** The role that lacks the privilege. */
    public String role() {
        return this.role;
    }
}
