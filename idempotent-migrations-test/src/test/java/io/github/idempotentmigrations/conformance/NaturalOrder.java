package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * File names compared with their digit runs as numbers: {@code 7.9_to_7.10} before
 * {@code 7.10_patch_7.10.5}.
 */
final class NaturalOrder implements Comparator<Path> {

	static final NaturalOrder INSTANCE = new NaturalOrder();

	@Override
	public int compare(Path left, Path right) {
		String a = left.getFileName().toString();
		String b = right.getFileName().toString();
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
				int endA = digitsEnd(a, i);
				int endB = digitsEnd(b, j);
				int byValue = Long.compare(Long.parseLong(a.substring(i, endA)), Long.parseLong(b.substring(j, endB)));
				if (byValue != 0) {
					return byValue;
				}
				i = endA;
				j = endB;
			}
			else {
				if (a.charAt(i) != b.charAt(j)) {
					return Character.compare(a.charAt(i), b.charAt(j));
				}
				i++;
				j++;
			}
		}
		return Integer.compare(a.length() - i, b.length() - j);
	}

	private static int digitsEnd(String text, int start) {
		int end = start;
		while (end < text.length() && Character.isDigit(text.charAt(end))) {
			end++;
		}
		return end;
	}

}
