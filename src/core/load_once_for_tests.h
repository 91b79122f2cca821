// LoadOnce: a test's shared, expensive fixture (data tables, the parser model) loaded once per
// test process. A load error fails the running test with its message and stops the process, since
// every later test would read the missing table. Header-only; included by *_test.cc files only.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <utility>

namespace eventmill {

// `load` returns a Result<T>; each call site (each lambda type) has its own instance.
template <typename T, typename Load>
const T& LoadOnce(Load load) {
  static const T* value = [&] {
    auto r = load();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return new T(std::move(*r));
  }();
  return *value;
}

}  // namespace eventmill
