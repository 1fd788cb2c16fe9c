package io.github.idempotentmigrations.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.flyway.ChecksumMismatchPolicy;
import io.github.idempotentmigrations.flyway.FailedMigrationPolicy;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.InvalidIndexPolicy;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import io.github.idempotentmigrations.flyway.UnhistoriedSchemaPolicy;
import io.github.idempotentmigrations.tenants.TenantFailurePolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of idempotent Flyway migrations. Flyway itself keeps its {@code spring.flyway.*} keys.
 */
@ConfigurationProperties("idempotent-migrations")
public class IdempotentMigrationsProperties {

    /**
     * Whether to make Flyway migrations idempotent. When false, Boot's plain Flyway behaviour applies unchanged.
     */
    private boolean enabled = true;

    /**
     * What startup does: 'migrate' (inspect, repair, migrate, verify) or 'validate' (inspect and report only,
     * change nothing, fail when the schema is not converged).
     */
    private StartupMode mode = StartupMode.MIGRATE;

    /**
     * What to do when an object exists but differs from what a migration describes.
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
         * Non-empty schema without Flyway history: 'repair' adopts it through a shadow database (the migrations run
         * there with plain Flyway; what is missing here is created from it, nothing existing is changed, the history
         * is copied); 'fail' stops startup.
         */
        private UnhistoriedSchemaPolicy unhistoriedSchema = UnhistoriedSchemaPolicy.REPAIR;

        /**
         * Failed history rows (e.g. a non-transactional migration that died half-way): 'repair' removes them and
         * re-runs the migration through the engine; 'fail' stops startup.
         */
        private FailedMigrationPolicy failedMigrations = FailedMigrationPolicy.REPAIR;

        /**
         * INVALID indexes left by failed concurrent builds that no migration about to run creates (one it creates,
         * its statement rebuilds): 'warn' reports them and leaves them; 'fail' stops startup before changing
         * anything. Startup never drops or reindexes them itself.
         */
        private InvalidIndexPolicy invalidIndexes = InvalidIndexPolicy.WARN;

        /**
         * Applied migrations whose script changed since (checksum mismatch): 'fail' stops startup, naming the
         * migration; 'realign' records the new checksum and runs nothing (for edits the database does not need).
         */
        private ChecksumMismatchPolicy checksumMismatches = ChecksumMismatchPolicy.FAIL;

        /**
         * Applied migrations no longer found on the classpath: 'warn' reports them; 'fail' stops startup.
         */
        private MissingMigrationPolicy missingMigrations = MissingMigrationPolicy.WARN;

        /**
         * The live schema departs from the expected schema stored beside the history (an object dropped or changed
         * by hand since the migrations ran): 'warn' reports it (the schema health and endpoint show it; compared at
         * startup only when migrations run); 'repair' re-creates missing objects from their expected definitions
         * and reports the rest; 'fail' stops startup. Objects that exist are never altered or dropped.
         */
        private DriftPolicy drift = DriftPolicy.WARN;

        /**
         * Versions of pending migrations a person knows already ran here (history rows lost, or applied by hand),
         * e.g. '5,6'. Startup builds the schema up to the newest of them on a shadow and writes their history rows
         * only when the schema here matches it; otherwise it stops with the differences. Ignored once the rows exist.
         */
        private List<String> assumeApplied = new ArrayList<>();

        /**
         * Where a failed non-transactional migration goes on when its committed statements are not known, by
         * version: the number of the last statement that committed ('resume-after[2]=1' runs V2 from statement 2),
         * or 0 to run it from the start.
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
         * Pause after the first failed attempt; doubled after each further one.
         */
        private Duration initialBackoff = Duration.ofMillis(500);

        /**
         * Longest pause between two attempts.
         */
        private Duration maxBackoff = Duration.ofSeconds(5);

        /**
         * How long a migration statement may wait for a lock held by another session (PostgreSQL lock_timeout): while
         * it waits, every later query on that table waits behind it. Then the migration goes back to its savepoint,
         * releasing its locks, and is tried again. Zero waits forever.
         */
        private Duration lockTimeout = Duration.ofSeconds(1);

        /**
         * How many times a migration whose lock wait timed out is tried again before startup stops, naming the
         * session that holds the lock.
         */
        private int lockRetries = 10;

        /**
         * Pause before the first retry after a lock wait timed out; each later pause doubles (up to 16 times this),
         * with jitter, so that replicas do not retry in step.
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

    /** The live schema check behind the {@code schema} health contributor and endpoint. */
    public static class Health {

        /**
         * How long a live check of the database is reused before the next one runs.
         */
        private Duration cacheTime = Duration.ofSeconds(10);

        /**
         * Whether drift (an object the migrations build missing, invalid or defined differently) makes the schema
         * health DOWN instead of DRIFTED, which answers HTTP 200 and leaves the root health as the other
         * contributors make it.
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
     * The shadow database where adoption runs the migrations with plain Flyway to learn the expected schema. Without
     * a URL, a temporary database is created on the application's server and dropped afterwards.
     */
    public static class Shadow {

        /**
         * JDBC URL of a database reserved for the shadow; everything in it is dropped before each use.
         */
        private String url;

        /**
         * Login user of the shadow database.
         */
        private String username;

        /**
         * Login password of the shadow database.
         */
        private String password;

        public String getUrl() {
            return this.url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return this.username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return this.password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /**
     * Tenant schemas: the same migrations run in each one, each with its own history table, after Spring Boot's own
     * migration of spring.flyway.schemas. The schemas are the union of the list, the query's rows and a
     * TenantSchemas bean the application defines.
     */
    public static class Tenants {

        /**
         * Tenant schema names, e.g. 'tenant_a,tenant_b'. A schema that does not exist is created by Flyway.
         */
        private List<String> schemas = new ArrayList<>();

        /**
         * SQL run once at startup on Flyway's data source; the first column of every row is a tenant schema name,
         * e.g. 'SELECT schema_name FROM public.tenants'.
         */
        private String query;

        /**
         * Migration locations of the tenant schemas, when they differ from spring.flyway.locations (which then
         * migrate the shared schema only).
         */
        private List<String> locations = new ArrayList<>();

        /**
         * How many tenant schemas migrate at once. Unset: derived from the connection pool so that startup never
         * waits for a connection (each tenant holds up to three), at most one per processor.
         */
        private Integer parallelism;

        /**
         * When a tenant schema cannot converge: 'fail' stops startup after every tenant ran, naming each failed
         * tenant; 'continue' starts the application and reports the failed tenants as DOWN in their own health
         * entries.
         */
        private TenantFailurePolicy onFailure = TenantFailurePolicy.FAIL;

        public List<String> getSchemas() {
            return this.schemas;
        }

        public void setSchemas(List<String> schemas) {
            this.schemas = schemas;
        }

        public String getQuery() {
            return this.query;
        }

        public void setQuery(String query) {
            this.query = query;
        }

        public List<String> getLocations() {
            return this.locations;
        }

        public void setLocations(List<String> locations) {
            this.locations = locations;
        }

        public Integer getParallelism() {
            return this.parallelism;
        }

        public void setParallelism(Integer parallelism) {
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
