// Allo Workbench compatibility header: hls::vector for C simulation with g++.
// Written for Allo Workbench: a fixed-size array of N elements with element-wise +, -, * and indexing.
#ifndef ALLO_HLS_VECTOR_H
#define ALLO_HLS_VECTOR_H

#include <cstddef>

namespace hls {

template <typename T, std::size_t N>
class vector {
 public:
  vector() : data_() {}
  explicit vector(const T &value) {
    for (std::size_t i = 0; i < N; i++) data_[i] = value;
  }
  T &operator[](std::size_t i) { return data_[i]; }
  const T &operator[](std::size_t i) const { return data_[i]; }
  static constexpr std::size_t size() { return N; }
  vector operator+(const vector &o) const { return zip(o, [](const T &a, const T &b) { return (T)(a + b); }); }
  vector operator-(const vector &o) const { return zip(o, [](const T &a, const T &b) { return (T)(a - b); }); }
  vector operator*(const vector &o) const { return zip(o, [](const T &a, const T &b) { return (T)(a * b); }); }

 private:
  template <typename Op>
  vector zip(const vector &o, Op op) const {
    vector r;
    for (std::size_t i = 0; i < N; i++) r.data_[i] = op(data_[i], o.data_[i]);
    return r;
  }
  T data_[N];
};

}  // namespace hls

#endif
