#pragma once
// ctx.changed("temp"): whether an input differs from the previous vector, so
// a test can redo expensive set-up (oven temperature, supply range) only when
// it has to.

#include <string_view>

#include "vectors/vector_row.hpp"

namespace litmus {

// True for the first row (previous == nullptr), when the key was absent from
// the previous row, or when its value differs (JSON equality: 25 and 25.0
// are the same). A key absent from `current` is a litmus::Error naming the
// key and the row's keys: a typo must not read as "never changed".
bool input_changed(const VectorRow* previous, const VectorRow& current, std::string_view key);

}  // namespace litmus
