// Allo Workbench compatibility header: fixed-point numbers for C simulation with g++.
// Written for Allo Workbench (not derived from AMD's sources). ap_fixed<W, I> / ap_ufixed<W, I> hold W bits of
// which I are integer bits, with AMD's defaults AP_TRN (round toward minus infinity) and AP_WRAP on every
// conversion, as Allo's reference interpreter (docs/SEMANTICS.md). Operators +, -, * return types wide
// enough to be exact; / returns the quotient truncated toward zero with the dividend's fractional bits.
#ifndef ALLO_AP_FIXED_H
#define ALLO_AP_FIXED_H

#include <ap_int.h>

class half;

template <int W, int I, bool S>
class ap_fixed_base;

namespace allo_ap {

// raw bits of a fixed value with f2 fractional bits re-aligned to f fractional bits (floor), into n words
template <int W2, bool S2>
inline void align(uint64_t *d, int n, const ap_int_base<W2, S2> &raw, int f2, int f) {
  const int n2 = ap_int_base<W2, S2>::N;
  const int wide = n > n2 ? n : n2;
  uint64_t t[wide + 1];
  extend(t, wide + 1, raw.w, n2, S2);
  if (f >= f2) {
    uint64_t shifted[wide + 1];
    if (f - f2 < 64 * (wide + 1)) shift_left_words(shifted, t, wide + 1, f - f2);
    else for (int i = 0; i <= wide; i++) shifted[i] = 0;
    for (int i = 0; i < n; i++) d[i] = i <= wide ? shifted[i] : (negative_words(shifted, wide + 1, true) ? ~0ULL : 0);
  } else {
    uint64_t shifted[wide + 1];
    int k = f2 - f;
    shift_right_words(shifted, t, wide + 1, k < 64 * (wide + 1) ? k : 64 * (wide + 1) - 1, true);
    for (int i = 0; i < n; i++) d[i] = i <= wide ? shifted[i] : (negative_words(shifted, wide + 1, true) ? ~0ULL : 0);
  }
}

}  // namespace allo_ap

template <int W, int I, bool S>
class ap_fixed_base {
 public:
  static const int F = W - I;
  ap_int_base<W, S> V;  // the raw bits: value = V * 2^-F

  ap_fixed_base() : V(0) {}
  ap_fixed_base(bool v) { from_int(ap_int_base<1, false>(v)); }
  ap_fixed_base(char v) { from_int(ap_int_base<8, true>(v)); }
  ap_fixed_base(signed char v) { from_int(ap_int_base<8, true>(v)); }
  ap_fixed_base(unsigned char v) { from_int(ap_int_base<8, false>(v)); }
  ap_fixed_base(short v) { from_int(ap_int_base<16, true>(v)); }
  ap_fixed_base(unsigned short v) { from_int(ap_int_base<16, false>(v)); }
  ap_fixed_base(int v) { from_int(ap_int_base<32, true>(v)); }
  ap_fixed_base(unsigned int v) { from_int(ap_int_base<32, false>(v)); }
  ap_fixed_base(long v) { from_int(ap_int_base<64, true>(v)); }
  ap_fixed_base(unsigned long v) { from_int(ap_int_base<64, false>(v)); }
  ap_fixed_base(long long v) { from_int(ap_int_base<64, true>(v)); }
  ap_fixed_base(unsigned long long v) { from_int(ap_int_base<64, false>(v)); }
  ap_fixed_base(double v) {
    allo_ap::real_to_words(V.w, ap_int_base<W, S>::N, v, F, true);
    allo_ap::normalize(V.w, ap_int_base<W, S>::N, W, S);
  }
  ap_fixed_base(float v) : ap_fixed_base((double)v) {}
  template <int W2, bool S2>
  ap_fixed_base(const ap_int_base<W2, S2> &v) { from_int(v); }
  template <int W2, int I2, bool S2>
  ap_fixed_base(const ap_fixed_base<W2, I2, S2> &other) {
    allo_ap::align(V.w, ap_int_base<W, S>::N, other.V, W2 - I2, F);
    allo_ap::normalize(V.w, ap_int_base<W, S>::N, W, S);
  }

  // toward zero, like a C cast and AMD's to_int()
  template <int W2, bool S2>
  operator ap_int_base<W2, S2>() const {
    const int n = ap_int_base<W, S>::N + 1;
    uint64_t t[n];
    allo_ap::extend(t, n, V.w, ap_int_base<W, S>::N, S);
    bool negative = allo_ap::negative_words(t, n, true);
    if (negative) allo_ap::negate_words(t, t, n);
    uint64_t q[n];
    if (F > 0) allo_ap::shift_right_words(q, t, n, F < 64 * n ? F : 64 * n - 1, false);
    else if (F < 0) allo_ap::shift_left_words(q, t, n, -F < 64 * n ? -F : 0);
    else allo_ap::extend(q, n, t, n, false);
    if (negative) allo_ap::negate_words(q, q, n);
    ap_int_base<64 * n, true> whole;
    for (int i = 0; i < n; i++) whole.w[i] = q[i];
    return ap_int_base<W2, S2>(whole);
  }

  int to_int() const { return ((ap_int_base<64, true>)*this).to_int(); }
  long long to_int64() const { return ((ap_int_base<64, true>)*this).to_int64(); }
  unsigned long long to_uint64() const { return ((ap_int_base<64, false>)*this).to_uint64(); }
  double to_double() const { return std::ldexp(V.to_double(), -F); }
  float to_float() const { return std::ldexp(V.to_float(), -F); }
  inline half to_half() const;
  int length() const { return W; }

  bool operator[](int bit) const { return V[bit]; }
  ap_range_ref<W, S> range(int hi, int lo) { return V.range(hi, lo); }
  ap_range_ref<W, S> range(int hi, int lo) const { return V.range(hi, lo); }

  ap_fixed_base operator<<(int k) const { return raw(V << k); }
  ap_fixed_base operator>>(int k) const { return raw(V >> k); }
  ap_fixed_base<W + 1, I + 1, true> operator-() const {
    ap_fixed_base<W + 1, I + 1, true> r;
    r.V = -V;
    return r;
  }
  bool operator!() const { return !V; }

  static ap_fixed_base raw(const ap_int_base<W, S> &bits) {
    ap_fixed_base r;
    r.V = bits;
    return r;
  }

 private:
  template <int W2, bool S2>
  void from_int(const ap_int_base<W2, S2> &v) {
    allo_ap::align(V.w, ap_int_base<W, S>::N, v, 0, F);
    allo_ap::normalize(V.w, ap_int_base<W, S>::N, W, S);
  }
};

template <int W, int I>
using ap_fixed = ap_fixed_base<W, I, true>;
template <int W, int I>
using ap_ufixed = ap_fixed_base<W, I, false>;

namespace allo_ap {

constexpr int fixed_i(int i1, bool s1, int i2, bool s2) {
  return max_of(as_signed(i1, s1, s1 || s2), as_signed(i2, s2, s1 || s2));
}
constexpr int fixed_f(int w1, int i1, int w2, int i2) { return max_of(w1 - i1, w2 - i2); }
constexpr int div_i(int i1, int w2, int i2, bool s2) { return i1 + max_of(w2 - i2, 0) + 1 + (s2 ? 1 : 0); }

template <int WR, int IR, bool SR, int W2, int I2, bool S2>
inline ap_int_base<WR, SR> aligned(const ap_fixed_base<W2, I2, S2> &x) {
  ap_int_base<WR, SR> r;
  align(r.w, ap_int_base<WR, SR>::N, x.V, W2 - I2, WR - IR);
  normalize(r.w, ap_int_base<WR, SR>::N, WR, SR);
  return r;
}

}  // namespace allo_ap

#define ALLO_FIXED_I(W1, I1, S1, W2, I2, S2) allo_ap::fixed_i(I1, S1, I2, S2)
#define ALLO_FIXED_F(W1, I1, S1, W2, I2, S2) allo_ap::fixed_f(W1, I1, W2, I2)

#define ALLO_FIXED_ADDITIVE(OP)                                                                                   \
  template <int W1, int I1, bool S1, int W2, int I2, bool S2>                                                    \
  inline ap_fixed_base<ALLO_FIXED_I(W1, I1, S1, W2, I2, S2) + 1 + ALLO_FIXED_F(W1, I1, S1, W2, I2, S2),          \
                       ALLO_FIXED_I(W1, I1, S1, W2, I2, S2) + 1, (S1 || S2)>                                     \
  operator OP(const ap_fixed_base<W1, I1, S1> &a, const ap_fixed_base<W2, I2, S2> &b) {                          \
    const int IR = ALLO_FIXED_I(W1, I1, S1, W2, I2, S2) + 1;                                                     \
    const int WR = IR + ALLO_FIXED_F(W1, I1, S1, W2, I2, S2);                                                    \
    auto x = allo_ap::aligned<WR, IR, (S1 || S2)>(a);                                                            \
    auto y = allo_ap::aligned<WR, IR, (S1 || S2)>(b);                                                            \
    return ap_fixed_base<WR, IR, (S1 || S2)>::raw(ap_int_base<WR, (S1 || S2)>(x OP y));                          \
  }

ALLO_FIXED_ADDITIVE(+)
ALLO_FIXED_ADDITIVE(-)

template <int W1, int I1, bool S1, int W2, int I2, bool S2>
inline ap_fixed_base<W1 + W2, I1 + I2, (S1 || S2)> operator*(const ap_fixed_base<W1, I1, S1> &a,
                                                           const ap_fixed_base<W2, I2, S2> &b) {
  return ap_fixed_base<W1 + W2, I1 + I2, (S1 || S2)>::raw(ap_int_base<W1 + W2, (S1 || S2)>(a.V * b.V));
}

// the quotient keeps the dividend's W1 - I1 fractional bits: (a.V << F2) / b.V, truncated toward zero
template <int W1, int I1, bool S1, int W2, int I2, bool S2>
inline ap_fixed_base<allo_ap::div_i(I1, W2, I2, S2) + W1 - I1, allo_ap::div_i(I1, W2, I2, S2), (S1 || S2)>
operator/(const ap_fixed_base<W1, I1, S1> &a, const ap_fixed_base<W2, I2, S2> &b) {
  const int IR = allo_ap::div_i(I1, W2, I2, S2);
  const int WR = IR + W1 - I1;
  const int F2 = W2 - I2 > 0 ? W2 - I2 : 0;
  const int WD = allo_ap::max_of(W1 + F2, W2) + 2;
  ap_int_base<WD, true> dividend(a.V);
  dividend = dividend << F2;
  ap_int_base<WD, true> divisor(b.V);
  ap_fixed_base<WR, IR, (S1 || S2)> r;
  r.V = ap_int_base<WR, (S1 || S2)>(dividend / divisor);
  return r;
}

#define ALLO_FIXED_COMPARE(OP)                                                                                    \
  template <int W1, int I1, bool S1, int W2, int I2, bool S2>                                                    \
  inline bool operator OP(const ap_fixed_base<W1, I1, S1> &a, const ap_fixed_base<W2, I2, S2> &b) {              \
    const int IR = ALLO_FIXED_I(W1, I1, S1, W2, I2, S2) + 1;                                                     \
    const int WR = IR + ALLO_FIXED_F(W1, I1, S1, W2, I2, S2);                                                    \
    return allo_ap::aligned<WR, IR, true>(a) OP allo_ap::aligned<WR, IR, true>(b);                               \
  }

ALLO_FIXED_COMPARE(<)
ALLO_FIXED_COMPARE(<=)
ALLO_FIXED_COMPARE(>)
ALLO_FIXED_COMPARE(>=)
ALLO_FIXED_COMPARE(==)
ALLO_FIXED_COMPARE(!=)

#undef ALLO_FIXED_ADDITIVE
#undef ALLO_FIXED_COMPARE

#include <hls_half.h>

template <int W, int I, bool S>
inline half ap_fixed_base<W, I, S>::to_half() const {
  return half(to_double());
}

#endif
