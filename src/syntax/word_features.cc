#include "syntax/word_features.h"

#include <string>

#include "syntax/perceptron.h"
#include "syntax/word_clusters.h"

namespace eventmill::syntax {

void WordShape(std::string_view form, std::string* shape) {
  shape->clear();
  for (unsigned char c : form) {
    char k = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : char(c);
    if (shape->empty() || shape->back() != k) shape->push_back(k);
    if (shape->size() >= 12) break;
  }
}

void ComputeWordFacts(const std::vector<std::string_view>& forms, std::vector<WordFacts>* facts,
                      const WordClusters* clusters) {
  facts->resize(forms.size());
  std::string lower, shape;
  for (size_t i = 0; i < forms.size(); ++i) {
    std::string_view f = forms[i];
    lower.assign(f);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    WordFacts& w = (*facts)[i];
    w.lower = HashString(lower);
    w.form = HashString(f);
    WordShape(f, &shape);
    w.shape = HashString(shape);
    std::string_view l = lower;
    for (size_t k = 0; k < 4; ++k) w.suffix[k] = HashString(l.substr(l.size() > k + 1 ? l.size() - k - 1 : 0));
    for (size_t k = 0; k < 3; ++k) w.prefix[k] = HashString(l.substr(0, k + 1));
    if (clusters && !clusters->empty()) {
      const uint32_t both = clusters->Both(w.lower);
      w.fine = both & 0xffff;
      w.coarse = both >> 16;
    } else {
      w.fine = w.coarse = 0xffff;
    }
  }
}

}  // namespace eventmill::syntax
