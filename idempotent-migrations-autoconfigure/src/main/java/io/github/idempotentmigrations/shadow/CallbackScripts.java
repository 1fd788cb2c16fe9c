package io.github.idempotentmigrations.shadow;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Callback scripts in the migrations' and the callbacks' locations, subfolders included
 * ({@code afterMigrate.sql}, {@code callbacks/beforeMigrate__notify.py}), read by file
 * name the way Flyway names them.
 */
public final class CallbackScripts {

	private static final Set<String> EVENTS = Arrays.stream(Event.values())
		.map(Event::getId)
		.collect(Collectors.toSet());

	// what Flyway runs as a program; a file without extension too, outside Windows
	private static final Set<String> PROGRAM_EXTENSIONS = Set.of("cmd", "bat", "ps1", "py", "sh", "bash");

	private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");

	private CallbackScripts() {
	}

	/**
	 * The first callback script in the configured locations that is code, not SQL
	 * ({@code afterMigrate.sh}): Flyway runs it as a program, so a shadow build would run
	 * it too.
	 */
	static Optional<String> firstProgram(Configuration configuration) {
		return scripts(configuration).filter((name) -> programEvent(name, configuration).isPresent()).findFirst();
	}

	/**
	 * Whether a callback script in the configured locations is for one of {@code events};
	 * with Flyway's default callbacks skipped, only a program counts (Flyway skips the
	 * SQL ones).
	 */
	public static boolean anyFor(Configuration configuration, Set<Event> events) {
		Set<String> ids = events.stream().map(Event::getId).collect(Collectors.toSet());
		return scripts(configuration).anyMatch((name) -> programEvent(name, configuration)
			.or(() -> configuration.isSkipDefaultCallbacks() ? Optional.empty() : sqlEvent(name, configuration))
			.filter(ids::contains)
			.isPresent());
	}

	private static Stream<String> scripts(Configuration configuration) {
		return Stream
			.concat(Arrays.stream(configuration.getLocations()), Arrays.stream(configuration.getCallbackLocations()))
			.distinct()
			.flatMap((location) -> fileNames(configuration, location).stream());
	}

	/**
	 * The event of a SQL callback script ({@code afterMigrate__grants.sql}, the suffix in
	 * any case as Flyway matches it).
	 */
	private static Optional<String> sqlEvent(String name, Configuration configuration) {
		String upper = name.toUpperCase(Locale.ROOT);
		return Arrays.stream(configuration.getSqlMigrationSuffixes())
			.filter((suffix) -> upper.endsWith(suffix.toUpperCase(Locale.ROOT)) && name.length() > suffix.length())
			.findFirst()
			.flatMap((suffix) -> event(name.substring(0, name.length() - suffix.length()), configuration));
	}

	/**
	 * The event of a callback Flyway runs as a program ({@code afterMigrate__notify.sh});
	 * any other file ({@code afterMigrate.txt}) is none.
	 */
	private static Optional<String> programEvent(String name, Configuration configuration) {
		int dot = name.lastIndexOf('.');
		if (dot < 0) {
			return WINDOWS ? Optional.empty() : event(name, configuration);
		}
		boolean program = dot > 0 && PROGRAM_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
		return program ? event(name.substring(0, dot), configuration) : Optional.empty();
	}

	/** The event a callback is for, by its name without suffix. */
	private static Optional<String> event(String base, Configuration configuration) {
		int described = base.indexOf(configuration.getSqlMigrationSeparator());
		String event = (described < 0) ? base : base.substring(0, described);
		return EVENTS.contains(event) ? Optional.of(event) : Optional.empty();
	}

	/**
	 * The names of the files in a location and its subfolders; none when it cannot be
	 * listed.
	 */
	private static List<String> fileNames(Configuration configuration, Location location) {
		try {
			if ("filesystem".equals(location.getPrefix().replace(":", ""))) {
				return list(Path.of(location.getRootPath()));
			}
			String root = location.getRootPath();
			ClassLoader classLoader = configuration.getClassLoader();
			List<URL> folders = Collections.list(classLoader.getResources(root));
			List<String> names = new ArrayList<>();
			for (URL url : folders) {
				names.addAll(list(url, root));
			}
			// As Flyway does: a jar without directory entries has no URL for the folder
			// (nor has any jar for the classpath's root), so it reads the jars of a
			// URLClassLoader entry by entry, keeping every name that starts with the
			// root path (a sibling folder db/migration-callbacks too).
			if ((folders.isEmpty() || root.isEmpty()) && classLoader instanceof URLClassLoader urls) {
				for (URL url : urls.getURLs()) {
					if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")
							&& !url.getPath().contains("/jre/lib/")) {
						names.addAll(filesStartingWith(url, root));
					}
				}
			}
			return names;
		}
		catch (IOException | URISyntaxException | RuntimeException ex) {
			// nothing listable there: Flyway's own scan finds nothing either
			return List.of();
		}
	}

	private static List<String> list(URL url, String root) throws IOException, URISyntaxException {
		if ("file".equals(url.getProtocol())) {
			return list(Path.of(url.toURI()));
		}
		URLConnection connection = url.openConnection();
		if (connection instanceof JarURLConnection jar) {
			return filesStartingWith(jar.getJarFile(), root.endsWith("/") ? root : root + "/");
		}
		return List.of();
	}

	/**
	 * The files in a jar on disk whose names start with {@code prefix}, the jar opened as
	 * Flyway opens it (a relative {@code file:} URL too); none when it cannot be read.
	 */
	private static List<String> filesStartingWith(URL jarFile, String prefix) {
		String path;
		try {
			path = jarFile.toURI().getSchemeSpecificPart();
		}
		catch (URISyntaxException ex) {
			path = jarFile.getPath();
		}
		try (JarFile jar = new JarFile(path)) {
			return filesStartingWith(jar, prefix);
		}
		catch (IOException | RuntimeException ex) {
			// Flyway skips an unreadable jar too
			return List.of();
		}
	}

	private static List<String> filesStartingWith(JarFile jar, String prefix) {
		return jar.stream()
			.map((entry) -> entry.getName())
			.filter((name) -> name.startsWith(prefix) && !name.endsWith("/"))
			.map((name) -> name.substring(name.lastIndexOf('/') + 1))
			.toList();
	}

	private static List<String> list(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).map((path) -> path.getFileName().toString()).toList();
		}
	}

}
