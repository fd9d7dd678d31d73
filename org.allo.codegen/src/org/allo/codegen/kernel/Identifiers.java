package org.allo.codegen.kernel;

import java.util.HashSet;
import java.util.Set;

/**
 * C++ identifiers for IR names: characters C++ does not allow become {@code _} ({@code running_sum.acc}
 * becomes {@code running_sum_acc}), and C++ keywords get a trailing {@code _}.
 */
final class Identifiers {

	private static final Set<String> RESERVED = Set.of("alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand",
			"bitor", "bool", "break", "case", "catch", "char", "class", "compl", "const", "constexpr", "const_cast",
			"continue", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum", "explicit",
			"export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long", "mutable",
			"namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
			"protected", "public", "register", "reinterpret_cast", "return", "short", "signed", "sizeof", "static",
			"static_assert", "static_cast", "struct", "switch", "template", "this", "throw", "true", "try", "typedef",
			"typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while", "xor",
			"xor_eq", "main", "half", "std", "hls");

	private Identifiers() {
	}

	static String of(String name) {
		String safe = name == null || name.isEmpty() ? "v" : name.replaceAll("[^A-Za-z0-9_]", "_");
		if (Character.isDigit(safe.charAt(0))) {
			safe = "v" + safe;
		}
		return RESERVED.contains(safe) ? safe + "_" : safe;
	}

	/** Hands out names unique within one C++ scope (labels are unique per function). */
	static final class Unique {
		private final Set<String> used = new HashSet<>();

		String claim(String wanted) {
			String name = wanted;
			for (int i = 1; !used.add(name); i++) {
				name = wanted + "_" + i;
			}
			return name;
		}
	}
}
