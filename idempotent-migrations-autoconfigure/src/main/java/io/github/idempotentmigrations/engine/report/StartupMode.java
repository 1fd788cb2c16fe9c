package io.github.idempotentmigrations.engine.report;

/** What the startup does with the database. */
public enum StartupMode {

	/** Inspect, repair, migrate and verify. */
	MIGRATE,
	/** Inspect and report only; change nothing; fail when the schema is not converged. */
	VALIDATE

}
