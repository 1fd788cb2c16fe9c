package io.github.idempotentmigrations.tenants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.github.idempotentmigrations.flyway.CredentialMasker;

/**
 * Runs {@code idempotent-migrations.tenants.query}: the first column of every row names a
 * tenant schema.
 */
public final class TenantSchemaQuery {

	private TenantSchemaQuery() {
	}

	public static List<String> run(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> schemas = new ArrayList<>();
			while (rows.next()) {
				schemas.add(rows.getString(1));
			}
			return schemas;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"idempotent-migrations.tenants.query failed: " + CredentialMasker.mask(ex.getMessage()), ex);
		}
	}

}
