package io.github.idempotentmigrations.engine;

/**
 * What to do when an object exists but differs from what a migration statement describes.
 */
public enum ConflictPolicy {

	/**
	 * Stop the run: the migration's transaction rolls back and startup fails with the
	 * conflict.
	 */
	FAIL,
	/** Record the conflict, leave the existing object as it is, and go on. */
	WARN

}
