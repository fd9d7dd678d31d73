// Allo Workbench compatibility header: arbitrary-precision integers for C simulation with g++.
// Written for Allo Workbench (not derived from AMD's sources). It implements the subset of the public API of
// AMD's ap_int.h that generated code, testbenches and hosts use, with the semantics of Allo's reference
// interpreter (docs/SEMANTICS.md): values of any width (also above 64 bits), two's-complement wrap on
// conversion, C division (toward zero), operators whose results are wide enough to be exact.
#ifndef ALLO_AP_INT_H
#define ALLO_AP_INT_H

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace allo_ap {

constexpr int max_of(int a, int b) { return a > b ? a : b; }
constexpr int words_of(int bits) { return (bits + 63) / 64; }
// the width an operand of (w, s) needs inside a result of signedness s_result
constexpr int as_signed(int w, bool s, bool s_result) { return w + (s_result && !s ? 1 : 0); }

// Words are little-endian; the bits above the width in the top word always repeat the sign (signed) or
// are zero (unsigned), so that extending to more words only has to repeat the top word's sign.
inline void normalize(uint64_t *v, int n, int w, bool s) {
  int top = w - 64 * (n - 1);
  if (top >= 64) {
    return;
  }
  uint64_t mask = (1ULL << top) - 1;
  bool negative = s && ((v[n - 1] >> (top - 1)) & 1);
  v[n - 1] = negative ? (v[n - 1] | ~mask) : (v[n - 1] & mask);
}

inline bool negative_words(const uint64_t *v, int n, bool s) { return s && (int64_t)v[n - 1] < 0; }

inline void extend(uint64_t *d, int nd, const uint64_t *a, int na, bool sa) {
  uint64_t fill = negative_words(a, na, sa) ? ~0ULL : 0ULL;
  for (int i = 0; i < nd; i++) {
    d[i] = i < na ? a[i] : fill;
  }
}

inline void add_words(uint64_t *d, const uint64_t *a, const uint64_t *b, int n) {
  unsigned carry = 0;
  for (int i = 0; i < n; i++) {
    uint64_t sum = a[i] + b[i];
    unsigned c1 = sum < a[i];
    uint64_t total = sum + carry;
    unsigned c2 = total < sum;
    d[i] = total;
    carry = c1 | c2;
  }
}

inline void negate_words(uint64_t *d, const uint64_t *a, int n) {
  unsigned carry = 1;
  for (int i = 0; i < n; i++) {
    uint64_t inverted = ~a[i];
    d[i] = inverted + carry;
    carry = carry && d[i] == 0;
  }
}

inline void sub_words(uint64_t *d, const uint64_t *a, const uint64_t *b, int n) {
  uint64_t negated[n > 0 ? n : 1];
  negate_words(negated, b, n);
  add_words(d, a, negated, n);
}

// product modulo 2^(64 n): the same bits for signed and unsigned operands extended to n words
inline void mul_words(uint64_t *d, const uint64_t *a, const uint64_t *b, int n) {
  uint64_t result[n > 0 ? n : 1];
  for (int i = 0; i < n; i++) {
    result[i] = 0;
  }
  for (int i = 0; i < n; i++) {
    unsigned __int128 carry = 0;
    for (int j = 0; i + j < n; j++) {
      unsigned __int128 t = (unsigned __int128)a[i] * b[j] + result[i + j] + carry;
      result[i + j] = (uint64_t)t;
      carry = t >> 64;
    }
  }
  for (int i = 0; i < n; i++) {
    d[i] = result[i];
  }
}

inline int compare_unsigned(const uint64_t *a, const uint64_t *b, int n) {
  for (int i = n - 1; i >= 0; i--) {
    if (a[i] != b[i]) {
      return a[i] < b[i] ? -1 : 1;
    }
  }
  return 0;
}

// a and b extended to n words with their signs already; signed comparison of the n-word values
inline int compare_words(const uint64_t *a, const uint64_t *b, int n, bool s) {
  if (s) {
    bool na = (int64_t)a[n - 1] < 0;
    bool nb = (int64_t)b[n - 1] < 0;
    if (na != nb) {
      return na ? -1 : 1;
    }
  }
  return compare_unsigned(a, b, n);
}

inline bool is_zero(const uint64_t *a, int n) {
  for (int i = 0; i < n; i++) {
    if (a[i] != 0) {
      return false;
    }
  }
  return true;
}

inline void shift_left_words(uint64_t *d, const uint64_t *a, int n, int k) {
  int words = k / 64;
  int bits = k % 64;
  for (int i = n - 1; i >= 0; i--) {
    uint64_t hi = i - words >= 0 ? a[i - words] : 0;
    uint64_t lo = i - words - 1 >= 0 ? a[i - words - 1] : 0;
    d[i] = bits == 0 ? hi : (hi << bits) | (lo >> (64 - bits));
  }
}

// arithmetic when s (the top word's sign fills), logical otherwise
inline void shift_right_words(uint64_t *d, const uint64_t *a, int n, int k, bool s) {
  uint64_t fill = negative_words(a, n, s) ? ~0ULL : 0ULL;
  int words = k / 64;
  int bits = k % 64;
  for (int i = 0; i < n; i++) {
    uint64_t lo = i + words < n ? a[i + words] : fill;
    uint64_t hi = i + words + 1 < n ? a[i + words + 1] : fill;
    d[i] = bits == 0 ? lo : (lo >> bits) | (hi << (64 - bits));
  }
}

// unsigned long division of n-word magnitudes: q = a / b, r = a % b
inline void divide_unsigned(uint64_t *q, uint64_t *r, const uint64_t *a, const uint64_t *b, int n) {
  if (n == 1) {
    q[0] = a[0] / b[0];
    r[0] = a[0] % b[0];
    return;
  }
  for (int i = 0; i < n; i++) {
    q[i] = 0;
    r[i] = 0;
  }
  for (int bit = 64 * n - 1; bit >= 0; bit--) {
    shift_left_words(r, r, n, 1);
    r[0] |= (a[bit / 64] >> (bit % 64)) & 1;
    if (compare_unsigned(r, b, n) >= 0) {
      sub_words(r, r, b, n);
      q[bit / 64] |= 1ULL << (bit % 64);
    }
  }
}

// C division and remainder (toward zero) of n-word values of signedness s
inline void divide_words(uint64_t *q, uint64_t *r, const uint64_t *a, const uint64_t *b, int n, bool s) {
  if (is_zero(b, n)) {
    std::fprintf(stderr, "ap_int: division by zero\n");
    std::abort();
  }
  bool na = negative_words(a, n, s);
  bool nb = negative_words(b, n, s);
  uint64_t ma[n > 0 ? n : 1], mb[n > 0 ? n : 1];
  if (na) negate_words(ma, a, n); else extend(ma, n, a, n, false);
  if (nb) negate_words(mb, b, n); else extend(mb, n, b, n, false);
  divide_unsigned(q, r, ma, mb, n);
  if (na != nb) negate_words(q, q, n);
  if (na) negate_words(r, r, n);
}

// the value rounded to the nearest double or float (ties to even), from its two's-complement words
template <typename R>
inline R words_to_real(const uint64_t *a, int n, bool s) {
  bool negative = negative_words(a, n, s);
  uint64_t m[n > 0 ? n : 1];
  if (negative) negate_words(m, a, n); else extend(m, n, a, n, false);
  int top = n - 1;
  while (top > 0 && m[top] == 0) {
    top--;
  }
  R value;
  if (top == 0) {
    value = (R)m[0];
  } else {
    // the highest 64 bits, the lowest of them ORed with every bit below (sticky): one correct rounding
    int lead = 63 - __builtin_clzll(m[top]);
    int shift = 64 * top + lead - 63;
    uint64_t t[n > 0 ? n : 1];
    shift_right_words(t, m, n, shift, false);
    bool sticky = false;
    for (int i = 0; i < shift; i++) {
      if ((m[i / 64] >> (i % 64)) & 1) {
        sticky = true;
        break;
      }
    }
    value = std::ldexp((R)(t[0] | (sticky ? 1 : 0)), shift);
  }
  return negative ? -value : value;
}

// floor (fixed point, AP_TRN) or truncation (integers) of x * 2^scale, modulo 2^(64 n); NaN and inf give 0
inline void real_to_words(uint64_t *d, int n, double x, int scale, bool floor_mode) {
  for (int i = 0; i < n; i++) {
    d[i] = 0;
  }
  if (x == 0 || x != x || x - x != 0) {
    return;
  }
  bool negative = x < 0;
  int exponent;
  double fraction = std::frexp(negative ? -x : x, &exponent);
  uint64_t mantissa = (uint64_t)std::ldexp(fraction, 53);
  int shift = exponent - 53 + scale;
  uint64_t m[n > 0 ? n : 1];
  extend(m, n, &mantissa, 1, false);
  bool inexact = false;
  if (shift >= 0) {
    if (shift < 64 * n) shift_left_words(d, m, n, shift);
  } else if (-shift < 64) {
    inexact = (mantissa & ((1ULL << -shift) - 1)) != 0;
    shift_right_words(d, m, n, -shift, false);
  } else {
    inexact = true;
  }
  if (negative) {
    negate_words(d, d, n);
    if (floor_mode && inexact) {
      uint64_t one[n > 0 ? n : 1];
      for (int i = 0; i < n; i++) one[i] = 0;
      one[0] = 1;
      sub_words(d, d, one, n);
    }
  }
}

}  // namespace allo_ap

template <int W, bool S>
class ap_int_base;

template <int W, bool S>
class ap_range_ref {
 public:
  ap_range_ref(ap_int_base<W, S> *target, int hi, int lo) : target_(target), hi_(hi), lo_(lo) {}
  unsigned long long to_uint64() const;
  long long to_int64() const { return (long long)to_uint64(); }
  ap_range_ref &operator=(unsigned long long value);
  int length() const { return hi_ - lo_ + 1; }

 private:
  ap_int_base<W, S> *target_;
  int hi_;
  int lo_;
};

template <int W, bool S>
class ap_int_base {
 public:
  static const int width = W;
  static const int N = allo_ap::words_of(W);
  uint64_t w[N];

  ap_int_base() { set_native(0, false); }
  ap_int_base(bool v) { set_native(v ? 1 : 0, false); }
  ap_int_base(char v) { set_native((long long)v, true); }
  ap_int_base(signed char v) { set_native(v, true); }
  ap_int_base(unsigned char v) { set_native(v, false); }
  ap_int_base(short v) { set_native(v, true); }
  ap_int_base(unsigned short v) { set_native(v, false); }
  ap_int_base(int v) { set_native(v, true); }
  ap_int_base(unsigned int v) { set_native(v, false); }
  ap_int_base(long v) { set_native(v, true); }
  ap_int_base(unsigned long v) { set_native((unsigned long long)v, false); }
  ap_int_base(long long v) { set_native(v, true); }
  ap_int_base(unsigned long long v) { set_native((long long)v, false); }
  ap_int_base(double v) {
    allo_ap::real_to_words(w, N, v, 0, false);
    allo_ap::normalize(w, N, W, S);
  }
  ap_int_base(float v) : ap_int_base((double)v) {}
  template <int W2, bool S2>
  ap_int_base(const ap_int_base<W2, S2> &other) {
    allo_ap::extend(w, N, other.w, ap_int_base<W2, S2>::N, S2);
    allo_ap::normalize(w, N, W, S);
  }
  // digits in radix 2, 8, 10 or 16, optionally signed and with a 0x/0b/0o prefix
  ap_int_base(const char *text, int radix) {
    set_native(0, false);
    bool negative = false;
    if (*text == '-' || *text == '+') {
      negative = *text++ == '-';
    }
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X' || text[1] == 'b' || text[1] == 'B' || text[1] == 'o' || text[1] == 'O')) {
      text += 2;
    }
    uint64_t acc[N + 1], digit[N + 1], base[N + 1];
    for (int i = 0; i <= N; i++) acc[i] = digit[i] = base[i] = 0;
    base[0] = (uint64_t)radix;
    for (; *text; text++) {
      char c = *text;
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0 || d >= radix) break;
      digit[0] = (uint64_t)d;
      allo_ap::mul_words(acc, acc, base, N + 1);
      allo_ap::add_words(acc, acc, digit, N + 1);
    }
    if (negative) allo_ap::negate_words(acc, acc, N + 1);
    for (int i = 0; i < N; i++) w[i] = acc[i];
    allo_ap::normalize(w, N, W, S);
  }

  long long to_int64() const { return (long long)w[0]; }
  unsigned long long to_uint64() const { return w[0]; }
  int to_int() const { return (int)w[0]; }
  unsigned to_uint() const { return (unsigned)w[0]; }
  long to_long() const { return (long)w[0]; }
  unsigned long to_ulong() const { return (unsigned long)w[0]; }
  bool to_bool() const { return !allo_ap::is_zero(w, N); }
  double to_double() const { return allo_ap::words_to_real<double>(w, N, S); }
  float to_float() const { return allo_ap::words_to_real<float>(w, N, S); }
  int length() const { return W; }

  bool operator[](int bit) const { return (w[bit / 64] >> (bit % 64)) & 1; }
  ap_range_ref<W, S> range(int hi, int lo) { return ap_range_ref<W, S>(this, hi, lo); }
  ap_range_ref<W, S> range(int hi, int lo) const { return ap_range_ref<W, S>(const_cast<ap_int_base *>(this), hi, lo); }
  ap_range_ref<W, S> range() { return range(W - 1, 0); }
  ap_range_ref<W, S> operator()(int hi, int lo) { return range(hi, lo); }

  ap_int_base operator<<(int k) const {
    ap_int_base r;
    if (k < 0) return *this >> -k;
    if (k >= 64 * N) return r;
    allo_ap::shift_left_words(r.w, w, N, k);
    allo_ap::normalize(r.w, N, W, S);
    return r;
  }
  ap_int_base operator>>(int k) const {
    ap_int_base r;
    if (k < 0) return *this << -k;
    if (k >= 64 * N && !S) return r;
    allo_ap::shift_right_words(r.w, w, N, k < 64 * N ? k : 64 * N - 1, S);
    allo_ap::normalize(r.w, N, W, S);
    return r;
  }
  ap_int_base operator~() const {
    ap_int_base r;
    for (int i = 0; i < N; i++) r.w[i] = ~w[i];
    allo_ap::normalize(r.w, N, W, S);
    return r;
  }
  ap_int_base<W + 1, true> operator-() const {
    ap_int_base<W + 1, true> r(*this);
    allo_ap::negate_words(r.w, r.w, ap_int_base<W + 1, true>::N);
    allo_ap::normalize(r.w, ap_int_base<W + 1, true>::N, W + 1, true);
    return r;
  }
  bool operator!() const { return allo_ap::is_zero(w, N); }

  template <int W2, bool S2>
  ap_int_base &operator+=(const ap_int_base<W2, S2> &o) { return *this = *this + o; }
  template <int W2, bool S2>
  ap_int_base &operator-=(const ap_int_base<W2, S2> &o) { return *this = *this - o; }
  template <int W2, bool S2>
  ap_int_base &operator*=(const ap_int_base<W2, S2> &o) { return *this = *this * o; }

 private:
  void set_native(long long v, bool s) {
    uint64_t word = (uint64_t)v;
    allo_ap::extend(w, N, &word, 1, s);
    allo_ap::normalize(w, N, W, S);
  }
};

template <int W, bool S>
unsigned long long ap_range_ref<W, S>::to_uint64() const {
  uint64_t t[ap_int_base<W, S>::N];
  allo_ap::shift_right_words(t, target_->w, ap_int_base<W, S>::N, lo_, false);
  int len = hi_ - lo_ + 1;
  return len >= 64 ? t[0] : t[0] & ((1ULL << len) - 1);
}

template <int W, bool S>
ap_range_ref<W, S> &ap_range_ref<W, S>::operator=(unsigned long long value) {
  for (int bit = lo_; bit <= hi_; bit++) {
    uint64_t mask = 1ULL << (bit % 64);
    bool on = bit - lo_ < 64 && ((value >> (bit - lo_)) & 1);
    target_->w[bit / 64] = on ? (target_->w[bit / 64] | mask) : (target_->w[bit / 64] & ~mask);
  }
  allo_ap::normalize(target_->w, ap_int_base<W, S>::N, W, S);
  return *this;
}

template <int W>
using ap_int = ap_int_base<W, true>;
template <int W>
using ap_uint = ap_int_base<W, false>;

namespace allo_ap {

// the result of a binary operation computed on both operands extended to the result's width
template <int WR, bool SR, int W1, bool S1, int W2, bool S2, typename Op>
inline ap_int_base<WR, SR> binary(const ap_int_base<W1, S1> &a, const ap_int_base<W2, S2> &b, Op op) {
  const int n = ap_int_base<WR, SR>::N;
  uint64_t x[n], y[n];
  extend(x, n, a.w, ap_int_base<W1, S1>::N, S1);
  extend(y, n, b.w, ap_int_base<W2, S2>::N, S2);
  ap_int_base<WR, SR> r;
  op(r.w, x, y, n);
  normalize(r.w, n, WR, SR);
  return r;
}

template <int W1, bool S1, int W2, bool S2>
inline int compare(const ap_int_base<W1, S1> &a, const ap_int_base<W2, S2> &b) {
  const int n = words_of(max_of(W1, W2) + 1);
  uint64_t x[n], y[n];
  extend(x, n, a.w, ap_int_base<W1, S1>::N, S1);
  extend(y, n, b.w, ap_int_base<W2, S2>::N, S2);
  return compare_words(x, y, n, true);
}

constexpr int add_width(int w1, bool s1, int w2, bool s2) {
  return max_of(as_signed(w1, s1, s1 || s2), as_signed(w2, s2, s1 || s2)) + 1;
}
constexpr int logic_width(int w1, bool s1, int w2, bool s2) {
  return max_of(as_signed(w1, s1, s1 || s2), as_signed(w2, s2, s1 || s2));
}

}  // namespace allo_ap

#define ALLO_AP_INT_BINARY(OP, WIDTH, BODY)                                                           \
  template <int W1, bool S1, int W2, bool S2>                                                         \
  inline ap_int_base<WIDTH, (S1 || S2)> operator OP(const ap_int_base<W1, S1> &a,                     \
                                                    const ap_int_base<W2, S2> &b) {                   \
    return allo_ap::binary<WIDTH, (S1 || S2)>(a, b, [](uint64_t *d, const uint64_t *x, const uint64_t *y, \
                                                       int n) { BODY; });                             \
  }

ALLO_AP_INT_BINARY(+, allo_ap::add_width(W1, S1, W2, S2), allo_ap::add_words(d, x, y, n))
ALLO_AP_INT_BINARY(-, allo_ap::add_width(W1, S1, W2, S2), allo_ap::sub_words(d, x, y, n))
ALLO_AP_INT_BINARY(*, W1 + W2, allo_ap::mul_words(d, x, y, n))
ALLO_AP_INT_BINARY(&, allo_ap::logic_width(W1, S1, W2, S2), for (int i = 0; i < n; i++) d[i] = x[i] & y[i])
ALLO_AP_INT_BINARY(|, allo_ap::logic_width(W1, S1, W2, S2), for (int i = 0; i < n; i++) d[i] = x[i] | y[i])
ALLO_AP_INT_BINARY(^, allo_ap::logic_width(W1, S1, W2, S2), for (int i = 0; i < n; i++) d[i] = x[i] ^ y[i])

template <int W1, bool S1, int W2, bool S2>
inline ap_int_base<allo_ap::add_width(W1, S1, W2, S2), (S1 || S2)> operator/(const ap_int_base<W1, S1> &a,
                                                                          const ap_int_base<W2, S2> &b) {
  return allo_ap::binary<allo_ap::add_width(W1, S1, W2, S2), (S1 || S2)>(a, b, [](uint64_t *d, const uint64_t *x, const uint64_t *y, int n) {
    uint64_t r[n];
    allo_ap::divide_words(d, r, x, y, n, S1 || S2);
  });
}

template <int W1, bool S1, int W2, bool S2>
inline ap_int_base<allo_ap::add_width(W1, S1, W2, S2), (S1 || S2)> operator%(const ap_int_base<W1, S1> &a,
                                                                          const ap_int_base<W2, S2> &b) {
  return allo_ap::binary<allo_ap::add_width(W1, S1, W2, S2), (S1 || S2)>(a, b, [](uint64_t *d, const uint64_t *x, const uint64_t *y, int n) {
    uint64_t q[n];
    allo_ap::divide_words(q, d, x, y, n, S1 || S2);
  });
}

#define ALLO_AP_INT_COMPARE(OP)                                                                          \
  template <int W1, bool S1, int W2, bool S2>                                                            \
  inline bool operator OP(const ap_int_base<W1, S1> &a, const ap_int_base<W2, S2> &b) {                  \
    return allo_ap::compare(a, b) OP 0;                                                                  \
  }

ALLO_AP_INT_COMPARE(<)
ALLO_AP_INT_COMPARE(<=)
ALLO_AP_INT_COMPARE(>)
ALLO_AP_INT_COMPARE(>=)
ALLO_AP_INT_COMPARE(==)
ALLO_AP_INT_COMPARE(!=)

#undef ALLO_AP_INT_BINARY
#undef ALLO_AP_INT_COMPARE

#endif
