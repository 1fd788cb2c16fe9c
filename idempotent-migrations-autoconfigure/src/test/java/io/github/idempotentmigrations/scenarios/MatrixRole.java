package io.github.idempotentmigrations.scenarios;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * The role the matrix migrations grant to. Roles are cluster-wide, so it is created once,
 * by the test, not by a migration.
 */
final class MatrixRole {

	static final String NAME = "im_matrix_reader";

	private MatrixRole() {
	}

	static void ensure(TestDatabase database) {
		try {
			database.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + NAME + "')"
					+ " THEN CREATE ROLE " + NAME + " NOLOGIN; END IF; END $$");
		}
		catch (IllegalStateException ex) {
			// another test created it between the check and the CREATE: what we wanted
			if (!ex.getMessage().contains("already exists")) {
				throw ex;
			}
		}
	}

}
