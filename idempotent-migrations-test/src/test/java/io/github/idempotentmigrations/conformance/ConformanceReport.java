package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The table the suite prints at the end and writes to
 * {@code target/conformance-report.md}.
 */
final class ConformanceReport {

	private static final int DETAIL_CHARACTERS = 400;

	private final List<String> rows = new ArrayList<>();

	private final long seed;

	ConformanceReport(long seed) {
		this.seed = seed;
	}

	synchronized void add(ConformanceSet set, String state, String result, long starterMillis, long plainMillis,
			String detail) {
		MigrationSet migrations = set.set();
		this.rows.add("| " + migrations.name() + " | " + migrations.origin() + " | " + migrations.size() + " | "
				+ migrations.statementCount() + " | " + state + " | " + result + " | " + starterMillis + " | "
				+ plainMillis + " | " + cell(detail) + " |");
	}

	synchronized String render(long totalMillis) {
		StringBuilder text = new StringBuilder("# Conformance report\n\n").append("PostgreSQL ")
			.append(System.getProperty("postgres.version", "18"))
			.append(", seed ")
			.append(this.seed)
			.append(" (rerun with -Dconformance.seed=")
			.append(this.seed)
			.append("), suite time ")
			.append(totalMillis / 1000)
			.append(" s\n\n")
			.append("| set | source | files | statements | state | result | starter ms | plain ms | detail |\n")
			.append("|---|---|---|---|---|---|---|---|---|\n");
		this.rows.forEach((row) -> text.append(row).append('\n'));
		return text.toString();
	}

	void write(long totalMillis) {
		String text = render(totalMillis);
		System.out.println(text);
		Path file = Paths.get(System.getProperty("conformance.report", "target/conformance-report.md"));
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String cell(String text) {
		String oneLine = (text != null) ? text.replace('\n', ' ').replace("|", "\\|") : "";
		return (oneLine.length() > DETAIL_CHARACTERS) ? oneLine.substring(0, DETAIL_CHARACTERS) + "…" : oneLine;
	}

}
