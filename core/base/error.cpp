// SPDX-License-Identifier: GPL-3.0-or-later
// Error helpers: throwing with a kind, and turning any exception into a Failure.
#include "sa3/error.h"

#include <exception>
#include <new>

namespace sa3 {

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidInput: return "invalid input";
    case ErrorKind::Environment: return "environment";
    case ErrorKind::Internal: return "internal error";
    case ErrorKind::Cancelled: return "cancelled";
  }
  return "unknown";
}

void throw_invalid(std::string message) { throw Error(ErrorKind::InvalidInput, std::move(message)); }
void throw_environment(std::string message) { throw Error(ErrorKind::Environment, std::move(message)); }
void throw_internal(std::string message) { throw Error(ErrorKind::Internal, std::move(message)); }

Failure failure_from_current_exception() {
  try {
    throw;
  } catch (const Error& e) {
    return {e.kind(), e.what()};
  } catch (const std::bad_alloc&) {
    return {ErrorKind::Environment, "out of memory"};
  } catch (const std::exception& e) {
    // c10::Error lands here too: torch messages name the op and shapes, which is the context we need.
    return {ErrorKind::Internal, e.what()};
  } catch (...) {
    return {ErrorKind::Internal, "unknown exception"};
  }
}

}  // namespace sa3
