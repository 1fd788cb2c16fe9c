package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.catalog.Column;

/**
 * Removes what differs between a probe's catalog description and the real one only by the
 * schema's name.
 */
final class Normalize {

	private Normalize() {
	}

	static Column column(Column column, String schema) {
		String defaultExpression = column.defaultExpression();
		if (defaultExpression != null) {
			defaultExpression = text(defaultExpression, schema);
		}
		return new Column(column.name(), column.type(), column.notNull(), defaultExpression, column.identity(),
				column.generated(), column.collation());
	}

	static String text(String text, String schema) {
		return Probe.withoutSchema(Probe.withoutSchema(text, Probe.SCHEMA), schema);
	}

}
