// A number as export files write it: fixed to `decimals` places, then without trailing zeros
// ("12.50" -> "12.5", "3.000" -> "3"); empty for NaN or infinity. Shared by the export writers
// (event_writers.cc) and ACLED's rows (acled_row.cc). Part of store/export.
#pragma once

#include <string>

namespace eventmill {

std::string DecimalText(double value, int decimals);

}  // namespace eventmill
