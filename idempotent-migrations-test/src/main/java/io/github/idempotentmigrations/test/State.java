package io.github.idempotentmigrations.test;

/**
 * A starting state the application's migrations must converge from: after the application
 * starts on it with the starter, the database equals what plain Flyway builds on an empty
 * one (catalog with definitions, rows, history).
 */
public enum State {

	/** An empty database: the starter must behave exactly like plain Flyway. */
	EMPTY(new EmptyState()),

	/**
	 * A seeded cut point k after the first migration: plain Flyway applied the migrations
	 * before k; a seeded part of what migration k adds (learned from a scratch database
	 * migrated to k), with what it needs, was then created by hand with those
	 * definitions, as a hot-fix would.
	 */
	PENDING_WITH_HAND_MADE_OBJECTS(new HandMadeObjectsState()),

	/**
	 * A run from empty whose migrating connection was terminated
	 * ({@code pg_terminate_backend}) before a seeded statement; the application then
	 * starts again.
	 */
	KILLED_MID_RUN(new KilledMidRunState()),

	/**
	 * Every migration run by plain Flyway, then the history table dropped: a restored
	 * dump, another tool's schema.
	 */
	NO_HISTORY(new MigratedThenDamaged(MigratedThenDamaged::dropHistory)),

	/**
	 * As {@link #NO_HISTORY}, and a seeded fifth of the leaf objects the migrations built
	 * dropped as well: indexes that back no constraint, foreign keys, checks, unique
	 * constraints and nullable columns of empty tables.
	 */
	NO_HISTORY_OBJECTS_MISSING(new MigratedThenDamaged(MigratedThenDamaged::dropHistoryAndObjects)),

	/**
	 * Every migration run by plain Flyway, then a seeded number of the last history rows
	 * deleted, and the person who knows says so with
	 * {@code idempotent-migrations.repair.assume-applied} (the history is a fact: without
	 * it the pending migrations run as written).
	 */
	HISTORY_LOST(new MigratedThenDamaged(MigratedThenDamaged::loseHistoryRows)),

	/**
	 * Every migration run by plain Flyway, then a seeded migration's recorded checksum
	 * made to differ: an edit.
	 */
	EDITED_MIGRATION(new MigratedThenDamaged(MigratedThenDamaged::editScript));

	private final StartingState startingState;

	State(StartingState startingState) {
		this.startingState = startingState;
	}

	StartingState startingState() {
		return this.startingState;
	}

}
