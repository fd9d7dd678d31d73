package org.allo.lang.tests.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.allo.lang.npy.Npy;
import org.allo.lang.npy.NpyArray;
import org.allo.lang.npy.NpyDtype;
import org.allo.lang.npy.NpyFormatException;
import org.allo.lang.tests.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NpyTest {

	@ParameterizedTest
	@EnumSource(value = NpyDtype.class, names = { "BOOL", "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64" })
	void integerArraysSurviveARoundTrip(NpyDtype dtype) throws NpyFormatException {
		long[] values = dtype == NpyDtype.BOOL ? new long[] { 0, 1, 1, 0, 1, 0 } : extremes(dtype);
		NpyArray array = NpyArray.ofLongs(dtype, new long[] { 2, 3 }, values);

		NpyArray back = Npy.read(Npy.bytes(array));

		assertEquals(dtype, back.dtype());
		assertArrayEquals(new long[] { 2, 3 }, back.shape());
		for (int i = 0; i < values.length; i++) {
			assertEquals(values[i], back.longAt(i), "element " + i);
		}
	}

	/** The minimum, maximum and some values in between, so truncation or sign errors show. */
	private static long[] extremes(NpyDtype dtype) {
		int bits = dtype.size() * 8;
		long min = dtype.isUnsigned() ? 0 : bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1));
		long max = dtype.isUnsigned() ? (bits == 64 ? -1L : (1L << bits) - 1) : bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
		return new long[] { min, max, 0, 1, 100, min + 1 };
	}

	@ParameterizedTest
	@EnumSource(value = NpyDtype.class, names = { "FLOAT16", "FLOAT32", "FLOAT64" })
	void floatArraysSurviveARoundTrip(NpyDtype dtype) throws NpyFormatException {
		double[] values = { 0.5, -2.25, 1024.0, Double.POSITIVE_INFINITY, -0.0, 6.103515625E-5 };
		NpyArray array = NpyArray.ofDoubles(dtype, new long[] { 6 }, values);

		NpyArray back = Npy.read(Npy.bytes(array));

		assertEquals(dtype, back.dtype());
		assertArrayEquals(new long[] { 6 }, back.shape());
		for (int i = 0; i < values.length; i++) {
			assertEquals(values[i], back.doubleAt(i), "element " + i);
		}
	}

	@Test
	void float16RoundsToNearestEvenAndKeepsSubnormals() throws NpyFormatException {
		// 1 + 2^-11 lies halfway between 1 and 1 + 2^-10: ties go to the even mantissa, 1.0
		double[] values = { 1 + Math.scalb(1.0, -11), 1 + 3 * Math.scalb(1.0, -11), Math.scalb(1.0, -24), 70000.0 };
		NpyArray back = Npy.read(Npy.bytes(NpyArray.ofDoubles(NpyDtype.FLOAT16, new long[] { 4 }, values)));

		assertEquals(1.0, back.doubleAt(0));
		assertEquals(1 + Math.scalb(1.0, -9), back.doubleAt(1));
		assertEquals(Math.scalb(1.0, -24), back.doubleAt(2));
		assertEquals(Double.POSITIVE_INFINITY, back.doubleAt(3));
	}

	@Test
	void theWrittenHeaderIsVersionOneAndPaddedTo64Bytes() {
		byte[] bytes = Npy.bytes(NpyArray.ofLongs(NpyDtype.INT32, new long[] { 3 }, 1, 2, 3));

		int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
		String header = new String(bytes, 10, headerLength, StandardCharsets.ISO_8859_1);
		assertEquals(1, bytes[6]);
		assertEquals(0, (10 + headerLength) % 64);
		assertTrue(header.startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }"), header);
		assertTrue(header.endsWith("\n"));
		assertEquals(10 + headerLength + 12, bytes.length);
	}

	@Test
	void readsAHandMadeBigEndianVersionTwoFile() throws NpyFormatException {
		String header = "{'descr': '>i2', 'fortran_order': False, 'shape': (2, 2), }\n";
		ByteBuffer file = ByteBuffer.allocate(12 + header.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
		file.put(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0 }).putInt(header.length());
		file.put(header.getBytes(StandardCharsets.ISO_8859_1));
		file.put(new byte[] { 0x01, 0x02, (byte) 0xff, (byte) 0xfe, 0x00, 0x07, (byte) 0x80, 0x00 });

		NpyArray array = Npy.read(file.array());

		assertEquals(NpyDtype.INT16, array.dtype());
		assertArrayEquals(new long[] { 2, 2 }, array.shape());
		assertEquals(0x0102, array.longAt(0));
		assertEquals(-2, array.longAt(1));
		assertEquals(7, array.longAt(2));
		assertEquals(-32768, array.longAt(3));
	}

	@Test
	void readsAHandMadeZeroDimensionalFloat64() throws NpyFormatException {
		NpyArray array = Npy.read(handMade("{'descr': '<f8', 'fortran_order': False, 'shape': (), }",
				new byte[] { 0, 0, 0, 0, 0, 0, (byte) 0xf8, 0x3f }));

		assertArrayEquals(new long[0], array.shape());
		assertEquals(1.5, array.doubleAt(0));
	}

	@Test
	void refusesFortranOrder() {
		NpyFormatException e = assertThrows(NpyFormatException.class,
				() -> Npy.read(handMade("{'descr': '<i1', 'fortran_order': True, 'shape': (1, 2), }", new byte[2])));
		assertTrue(e.getMessage().contains("Fortran order"), e.getMessage());
	}

	@Test
	void refusesPickledObjects() {
		NpyFormatException e = assertThrows(NpyFormatException.class,
				() -> Npy.read(handMade("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8])));
		assertTrue(e.getMessage().contains("Python objects"), e.getMessage());
	}

	@Test
	void refusesDataOfTheWrongLength() {
		NpyFormatException e = assertThrows(NpyFormatException.class,
				() -> Npy.read(handMade("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }", new byte[8])));
		assertTrue(e.getMessage().contains("needs 12"), e.getMessage());
	}

	@Test
	void refusesAFileWithoutTheMagic() {
		assertThrows(NpyFormatException.class, () -> Npy.read("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void readsFilesWrittenByNumPy() throws IOException, NpyFormatException {
		NpyArray bools = Npy.read(numpyFile("numpy_bool_2x2.npy"));
		assertEquals(NpyDtype.BOOL, bools.dtype());
		assertArrayEquals(new long[] { 2, 2 }, bools.shape());
		assertArrayEquals(new long[] { 1, 0, 0, 1 }, new long[] { bools.longAt(0), bools.longAt(1), bools.longAt(2), bools.longAt(3) });

		NpyArray halves = Npy.read(numpyFile("numpy_float16_3.npy"));
		assertEquals(NpyDtype.FLOAT16, halves.dtype());
		assertEquals(0.5, halves.doubleAt(0));
		assertEquals(-65504.0, halves.doubleAt(1));
		assertEquals(Math.scalb(1.0, -24), halves.doubleAt(2));

		NpyArray unsigned = Npy.read(numpyFile("numpy_uint64_big_endian_2.npy"));
		assertEquals(NpyDtype.UINT64, unsigned.dtype());
		assertEquals("18446744073709551615", Long.toUnsignedString(unsigned.longAt(0)));
		assertEquals(5, unsigned.longAt(1));
	}

	@Test
	void writesTheSameBytesAsNumPy() throws IOException {
		assertArrayEquals(Files.readAllBytes(numpyFile("numpy_int32_3.npy")),
				Npy.bytes(NpyArray.ofLongs(NpyDtype.INT32, new long[] { 3 }, 1, 2, 3)));
		assertArrayEquals(Files.readAllBytes(numpyFile("numpy_float64_scalar.npy")),
				Npy.bytes(NpyArray.ofDoubles(NpyDtype.FLOAT64, new long[0], -2.5)));
	}

	/** Files saved with numpy.save (NumPy 2.4), see resources/npy/README.md. */
	private static Path numpyFile(String name) {
		return TestFiles.resources().resolve("npy").resolve(name);
	}

	/** A version 1.0 file with the header padded as the format requires, built without our writer. */
	private static byte[] handMade(String dict, byte[] data) {
		StringBuilder header = new StringBuilder(dict);
		while ((10 + header.length() + 1) % 64 != 0) {
			header.append(' ');
		}
		header.append('\n');
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		file.writeBytes(new byte[] { (byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0 });
		file.writeBytes(header.toString().getBytes(StandardCharsets.ISO_8859_1));
		file.writeBytes(data);
		return file.toByteArray();
	}
}
