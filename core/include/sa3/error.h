// SPDX-License-Identifier: GPL-3.0-or-later
// Errors and results shared by every part of core and its callers.
//
// Errors: inside core, code throws sa3::Error with a kind and a message that names the file,
//   field or tensor key ("path[:line]: what (expected X, got Y)" plus the fix when known).
//   Facade functions catch everything and return Result<T>; cancellation is its own outcome,
//   not an error.
// Threading: plain values; safe to move across threads.
//
//   sa3::Result<int> r = sa3::capture([&] { return parse(path); });
//   if (!r) std::cerr << r.error().message << '\n';
#pragma once

#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace sa3 {

enum class ErrorKind {
  InvalidInput,  // a file, field, URL or argument the user gave is wrong
  Environment,   // the machine or network failed: disk full, HTTP 5xx, missing library
  Internal,      // a bug in SA3 Studio
  Cancelled,     // the user asked to stop; never shown as a failure
};

const char* to_string(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// Thrown by long calls when their JobControl is cancelled; carries no blame.
class Cancelled : public Error {
 public:
  Cancelled() : Error(ErrorKind::Cancelled, "cancelled") {}
};

[[noreturn]] void throw_invalid(std::string message);
[[noreturn]] void throw_environment(std::string message);
[[noreturn]] void throw_internal(std::string message);

// What a facade call reports instead of throwing.
struct Failure {
  ErrorKind kind = ErrorKind::Internal;
  std::string message;
  bool cancelled() const { return kind == ErrorKind::Cancelled; }
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Failure failure) : state_(std::move(failure)) {}

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(state_); }
  const T& value() const { return std::get<T>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Failure& error() const { return std::get<Failure>(state_); }

 private:
  std::variant<T, Failure> state_;
};

struct Done {};
using Status = Result<Done>;

// Converts any exception escaping `fn` (sa3::Error, c10::Error, std::exception) into a Failure.
Failure failure_from_current_exception();

template <typename Fn>
auto capture(Fn&& fn) -> Result<std::invoke_result_t<Fn>> {
  try {
    return Result<std::invoke_result_t<Fn>>(fn());
  } catch (...) {
    return failure_from_current_exception();
  }
}

template <typename Fn>
  requires std::is_void_v<std::invoke_result_t<Fn>>
Status capture_status(Fn&& fn) {
  try {
    fn();
    return Done{};
  } catch (...) {
    return failure_from_current_exception();
  }
}

}  // namespace sa3
