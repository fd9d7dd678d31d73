package org.allo.lang.ide.server;

import java.util.List;

import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The place a step command works on, {@code [documentUri, {line, character}]} as the step lenses
 * write it. Over JSON-RPC the arguments arrive as JSON trees; in process (the Eclipse editor, the
 * tests) as the objects themselves: both are read.
 */
record CommandArguments(TextDocumentIdentifier document, Position position) {

	static CommandArguments of(ExecuteCommandParams params) {
		List<Object> arguments = params.getArguments();
		if (arguments == null || arguments.size() < 2) {
			throw invalid(params.getCommand() + " needs two arguments, the document URI and a position");
		}
		return new CommandArguments(new TextDocumentIdentifier(uri(arguments.get(0))), position(arguments.get(1)));
	}

	private static String uri(Object argument) {
		if (argument instanceof String text) {
			return text;
		}
		if (argument instanceof JsonElement json && json.isJsonPrimitive()) {
			return json.getAsString();
		}
		throw invalid("the first argument must be the document URI, a string");
	}

	private static Position position(Object argument) {
		if (argument instanceof Position position) {
			return position;
		}
		if (argument instanceof JsonObject json && json.has("line") && json.has("character")) {
			return new Position(json.get("line").getAsInt(), json.get("character").getAsInt());
		}
		throw invalid("the second argument must be a position {line, character}");
	}

	private static ResponseErrorException invalid(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
