package io.github.idempotentmigrations.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A PgBouncer (the {@code pgbouncer} binary on the PATH) in front of one test database,
 * on a free port. Like a real pooler it lists that database only: any other one (a
 * temporary shadow database) is unknown to it. Tests that need it are skipped when the
 * binary is absent, unless the system property {@code pgbouncer.required=true} says it
 * must be there (CI): then they fail.
 */
public final class PgBouncer implements AutoCloseable {

	/** PgBouncer's {@code pool_mode}: when a server connection goes back to the pool. */
	public enum PoolMode {

		/** After each transaction: session state does not stay with the client. */
		TRANSACTION,

		/**
		 * When the client disconnects: the client keeps one server session, as if
		 * connected directly.
		 */
		SESSION

	}

	private static final long START_TIMEOUT_MILLIS = 10_000;

	private final Process process;

	private final Path directory;

	private final int port;

	private final String database;

	// A test JVM that dies before close() leaves no PgBouncer behind.
	private final Thread stopOnExit;

	private PgBouncer(Process process, Path directory, int port, String database) {
		this.process = process;
		this.stopOnExit = new Thread(process::destroy);
		Runtime.getRuntime().addShutdownHook(this.stopOnExit);
		this.directory = directory;
		this.port = port;
		this.database = database;
	}

	/**
	 * Starts PgBouncer in front of {@code database}, or skips the calling test when it is
	 * not installed.
	 */
	public static PgBouncer inFrontOf(TestDatabase database, PoolMode mode) {
		Path binary = binaryOnPath().orElse(null);
		if (binary == null) {
			if (Boolean.getBoolean("pgbouncer.required")) {
				throw new IllegalStateException("pgbouncer.required=true but no pgbouncer binary is on the PATH");
			}
			Assumptions.abort("no pgbouncer binary on the PATH (install the pgbouncer package to run this test)");
		}
		PostgresServer server = database.server();
		try {
			Path directory = Files.createTempDirectory("pgbouncer");
			int port = freePort();
			Path ini = directory.resolve("pgbouncer.ini");
			Files.writeString(directory.resolve("userlist.txt"), "\"" + server.user() + "\" \"\"\n");
			Files.writeString(ini, ini(server, database.name(), mode, port, directory));
			Process process = new ProcessBuilder(command(binary, ini)).redirectErrorStream(true)
				.redirectOutput(directory.resolve("pgbouncer.log").toFile())
				.start();
			PgBouncer bouncer = new PgBouncer(process, directory, port, database.name());
			bouncer.awaitListening();
			return bouncer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start pgbouncer", ex);
		}
	}

	/** A JDBC URL to the database through this PgBouncer. */
	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/" + this.database;
	}

	@Override
	public void close() {
		Runtime.getRuntime().removeShutdownHook(this.stopOnExit);
		this.process.destroy();
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
			try (var files = Files.list(this.directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(this.directory);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String ini(PostgresServer server, String database, PoolMode mode, int port, Path directory) {
		// The unix socket is off so that several PgBouncers (parallel builds) never share
		// a socket file. The JDBC driver sends extra_float_digits at startup, which
		// PgBouncer refuses unless told to ignore it.
		return """
				[databases]
				%s = host=%s port=%d
				[pgbouncer]
				listen_addr = 127.0.0.1
				listen_port = %d
				unix_socket_dir =
				auth_type = trust
				auth_file = %s
				pool_mode = %s
				ignore_startup_parameters = extra_float_digits
				max_client_conn = 200
				default_pool_size = 20
				""".formatted(database, server.host(), server.port(), port, directory.resolve("userlist.txt"),
				mode.name().toLowerCase(Locale.ROOT));
	}

	private static List<String> command(Path binary, Path ini) {
		List<String> command = new ArrayList<>(List.of(binary.toString()));
		// PgBouncer refuses to run as root; CI containers often are root.
		if ("root".equals(System.getProperty("user.name"))) {
			command.addAll(List.of("-u", "nobody"));
		}
		command.add(ini.toString());
		return command;
	}

	private void awaitListening() throws IOException {
		long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				if (!this.process.isAlive() || System.currentTimeMillis() > deadline) {
					String log = Files.readString(this.directory.resolve("pgbouncer.log"));
					close();
					throw new IllegalStateException(
							"pgbouncer did not start listening on port " + this.port + ":\n" + log, notYet);
				}
				sleep();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for pgbouncer", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static Optional<Path> binaryOnPath() {
		return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((entry) -> !entry.isBlank())
			.map((entry) -> Path.of(entry, "pgbouncer"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
