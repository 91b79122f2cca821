#include "syntax/punct_attachment.h"

#include <algorithm>

namespace eventmill::syntax {
namespace {

// True when `a` is `b` or lies below it (bounded walk: a cycle cannot loop forever).
bool IsUnder(const std::vector<int>& heads, int a, int b) {
  for (size_t steps = 0; a >= 0 && steps <= heads.size(); ++steps) {
    if (a == b) return true;
    a = heads[a];
  }
  return false;
}

// The last word of w's subtree, not counting the mark `p` being re-attached.
int SubtreeEnd(const std::vector<int>& heads, int w, int p) {
  int end = w;
  for (int j = w + 1; j < int(heads.size()); ++j)
    if (j != p && IsUnder(heads, j, w)) end = j;
  return end;
}

// Would attaching the leaf `p` to `h` keep the tree projective: every word between p and h under
// h, and every other arc that spans p has p below its head.
bool KeepsProjective(std::vector<int>& heads, int p, int h) {
  int old = heads[p];
  heads[p] = h;
  bool ok = true;
  for (int j = std::min(p, h) + 1; ok && j < std::max(p, h); ++j) ok = IsUnder(heads, j, h);
  for (int y = 0; ok && y < int(heads.size()); ++y) {
    int x = heads[y];
    if (y == p || x < 0) continue;
    if (std::min(x, y) < p && p < std::max(x, y)) ok = IsUnder(heads, p, x);
  }
  heads[p] = old;
  return ok;
}

std::string_view ClosingOf(std::string_view open) {
  if (open == "(") return ")";
  if (open == "[") return "]";
  if (open == "{") return "}";
  if (open == "\"") return "\"";
  if (open == "\xE2\x80\x9C") return "\xE2\x80\x9D";  // “ ”
  return {};
}

bool IsSentenceFinal(std::string_view form) { return form == "." || form == "?" || form == "!"; }

enum class Pair : char { kNone, kOpening, kClosing };

// Attaches each paired mark to the nearest head of the enclosed material; marks them in `pairs`.
void AttachPairs(const std::vector<std::string_view>& forms, const std::vector<bool>& is_punct, std::vector<int>& heads,
                 std::vector<Pair>& pairs) {
  const int n = int(forms.size());
  for (int i = 0; i < n; ++i) {
    if (pairs[i] == Pair::kClosing || !is_punct[i]) continue;
    std::string_view close = ClosingOf(forms[i]);
    if (close.empty()) continue;
    int depth = 0;
    for (int j = i + 1; j < n; ++j) {
      if (forms[j] == close) {
        if (depth > 0) {
          --depth;
          continue;
        }
        int first = -1, last = -1;
        for (int k = i + 1; k < j; ++k) {
          if (is_punct[k] || (heads[k] >= i && heads[k] <= j)) continue;
          if (first < 0) first = k;
          last = k;
        }
        if (first >= 0) {
          heads[i] = first;
          heads[j] = last;
          pairs[i] = Pair::kOpening;
          pairs[j] = Pair::kClosing;
        }
        break;
      }
      if (forms[j] == forms[i] && close != forms[i]) ++depth;
    }
  }
}

// Climbs from the nearest word left of the final mark `p`; keeps the parser's head if it is on
// the path, else takes the highest projective step.
void AttachFinal(const std::vector<bool>& is_punct, const std::vector<Pair>& pairs, std::vector<int>& heads, int p) {
  int l = p - 1;
  while (l >= 0 && is_punct[l]) {
    if (pairs[l] == Pair::kOpening && heads[l] != p) return;
    --l;
  }
  if (l < 0) return;
  std::vector<int> path{l};
  while (heads[l] >= 0 && heads[l] < p && SubtreeEnd(heads, l, p) < p) {
    l = heads[l];
    path.push_back(l);
  }
  std::erase_if(path, [&](int c) { return !KeepsProjective(heads, p, c); });
  if (path.empty()) return;
  heads[p] = path.back();
}

}  // namespace

void ReattachPunctuation(const std::vector<std::string_view>& forms, const std::vector<bool>& is_punct,
                         std::vector<int>* heads) {
  const int n = int(forms.size());
  if (n == 0 || int(heads->size()) != n || int(is_punct.size()) != n) return;
  std::vector<Pair> pairs(n, Pair::kNone);
  AttachPairs(forms, is_punct, *heads, pairs);
  std::vector<bool> has_dependent(n, false);
  for (int h : *heads)
    if (h >= 0 && h < n) has_dependent[h] = true;
  for (int i = 0; i < n; ++i) {
    if (!is_punct[i] || pairs[i] != Pair::kNone || has_dependent[i] || !IsSentenceFinal(forms[i])) continue;
    AttachFinal(is_punct, pairs, *heads, i);
  }
}

}  // namespace eventmill::syntax
