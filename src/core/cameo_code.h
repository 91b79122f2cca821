// CameoCode: a CAMEO event code ("1823") read by its structure, as the CAMEO 1.1b3 codebook
// defines it: the first two digits are the root (the family of act: 14 protest, 18 assault), the
// first three the family a code belongs to (182 physical assault), and the root decides the quad
// class (01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20
// material conflict). The one place where code strings are taken apart: every "is this violence?"
// test of the code, dedup and store layers asks it instead of comparing strings. Core, because
// every layer after `code` reads event codes.
#pragma once

#include <string>
#include <string_view>

namespace eventmill {

class CameoCode {
 public:
  // The quad classes of CAMEO (and of GDELT's QuadClass field).
  enum class Quad { kUnknown = 0, kVerbalCooperation = 1, kMaterialCooperation = 2, kVerbalConflict = 3, kMaterialConflict = 4 };

  CameoCode() = default;
  explicit CameoCode(std::string_view code) : code_(code) {}

  const std::string& str() const { return code_; }
  // Two to four digits whose root is 01..20.
  bool IsValid() const;
  // "18" for "1823"; "" when invalid.
  std::string_view Root() const;
  // 18 for "1823"; 0 when invalid.
  int RootNumber() const;
  // The three-digit family ("182" for "1823", "182" for "182"); the root itself for a bare root.
  std::string_view Family() const;
  Quad QuadClass() const;

  bool HasRoot(int root) const { return RootNumber() == root; }
  // Whether the code is `prefix` or one of its sub-codes ("1823" is within "18" and "182").
  bool Within(std::string_view prefix) const;

  // Roots 18 (assault), 19 (fight) and 20 (unconventional mass violence).
  bool IsViolent() const;
  // Quad classes 2 and 4: something done, not said.
  bool IsMaterial() const;
  // Quad classes 1 and 3: something said.
  bool IsVerbal() const;
  // Roots 09..20.
  bool IsConflict() const;
  // Roots 01..16: acts short of coercion (17) and force, whether said or done.
  bool IsShortOfCoercion() const;

  friend bool operator==(const CameoCode& a, const CameoCode& b) { return a.code_ == b.code_; }

 private:
  std::string code_;
};

}  // namespace eventmill
