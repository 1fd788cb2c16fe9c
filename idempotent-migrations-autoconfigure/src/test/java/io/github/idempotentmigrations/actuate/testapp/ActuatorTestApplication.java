package io.github.idempotentmigrations.actuate.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal web application with two plain migrations in {@code db/actuator-test}. */
@SpringBootApplication
public class ActuatorTestApplication {

}
