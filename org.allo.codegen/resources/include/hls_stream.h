// Allo Workbench compatibility header: hls::stream for C simulation with g++ (-pthread).
// Written for Allo Workbench. A stream is an unbounded FIFO, as in AMD's C simulation: csim checks values,
// the FIFO depths of hardware are the simulator's business (allo sim). Streams are thread-safe, because a
// dataflow region's processes run concurrently in csim (allo_csim::dataflow, one std::thread per process):
// run one after the other, a feedback design (a systolic array, a consumer that answers its producer) would
// read a stream its writer fills only later.
//
// A process blocks on a read from an empty stream until a value arrives. When every running process is
// blocked that way (or has finished), no value can ever arrive: the simulation prints
// "stream NAME read while empty" for each stream read so, and exits with status 3 instead of hanging.
//
// Generated kernels use only what AMD's hls_stream.h offers (the named constructor, read, write, empty, full,
// read_nb, write_nb, size, << and >>); allo_csim is used only under #ifdef ALLO_THREADED_DATAFLOW, defined
// here, so the same kernel.cpp compiles against AMD's headers, where dataflow calls run in sequence.
#ifndef ALLO_HLS_STREAM_H
#define ALLO_HLS_STREAM_H

#define ALLO_THREADED_DATAFLOW 1

#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace allo_csim {

// What deadlock detection needs to know about all threads: one lock guards every stream, so that "all
// running processes are blocked" is decided atomically with the reads and writes that change it.
struct Processes {
  std::mutex lock;
  std::condition_variable progress;
  int running = 1;  // threads that may still write: the main thread, or the processes of open dataflow calls
  int blocked = 0;  // of those, the ones waiting in a read
  std::multiset<std::string> waitedOn;
};

inline Processes &processes() {
  static Processes state;
  return state;
}

// Called with the lock held: no running thread can write any more.
inline void failIfDeadlocked(const Processes &state) {
  if (state.running == 0 || state.blocked < state.running) return;
  std::fflush(stdout);
  std::string previous;
  for (const std::string &name : state.waitedOn) {
    if (name == previous) continue;
    std::fprintf(stderr, "stream %s read while empty\n", name.c_str());
    previous = name;
  }
  std::fprintf(stderr, "C simulation stopped: every process waits on an empty stream or has finished\n");
  std::fflush(stderr);
  // _Exit: other threads are still blocked on the lock's condition; running static destructors under them is unsafe.
  std::_Exit(3);
}

// Runs the processes of one dataflow call concurrently and returns when all have finished. The caller
// counts as blocked meanwhile; the last process to finish hands its place back to it, so a finished region
// inside a still running process never looks like a deadlock.
inline void dataflow(std::initializer_list<std::function<void()>> bodies) {
  Processes &state = processes();
  if (bodies.size() == 0) return;
  int remaining = static_cast<int>(bodies.size());
  {
    std::lock_guard<std::mutex> guard(state.lock);
    state.running += remaining - 1;
  }
  std::vector<std::thread> threads;
  for (const std::function<void()> &body : bodies) {
    threads.emplace_back([&state, &remaining, body] {
      body();
      std::lock_guard<std::mutex> guard(state.lock);
      if (--remaining > 0) {
        state.running--;
        failIfDeadlocked(state);
      }
    });
  }
  for (std::thread &thread : threads) thread.join();
}

}  // namespace allo_csim

namespace hls {

template <typename T, int DEPTH = 0>
class stream {
 public:
  stream() : name_("(unnamed)") {}
  explicit stream(const char *name) : name_(name) {}
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  void write(const T &value) {
    allo_csim::Processes &state = allo_csim::processes();
    std::lock_guard<std::mutex> guard(state.lock);
    fifo_.push_back(value);
    writes_++;
    // The waiting readers are runnable again from now on, before they reacquire the lock.
    state.blocked -= waiting_;
    for (; waiting_ > 0; waiting_--) state.waitedOn.erase(state.waitedOn.find(name_));
    state.progress.notify_all();
  }
  T read() {
    allo_csim::Processes &state = allo_csim::processes();
    std::unique_lock<std::mutex> guard(state.lock);
    while (fifo_.empty()) {
      waiting_++;
      state.blocked++;
      state.waitedOn.insert(name_);
      allo_csim::failIfDeadlocked(state);
      unsigned long long seen = writes_;
      state.progress.wait(guard, [&] { return writes_ != seen; });
    }
    T value = fifo_.front();
    fifo_.pop_front();
    return value;
  }
  void read(T &value) { value = read(); }
  bool read_nb(T &value) {
    std::lock_guard<std::mutex> guard(allo_csim::processes().lock);
    if (fifo_.empty()) return false;
    value = fifo_.front();
    fifo_.pop_front();
    return true;
  }
  bool write_nb(const T &value) {
    write(value);
    return true;
  }
  bool empty() {
    std::lock_guard<std::mutex> guard(allo_csim::processes().lock);
    return fifo_.empty();
  }
  bool full() const { return false; }
  std::size_t size() {
    std::lock_guard<std::mutex> guard(allo_csim::processes().lock);
    return fifo_.size();
  }
  void operator<<(const T &value) { write(value); }
  void operator>>(T &value) { value = read(); }

  // Elements of stream arrays have no constructor argument; csim names them "v[i][j]" for its messages.
  friend void allo_name(stream &s, const std::string &name) {
    std::lock_guard<std::mutex> guard(allo_csim::processes().lock);
    s.name_ = name;
  }

 private:
  std::deque<T> fifo_;
  std::string name_;
  int waiting_ = 0;
  unsigned long long writes_ = 0;
};

}  // namespace hls

namespace allo_csim {

template <typename T, int DEPTH>
void nameStreams(hls::stream<T, DEPTH> &s, const std::string &name) {
  allo_name(s, name);
}

template <typename S, std::size_t N>
void nameStreams(S (&streams)[N], const std::string &name) {
  for (std::size_t i = 0; i < N; i++) nameStreams(streams[i], name + "[" + std::to_string(i) + "]");
}

}  // namespace allo_csim

#endif
