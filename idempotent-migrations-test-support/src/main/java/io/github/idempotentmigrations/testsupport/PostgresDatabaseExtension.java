package io.github.idempotentmigrations.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that hands each test method a fresh {@link TestDatabase} parameter and
 * drops it after the test.
 */
public final class PostgresDatabaseExtension implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(PostgresDatabaseExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return extensionContext.getStore(NAMESPACE)
			.computeIfAbsent("database", (key) -> TestDatabase.create(), TestDatabase.class);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		TestDatabase database = context.getStore(NAMESPACE).remove("database", TestDatabase.class);
		if (database != null) {
			database.close();
		}
	}

}
