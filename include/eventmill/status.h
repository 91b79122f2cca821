// Status and Result<T>: errors as values across every public eventmill API.
// No exception crosses a public header; a stage that fails returns a Status naming the input.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace eventmill {

enum class StatusCode {
  kOk,
  kInvalidInput,
  kNotFound,
  kIoError,
  kLimitExceeded,
  kCorruptData,
  kUnavailable,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  // `where` names the input ("news.warc.gz#17"); the message reads "where: what".
  static Status InvalidInput(std::string_view where, std::string_view what) { return Make(StatusCode::kInvalidInput, where, what); }
  static Status NotFound(std::string_view where, std::string_view what) { return Make(StatusCode::kNotFound, where, what); }
  static Status IoError(std::string_view where, std::string_view what) { return Make(StatusCode::kIoError, where, what); }
  static Status LimitExceeded(std::string_view where, std::string_view what) { return Make(StatusCode::kLimitExceeded, where, what); }
  static Status CorruptData(std::string_view where, std::string_view what) { return Make(StatusCode::kCorruptData, where, what); }
  static Status Unavailable(std::string_view where, std::string_view what) { return Make(StatusCode::kUnavailable, where, what); }
  static Status Internal(std::string_view where, std::string_view what) { return Make(StatusCode::kInternal, where, what); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // One line: "source: reason". Empty for OK.
  const std::string& message() const { return message_; }

 private:
  static Status Make(StatusCode code, std::string_view where, std::string_view what) {
    std::string m;
    if (!where.empty()) {
      m.append(where);
      m.append(": ");
    }
    m.append(what);
    return Status(code, std::move(m));
  }
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T> holds a T or a non-OK Status; mirrors std::expected so a later move is a rename.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) { assert(!std::get<Status>(v_).ok()); }  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace eventmill

#define EM_CONCAT_INNER_(a, b) a##b
#define EM_CONCAT_(a, b) EM_CONCAT_INNER_(a, b)

#define EM_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    ::eventmill::Status em_status_ = (expr);      \
    if (!em_status_.ok()) return em_status_;      \
  } while (0)

#define EM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#define EM_ASSIGN_OR_RETURN(lhs, expr) EM_ASSIGN_OR_RETURN_IMPL_(EM_CONCAT_(em_result_, __LINE__), lhs, expr)
