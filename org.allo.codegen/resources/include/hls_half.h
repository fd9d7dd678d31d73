// Allo Workbench compatibility header: the IEEE half type for C simulation with g++.
// Written for Allo Workbench. A half holds a float whose value is always a half value: every conversion rounds
// to 11 significant bits, nearest even, subnormals below 2^-14, overflow to infinity (docs/SEMANTICS.md).
// Arithmetic converts to float (exact) and the generated code rounds the result back with a cast.
#ifndef ALLO_HLS_HALF_H
#define ALLO_HLS_HALF_H

#include <cmath>

class half {
 public:
  half() : value_(0.0f) {}
  half(double v) : value_(round(v)) {}
  half(float v) : value_(round(v)) {}
  half(int v) : value_(round(v)) {}
  half(long long v) : value_(round((double)v)) {}
  operator float() const { return value_; }

 private:
  static float round(double x) {
    if (x == 0 || x != x || x - x != 0) {
      return (float)x;
    }
    int e = std::ilogb(x) < -14 ? -14 : std::ilogb(x);
    double r = std::ldexp(std::rint(std::ldexp(x, 10 - e)), e - 10);
    return (float)(std::fabs(r) > 65504.0 ? std::copysign(__builtin_inf(), x) : r);
  }

  float value_;
};

#endif
