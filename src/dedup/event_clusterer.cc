// The event cluster key: what makes two coded events "the same event" across articles.
#include <cctype>

#include "core/hash.h"
#include "eventmill/dedup.h"
#include "text/word_lists.h"

namespace eventmill {
namespace {

using text::AsciiLower;

}  // namespace

std::string EventClusterKey(const Event& event) {
  std::string key = event.cameo;
  key += '|';
  if (event.source) key += event.source->code.empty() ? AsciiLower(event.source->name) : event.source->code;
  key += '|';
  if (event.target) key += event.target->code.empty() ? AsciiLower(event.target->name) : event.target->code;
  key += '|';
  if (event.location) {
    const Place& p = event.location->place;
    key += p.country;
    key += '/';
    // A place id when resolved; its name otherwise (the same place spelt alike in both articles).
    key += p.geonameid ? std::to_string(p.geonameid) : AsciiLower(p.name);
  }
  key += '|';
  key += event.date.value;
  return Hex64(Hash64(key, /*seed=*/0x6576656e74ULL));
}

}  // namespace eventmill
