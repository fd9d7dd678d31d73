package org.allo.lang.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes NumPy .npy files (format versions 1.0, 2.0 and 3.0) holding C-order arrays of the
 * {@link NpyDtype}s, in either byte order. Fortran-order, structured and object (pickled) arrays are refused.
 * Files are written as version 1.0, little-endian, with the header padded to a multiple of 64 bytes.
 */
public final class Npy {

	private static final byte[] MAGIC = { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y' };
	private static final int HEADER_ALIGNMENT = 64;
	private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])?([^']*)'");
	private static final Pattern FORTRAN_ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
	private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

	private Npy() {
	}

	public static NpyArray read(Path file) throws IOException, NpyFormatException {
		return read(Files.readAllBytes(file));
	}

	public static void write(NpyArray array, Path file) throws IOException {
		Files.write(file, bytes(array));
	}

	public static NpyArray read(byte[] bytes) throws NpyFormatException {
		if (bytes.length < MAGIC.length + 2 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
			throw new NpyFormatException("not a .npy file (it does not start with \\x93NUMPY)");
		}
		int major = bytes[MAGIC.length];
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		buffer.position(MAGIC.length + 2);
		long headerLength;
		try {
			headerLength = switch (major) {
			case 1 -> Short.toUnsignedInt(buffer.getShort());
			case 2, 3 -> Integer.toUnsignedLong(buffer.getInt());
			default -> throw new NpyFormatException(".npy format version " + major + " is not supported (1, 2 and 3 are)");
			};
		} catch (java.nio.BufferUnderflowException e) {
			throw new NpyFormatException("the .npy header is cut short");
		}
		if (headerLength > buffer.remaining()) {
			throw new NpyFormatException("the .npy header is cut short");
		}
		String header = new String(bytes, buffer.position(), (int) headerLength,
				major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
		buffer.position(buffer.position() + (int) headerLength);
		return readData(header, buffer);
	}

	private static NpyArray readData(String header, ByteBuffer buffer) throws NpyFormatException {
		Matcher descr = DESCR.matcher(header);
		if (!descr.find()) {
			throw new NpyFormatException("the array has a structured dtype or no 'descr' (only plain numeric arrays are read)");
		}
		String typeCode = descr.group(2);
		if (typeCode.startsWith("O")) {
			throw new NpyFormatException("the array holds Python objects (pickled); save a numeric array instead");
		}
		NpyDtype dtype = NpyDtype.ofTypeCode(typeCode);
		if (dtype == null) {
			throw new NpyFormatException("dtype '" + typeCode + "' is not supported (bool, int8-int64, uint8-uint64, float16/32/64 are)");
		}
		Matcher fortran = FORTRAN_ORDER.matcher(header);
		if (!fortran.find()) {
			throw new NpyFormatException("the .npy header has no 'fortran_order'");
		}
		if (fortran.group(1).equals("True")) {
			throw new NpyFormatException("the array is in Fortran order; save it in C order (numpy.ascontiguousarray)");
		}
		long[] shape = shape(header);
		buffer.order(">".equals(descr.group(1)) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		long count = NpyArray.elementCount(shape);
		if (buffer.remaining() != count * dtype.size()) {
			throw new NpyFormatException("the data has " + buffer.remaining() + " bytes, shape " + Arrays.toString(shape)
					+ " of " + dtype + " needs " + count * dtype.size());
		}
		if (dtype.isFloat()) {
			double[] values = new double[(int) count];
			for (int i = 0; i < values.length; i++) {
				values[i] = switch (dtype) {
				case FLOAT16 -> HalfFloat.toDouble(Short.toUnsignedInt(buffer.getShort()));
				case FLOAT32 -> buffer.getFloat();
				default -> buffer.getDouble();
				};
			}
			return NpyArray.ofDoubles(dtype, shape, values);
		}
		long[] values = new long[(int) count];
		for (int i = 0; i < values.length; i++) {
			values[i] = readInteger(buffer, dtype);
		}
		return NpyArray.ofLongs(dtype, shape, values);
	}

	private static long[] shape(String header) throws NpyFormatException {
		Matcher shape = SHAPE.matcher(header);
		if (!shape.find()) {
			throw new NpyFormatException("the .npy header has no 'shape'");
		}
		String[] parts = shape.group(1).split(",");
		try {
			return Arrays.stream(parts).map(String::trim).filter(part -> !part.isEmpty()).map(part -> part.replaceAll("L$", ""))
					.mapToLong(Long::parseLong).toArray();
		} catch (NumberFormatException e) {
			throw new NpyFormatException("the .npy shape '(" + shape.group(1) + ")' is not a tuple of integers");
		}
	}

	private static long readInteger(ByteBuffer buffer, NpyDtype dtype) {
		return switch (dtype) {
		case BOOL -> buffer.get() != 0 ? 1 : 0;
		case INT8 -> buffer.get();
		case UINT8 -> Byte.toUnsignedLong(buffer.get());
		case INT16 -> buffer.getShort();
		case UINT16 -> Short.toUnsignedLong(buffer.getShort());
		case INT32 -> buffer.getInt();
		case UINT32 -> Integer.toUnsignedLong(buffer.getInt());
		default -> buffer.getLong();
		};
	}

	/** The .npy file of the array: version 1.0, little-endian, C order. */
	public static byte[] bytes(NpyArray array) {
		byte[] header = header(array);
		ByteBuffer buffer = ByteBuffer.allocate(header.length + array.size() * array.dtype().size())
				.order(ByteOrder.LITTLE_ENDIAN);
		buffer.put(header);
		for (int i = 0; i < array.size(); i++) {
			writeElement(buffer, array, i);
		}
		return buffer.array();
	}

	private static byte[] header(NpyArray array) {
		String byteOrder = array.dtype().size() == 1 ? "|" : "<";
		long[] shape = array.shape();
		String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
				: "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
		StringBuilder dict = new StringBuilder("{'descr': '" + byteOrder + array.dtype().typeCode()
				+ "', 'fortran_order': False, 'shape': " + shapeText + ", }");
		int preamble = MAGIC.length + 2 + 2;
		while ((preamble + dict.length() + 1) % HEADER_ALIGNMENT != 0) {
			dict.append(' ');
		}
		dict.append('\n');
		ByteBuffer header = ByteBuffer.allocate(preamble + dict.length()).order(ByteOrder.LITTLE_ENDIAN);
		header.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) dict.length());
		header.put(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
		return header.array();
	}

	private static void writeElement(ByteBuffer buffer, NpyArray array, int i) {
		switch (array.dtype()) {
		case FLOAT16 -> buffer.putShort((short) HalfFloat.fromDouble(array.doubleAt(i)));
		case FLOAT32 -> buffer.putFloat((float) array.doubleAt(i));
		case FLOAT64 -> buffer.putDouble(array.doubleAt(i));
		case BOOL, INT8, UINT8 -> buffer.put((byte) array.longAt(i));
		case INT16, UINT16 -> buffer.putShort((short) array.longAt(i));
		case INT32, UINT32 -> buffer.putInt((int) array.longAt(i));
		default -> buffer.putLong(array.longAt(i));
		}
	}
}
