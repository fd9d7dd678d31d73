// Allo Workbench compatibility header: hls::stream for C simulation with g++.
// Written for Allo Workbench. A stream is an unbounded FIFO, as in the reference interpreter: C simulation is
// sequential, so a producer runs to completion before its consumer; reading an empty stream stops the
// simulation with a message (a sequential deadlock), where AMD's csim would warn and return garbage.
#ifndef ALLO_HLS_STREAM_H
#define ALLO_HLS_STREAM_H

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>

namespace hls {

template <typename T, int DEPTH = 0>
class stream {
 public:
  stream() {}
  explicit stream(const char *name) : name_(name) {}
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  void write(const T &value) { fifo_.push_back(value); }
  T read() {
    if (fifo_.empty()) {
      std::fprintf(stderr, "hls::stream %s: read while empty\n", name_.c_str());
      std::exit(3);
    }
    T value = fifo_.front();
    fifo_.pop_front();
    return value;
  }
  void read(T &value) { value = read(); }
  bool read_nb(T &value) {
    if (fifo_.empty()) return false;
    value = read();
    return true;
  }
  bool write_nb(const T &value) {
    write(value);
    return true;
  }
  bool empty() const { return fifo_.empty(); }
  bool full() const { return false; }
  std::size_t size() const { return fifo_.size(); }
  void operator<<(const T &value) { write(value); }
  void operator>>(T &value) { value = read(); }

 private:
  std::deque<T> fifo_;
  std::string name_;
};

}  // namespace hls

#endif
