package org.allo.lang.tests.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.allo.lang.util.Comments;
import org.junit.jupiter.api.Test;

class CommentsTest {

	@Test
	void removesCommentsAndKeepsLineBreaks() {
		assertEquals("x = 1 \n\ny = 2\n", Comments.strip("x = 1 # one\n# alone\ny = 2\n"));
	}

	@Test
	void aHashInAStringIsNoComment() {
		assertEquals("s = \"a # b\" \nt = 'c # d'", Comments.strip("s = \"a # b\" # gone\nt = 'c # d'"));
	}

	@Test
	void tripleQuotedStringsSpanLines() {
		assertEquals("\"\"\"doc\n# kept\n\"\"\"\nx ", Comments.strip("\"\"\"doc\n# kept\n\"\"\"\nx # gone"));
	}

	@Test
	void escapedQuotesDoNotEndAString() {
		assertEquals("s = \"a \\\" # b\" ", Comments.strip("s = \"a \\\" # b\" # gone"));
	}

	@Test
	void anUnclosedStringEndsAtItsLine() {
		assertEquals("s = \"open\n", Comments.strip("s = \"open\n# gone"));
	}
}
