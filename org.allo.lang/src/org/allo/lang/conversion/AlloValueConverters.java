package org.allo.lang.conversion;

import java.math.BigInteger;

import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.eclipse.xtext.conversion.impl.AbstractLexerBasedConverter;
import org.eclipse.xtext.conversion.impl.IDValueConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/** Python literal syntax: integers of any size and base, floats, and escaped strings. */
public class AlloValueConverters extends AbstractDeclarativeValueConverterService {

	@Inject
	private IDValueConverter idConverter;

	@ValueConverter(rule = "ID")
	public IValueConverter<String> ID() {
		return idConverter;
	}

	@ValueConverter(rule = "INT")
	public IValueConverter<BigInteger> INT() {
		return new AbstractLexerBasedConverter<>() {
			@Override
			public BigInteger toValue(String string, INode node) {
				if (string == null || string.isEmpty()) {
					throw new ValueConverterException("an integer literal cannot be empty", node, null);
				}
				String digits = string.replace("_", "");
				try {
					if (digits.length() > 2 && digits.charAt(0) == '0') {
						switch (Character.toLowerCase(digits.charAt(1))) {
						case 'x':
							return new BigInteger(digits.substring(2), 16);
						case 'b':
							return new BigInteger(digits.substring(2), 2);
						case 'o':
							return new BigInteger(digits.substring(2), 8);
						default:
							break;
						}
					}
					return new BigInteger(digits);
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a valid integer literal", node, e);
				}
			}
		};
	}

	@ValueConverter(rule = "FLOAT")
	public IValueConverter<Double> FLOAT() {
		return new AbstractLexerBasedConverter<>() {
			@Override
			public Double toValue(String string, INode node) {
				try {
					return Double.valueOf(string.replace("_", ""));
				} catch (NumberFormatException | NullPointerException e) {
					throw new ValueConverterException("'" + string + "' is not a valid float literal", node, e);
				}
			}
		};
	}

	@ValueConverter(rule = "STRING")
	public IValueConverter<String> STRING() {
		return new AbstractLexerBasedConverter<>() {
			@Override
			public String toValue(String string, INode node) {
				if (string == null) {
					return null;
				}
				int quote = string.startsWith("\"\"\"") || string.startsWith("'''") ? 3 : 1;
				if (string.length() < 2 * quote) {
					throw new ValueConverterException("unterminated string", node, null);
				}
				return PythonStrings.unescape(string.substring(quote, string.length() - quote));
			}

			@Override
			protected String toEscapedString(String value) {
				return '"' + PythonStrings.escape(value) + '"';
			}
		};
	}
}
