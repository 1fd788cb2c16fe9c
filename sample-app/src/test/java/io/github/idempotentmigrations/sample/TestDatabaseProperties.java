package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.testsupport.TestDatabase;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the sample at a test database, which also keeps its embedded server from starting. */
final class TestDatabaseProperties {

    private TestDatabaseProperties() {
    }

    static void use(TestDatabase database, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
        registry.add("spring.datasource.username", database::user);
        registry.add("spring.datasource.password", database::password);
    }
}
