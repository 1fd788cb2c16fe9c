package io.github.idempotentmigrations.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.flyway.ChecksumMismatchPolicy;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.FailedMigrationPolicy;
import io.github.idempotentmigrations.flyway.InvalidIndexPolicy;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import io.github.idempotentmigrations.flyway.UnhistoriedSchemaPolicy;
import io.github.idempotentmigrations.tenants.TenantFailurePolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of idempotent Flyway migrations. Flyway itself keeps its
 * {@code spring.flyway.*} keys.
 */
@ConfigurationProperties("idempotent-migrations")
public class IdempotentMigrationsProperties {

	/**
	 * Whether to run Flyway migrations through the starter; when disabled, Flyway runs as
	 * Boot configures it.
	 */
	private boolean enabled = true;

	/**
	 * What startup does: 'migrate' inspects, repairs and migrates; 'validate' inspects,
	 * changes nothing and fails when the schema is not converged.
	 */
	private StartupMode mode = StartupMode.MIGRATE;

	/**
	 * What to do when an object exists but differs from what a migration describes:
	 * 'fail' stops startup; 'warn' reports the conflict and leaves the object as it is.
	 */
	private ConflictPolicy onConflict = ConflictPolicy.FAIL;

	private final Repair repair = new Repair();

	private final Connect connect = new Connect();

	private final Health health = new Health();

	private final Shadow shadow = new Shadow();

	private final Tenants tenants = new Tenants();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public StartupMode getMode() {
		return this.mode;
	}

	public void setMode(StartupMode mode) {
		this.mode = mode;
	}

	public ConflictPolicy getOnConflict() {
		return this.onConflict;
	}

	public void setOnConflict(ConflictPolicy onConflict) {
		this.onConflict = onConflict;
	}

	public Repair getRepair() {
		return this.repair;
	}

	public Connect getConnect() {
		return this.connect;
	}

	public Health getHealth() {
		return this.health;
	}

	public Shadow getShadow() {
		return this.shadow;
	}

	public Tenants getTenants() {
		return this.tenants;
	}

	/** Policies for what inspection finds before migrating. */
	public static class Repair {

		/**
		 * What to do with a non-empty schema without Flyway history: 'repair' adopts it
		 * through a shadow database; 'fail' stops startup.
		 */
		private UnhistoriedSchemaPolicy unhistoriedSchema = UnhistoriedSchemaPolicy.REPAIR;

		/**
		 * What to do with failed history rows: 'repair' removes them and resumes each
		 * migration after the statements known to have committed; 'fail' stops startup.
		 */
		private FailedMigrationPolicy failedMigrations = FailedMigrationPolicy.REPAIR;

		/**
		 * What to do with INVALID indexes that no migration about to run creates: 'warn'
		 * reports them; 'fail' stops startup before anything changes.
		 */
		private InvalidIndexPolicy invalidIndexes = InvalidIndexPolicy.WARN;

		/**
		 * What to do with applied migrations whose script changed since: 'fail' stops
		 * startup; 'realign' records the new checksum and runs nothing.
		 */
		private ChecksumMismatchPolicy checksumMismatches = ChecksumMismatchPolicy.FAIL;

		/**
		 * What to do with applied migrations no longer found in the locations: 'warn'
		 * reports them; 'fail' stops startup.
		 */
		private MissingMigrationPolicy missingMigrations = MissingMigrationPolicy.WARN;

		/**
		 * What to do when the schema departs from the expected schema stored beside the
		 * history: 'warn' reports it; 'repair' re-creates missing objects; 'fail' stops
		 * startup.
		 */
		private DriftPolicy drift = DriftPolicy.WARN;

		/**
		 * Versions of pending migrations known to have run on this database, whose
		 * history rows are written once a shadow database shows the schema holds what
		 * they build.
		 */
		private List<String> assumeApplied = new ArrayList<>();

		/**
		 * By version of a failed migration whose committed statements are not known, the
		 * number of the last statement that committed, or 0 to run it from the start.
		 */
		private Map<String, Integer> resumeAfter = new LinkedHashMap<>();

		public UnhistoriedSchemaPolicy getUnhistoriedSchema() {
			return this.unhistoriedSchema;
		}

		public void setUnhistoriedSchema(UnhistoriedSchemaPolicy unhistoriedSchema) {
			this.unhistoriedSchema = unhistoriedSchema;
		}

		public FailedMigrationPolicy getFailedMigrations() {
			return this.failedMigrations;
		}

		public void setFailedMigrations(FailedMigrationPolicy failedMigrations) {
			this.failedMigrations = failedMigrations;
		}

		public InvalidIndexPolicy getInvalidIndexes() {
			return this.invalidIndexes;
		}

		public void setInvalidIndexes(InvalidIndexPolicy invalidIndexes) {
			this.invalidIndexes = invalidIndexes;
		}

		public ChecksumMismatchPolicy getChecksumMismatches() {
			return this.checksumMismatches;
		}

		public void setChecksumMismatches(ChecksumMismatchPolicy checksumMismatches) {
			this.checksumMismatches = checksumMismatches;
		}

		public MissingMigrationPolicy getMissingMigrations() {
			return this.missingMigrations;
		}

		public void setMissingMigrations(MissingMigrationPolicy missingMigrations) {
			this.missingMigrations = missingMigrations;
		}

		public DriftPolicy getDrift() {
			return this.drift;
		}

		public void setDrift(DriftPolicy drift) {
			this.drift = drift;
		}

		public List<String> getAssumeApplied() {
			return this.assumeApplied;
		}

		public void setAssumeApplied(List<String> assumeApplied) {
			this.assumeApplied = assumeApplied;
		}

		public Map<String, Integer> getResumeAfter() {
			return this.resumeAfter;
		}

		public void setResumeAfter(Map<String, Integer> resumeAfter) {
			this.resumeAfter = resumeAfter;
		}

	}

	/** Waiting for the database at startup. */
	public static class Connect {

		/**
		 * How long to keep trying to reach the database before startup fails.
		 */
		private Duration timeout = Duration.ofSeconds(60);

		/**
		 * Pause after the first failed connection attempt, doubled after each further
		 * one.
		 */
		private Duration initialBackoff = Duration.ofMillis(500);

		/**
		 * Longest pause between two connection attempts.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * How long a migration statement may wait for a lock (PostgreSQL lock_timeout)
		 * before its migration goes back to its savepoint and is tried again; zero waits
		 * forever.
		 */
		private Duration lockTimeout = Duration.ofSeconds(1);

		/**
		 * How many times a migration whose lock wait timed out is tried again before
		 * startup stops.
		 */
		private int lockRetries = 10;

		/**
		 * Pause before the first retry after a lock wait timed out, doubled for each
		 * later one up to 16 times this, with jitter.
		 */
		private Duration lockRetryBackoff = Duration.ofMillis(500);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public int getLockRetries() {
			return this.lockRetries;
		}

		public void setLockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
		}

		public Duration getLockRetryBackoff() {
			return this.lockRetryBackoff;
		}

		public void setLockRetryBackoff(Duration lockRetryBackoff) {
			this.lockRetryBackoff = lockRetryBackoff;
		}

	}

	/**
	 * The live schema check behind the {@code schema} health contributor and endpoint.
	 */
	public static class Health {

		/**
		 * How long a live check of the schema is reused before the next one runs.
		 */
		private Duration cacheTime = Duration.ofSeconds(10);

		/**
		 * Whether drift makes the schema health DOWN instead of DRIFTED.
		 */
		private boolean downOnDrift;

		public Duration getCacheTime() {
			return this.cacheTime;
		}

		public void setCacheTime(Duration cacheTime) {
			this.cacheTime = cacheTime;
		}

		public boolean isDownOnDrift() {
			return this.downOnDrift;
		}

		public void setDownOnDrift(boolean downOnDrift) {
			this.downOnDrift = downOnDrift;
		}

	}

	/**
	 * The shadow database where adoption runs the migrations with plain Flyway to learn
	 * the expected schema. Without a URL, a temporary database is created on the
	 * application's server and dropped afterwards.
	 */
	public static class Shadow {

		/**
		 * JDBC URL of an empty database reserved for the shadow, emptied before each use;
		 * when unset, a temporary database is created on the application's server and
		 * dropped afterwards.
		 */
		private @Nullable String url;

		/**
		 * Login user of the shadow database.
		 */
		private @Nullable String username;

		/**
		 * Login password of the shadow database.
		 */
		private @Nullable String password;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

	/**
	 * Tenant schemas: the same migrations run in each one, each with its own history
	 * table, after Spring Boot's own migration of spring.flyway.schemas. The schemas are
	 * the union of the list, the query's rows and a TenantSchemas bean the application
	 * defines.
	 */
	public static class Tenants {

		/**
		 * Names of tenant schemas to migrate.
		 */
		private List<String> schemas = new ArrayList<>();

		/**
		 * SQL run once at startup on Flyway's data source whose first column lists tenant
		 * schema names.
		 */
		private @Nullable String query;

		/**
		 * Migration locations of the tenant schemas, when they differ from
		 * spring.flyway.locations.
		 */
		private List<String> locations = new ArrayList<>();

		/**
		 * How many tenant schemas migrate at once; when unset, derived from the
		 * connection pool and the processors.
		 */
		private @Nullable Integer parallelism;

		/**
		 * What to do when a tenant schema cannot converge: 'fail' stops startup once
		 * every tenant ran; 'continue' starts the application with that tenant DOWN in
		 * its health entry.
		 */
		private TenantFailurePolicy onFailure = TenantFailurePolicy.FAIL;

		public List<String> getSchemas() {
			return this.schemas;
		}

		public void setSchemas(List<String> schemas) {
			this.schemas = schemas;
		}

		public @Nullable String getQuery() {
			return this.query;
		}

		public void setQuery(@Nullable String query) {
			this.query = query;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public @Nullable Integer getParallelism() {
			return this.parallelism;
		}

		public void setParallelism(@Nullable Integer parallelism) {
			this.parallelism = parallelism;
		}

		public TenantFailurePolicy getOnFailure() {
			return this.onFailure;
		}

		public void setOnFailure(TenantFailurePolicy onFailure) {
			this.onFailure = onFailure;
		}

	}

}
