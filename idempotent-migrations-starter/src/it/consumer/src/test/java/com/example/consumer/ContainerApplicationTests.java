package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.idempotentmigrations.flyway.MigrationReportStore;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

/** The starter on a PostgreSQL container, as a user's test starts one; skipped where Docker is missing. */
@SpringBootTest
@Testcontainers(disabledWithoutDocker = true)
class ContainerApplicationTests {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:18");

    @Autowired
    private MigrationReportStore reports;

    @Test
    void migratesTheContainersDatabaseThroughTheStarter() {
        assertThat(this.reports.last()).hasValueSatisfying((report) -> assertThat(report.converged()).isTrue());
    }
}
