package org.allo.codegen.kernel;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.allo.codegen.cpp.CExpr;

/**
 * Small C++ helper functions for operations C++ has no operator for (floor division, integer power,
 * bfloat16 rounding, Allo's exact log2, bit reversal, float bit patterns). A kernel file defines only the helpers it uses; their bodies use
 * only operators both header sets provide.
 */
final class Helpers {

	enum Helper {
		FLOOR_DIV("""
				template <typename T>
				static T allo_floordiv(T a, T b) {
				  T q = a / b;
				  if (a % b != (T)0 && (a < (T)0) != (b < (T)0)) {
				    q = q - (T)1;
				  }
				  return q;
				}
				"""),
		FIXED_DIV("""
				// the quotient rounded down (AP_TRN) to the fractional bits of T; the division operator truncates toward zero
				template <int W, int I>
				static ap_fixed<W, I> allo_fixed_div(ap_fixed<W, I> a, ap_fixed<W, I> b) {
				  ap_fixed<W, I> q = a / b;
				  ap_fixed<W, I> zero = 0;
				  if (q * b != a && (a < zero) != (b < zero)) {
				    q = q - ap_fixed<W, I>(std::ldexp(1.0, I - W));
				  }
				  return q;
				}
				"""),
		INT_POW("""
				// base ** exponent modulo 2^width of T, by squaring
				template <typename T>
				static T allo_ipow(T base, long long exponent) {
				  T result = (T)1;
				  while (exponent > 0) {
				    if (exponent & 1) {
				      result = (T)(result * base);
				    }
				    base = (T)(base * base);
				    exponent >>= 1;
				  }
				  return result;
				}
				"""),
		BFLOAT16("""
				// bfloat16 values live in floats: round to 8 significant bits, nearest even, overflow to infinity
				static float allo_bf16(double x) {
				  if (x == 0 || x != x || x - x != 0) {
				    return (float)x;
				  }
				  int e = std::ilogb(x) < -126 ? -126 : std::ilogb(x);
				  double r = std::ldexp(std::rint(std::ldexp(x, 7 - e)), e - 7);
				  double largest = std::ldexp(2.0 - std::ldexp(1.0, -7), 127);
				  return (float)(std::fabs(r) > largest ? std::copysign(__builtin_inf(), x) : r);
				}
				"""),
		LOG2("""
				// exact for powers of two, like the reference interpreter
				static double allo_log2(double x) {
				  int e = std::ilogb(x);
				  if (x > 0 && x - x == 0 && x == std::ldexp(1.0, e)) {
				    return e;
				  }
				  return std::log(x) / std::log(2.0);
				}
				"""),
		REVERSE("""
				// bit i of x becomes bit W-1-i
				template <int W>
				static ap_uint<W> allo_reverse(ap_uint<W> x) {
				  ap_uint<W> r = 0;
				  for (int i = 0; i < W; i++) {
				    r.range(W - 1 - i, W - 1 - i) = x[i] ? 1 : 0;
				  }
				  return r;
				}
				"""),
		// IEEE bit patterns and back by type punning through a union, which GCC and Vitis HLS define
		FLOAT_OF_BITS("""
				static float allo_float_of_bits(uint32_t b) {
				  union { uint32_t i; float f; } u;
				  u.i = b;
				  return u.f;
				}
				"""),
		BITS_OF_FLOAT("""
				static uint32_t allo_bits_of_float(float f) {
				  union { uint32_t i; float f; } u;
				  u.f = f;
				  return u.i;
				}
				"""),
		// half exposes no bits through its public API (ours nor AMD's): the pattern goes through the float of equal value.
		HALF_OF_BITS("""
				static half allo_half_of_bits(uint16_t b) {
				  uint32_t sign = (uint32_t)(b & 0x8000u) << 16;
				  uint32_t exponent = (b >> 10) & 0x1fu;
				  uint32_t mantissa = b & 0x3ffu;
				  uint32_t bits = sign;
				  if (exponent == 0x1fu) {
				    bits = sign | 0x7f800000u | (mantissa << 13);
				  } else if (exponent != 0) {
				    bits = sign | ((exponent + 112u) << 23) | (mantissa << 13);
				  } else if (mantissa != 0) {
				    uint32_t normalised = 113u;
				    while ((mantissa & 0x400u) == 0) {
				      mantissa <<= 1;
				      normalised--;
				    }
				    bits = sign | (normalised << 23) | ((mantissa & 0x3ffu) << 13);
				  }
				  union { uint32_t i; float f; } u;
				  u.i = bits;
				  return half(u.f);
				}
				"""),
		// Every NaN gives 0x7e00, as the simulator's float16 conversion does.
		BITS_OF_HALF("""
				static uint16_t allo_bits_of_half(half h) {
				  union { uint32_t i; float f; } u;
				  u.f = (float)h;
				  if (u.f != u.f) {
				    return 0x7e00u;
				  }
				  uint32_t sign = (u.i >> 16) & 0x8000u;
				  int exponent = (int)((u.i >> 23) & 0xffu) - 127;
				  uint32_t mantissa = u.i & 0x7fffffu;
				  if (exponent == 128) {
				    return (uint16_t)(sign | 0x7c00u);
				  }
				  if ((u.i & 0x7fffffffu) == 0) {
				    return (uint16_t)sign;
				  }
				  if (exponent >= -14) {
				    return (uint16_t)(sign | ((uint32_t)(exponent + 15) << 10) | (mantissa >> 13));
				  }
				  return (uint16_t)(sign | ((mantissa | 0x800000u) >> (-1 - exponent)));
				}
				"""),
		DOUBLE_OF_BITS("""
				static double allo_double_of_bits(uint64_t b) {
				  union { uint64_t i; double f; } u;
				  u.i = b;
				  return u.f;
				}
				"""),
		BITS_OF_DOUBLE("""
				static uint64_t allo_bits_of_double(double f) {
				  union { uint64_t i; double f; } u;
				  u.f = f;
				  return u.i;
				}
				""");

		private final String text;

		Helper(String text) {
			this.text = text;
		}
	}

	private final Set<Helper> used = EnumSet.noneOf(Helper.class);

	CExpr call(Helper helper, String function, CExpr... args) {
		used.add(helper);
		return new CExpr.Call(function, List.of(args));
	}

	CExpr roundBfloat16(CExpr value) {
		return call(Helper.BFLOAT16, "allo_bf16", value);
	}

	List<String> definitions() {
		List<String> texts = new ArrayList<>();
		used.forEach(helper -> texts.add(helper.text));
		return texts;
	}
}
