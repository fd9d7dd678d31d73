// Allo Workbench compatibility header: the part of AMD's hls_math.h that generated code relies on.
// Written for Allo Workbench. Generated kernels call the std:: functions of <cmath> in double precision and
// round the result to the call's type, as the reference interpreter does; hls:: forwards to them here.
#ifndef ALLO_HLS_MATH_H
#define ALLO_HLS_MATH_H

#include <cmath>
#include <hls_half.h>

namespace hls {
inline double exp(double x) { return std::exp(x); }
inline double log(double x) { return std::log(x); }
inline double log10(double x) { return std::log10(x); }
inline double sqrt(double x) { return std::sqrt(x); }
inline double sin(double x) { return std::sin(x); }
inline double cos(double x) { return std::cos(x); }
inline double tan(double x) { return std::tan(x); }
inline double tanh(double x) { return std::tanh(x); }
inline double pow(double x, double y) { return std::pow(x, y); }
inline double fabs(double x) { return std::fabs(x); }
}  // namespace hls

#endif
