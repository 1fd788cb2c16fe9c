package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Re-creates objects dropped since the migrations ran, from the expected schema's own
 * definitions: no shadow, no migration statement run again. What exists is never dropped
 * or altered; a table comes back empty (its rows went with it); a privilege is never
 * granted.
 */
public final class DriftRepair {

	private DriftRepair() {
	}

	/**
	 * Re-creates what is missing, in the target's current transaction; returns what was
	 * done, one line each.
	 */
	public static List<String> recreate(Connection target, List<SchemaObject> missing) throws SQLException {
		return GapFiller.fillIn(null, target,
				missing.stream().filter((object) -> object.kind().recreatedByDriftRepair()).toList());
	}

}
