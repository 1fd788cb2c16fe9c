/**
 * The building blocks of the starting states: the objects a migration adds as a person
 * would create them by hand (read from PostgreSQL's own definitions), a seeded hand-made
 * part of them, and the leaf objects a database can lose without its rows changing.
 * {@link io.github.idempotentmigrations.test.MigrationConvergence} builds its states from
 * them; a suite that builds states on databases of its own (the starter's conformance
 * suite) uses them directly, so both prove the same states.
 */
package io.github.idempotentmigrations.test.state;
