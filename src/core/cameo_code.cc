// CameoCode: the structure of a CAMEO code (root, family, quad class); see cameo_code.h.
#include "core/cameo_code.h"

#include <cctype>

namespace eventmill {

bool CameoCode::IsValid() const {
  if (code_.size() < 2 || code_.size() > 4) return false;
  for (char c : code_) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  int root = (code_[0] - '0') * 10 + (code_[1] - '0');
  return root >= 1 && root <= 20;
}

std::string_view CameoCode::Root() const { return IsValid() ? std::string_view(code_).substr(0, 2) : std::string_view(); }

int CameoCode::RootNumber() const { return IsValid() ? (code_[0] - '0') * 10 + (code_[1] - '0') : 0; }

std::string_view CameoCode::Family() const {
  if (!IsValid()) return {};
  return std::string_view(code_).substr(0, code_.size() >= 3 ? 3 : 2);
}

CameoCode::Quad CameoCode::QuadClass() const {
  int r = RootNumber();
  if (r == 0) return Quad::kUnknown;
  if (r <= 5) return Quad::kVerbalCooperation;
  if (r <= 8) return Quad::kMaterialCooperation;
  if (r <= 13) return Quad::kVerbalConflict;
  return Quad::kMaterialConflict;
}

bool CameoCode::Within(std::string_view prefix) const {
  return !prefix.empty() && std::string_view(code_).substr(0, prefix.size()) == prefix;
}

bool CameoCode::IsViolent() const {
  int r = RootNumber();
  return r >= 18 && r <= 20;
}

bool CameoCode::IsMaterial() const {
  Quad q = QuadClass();
  return q == Quad::kMaterialCooperation || q == Quad::kMaterialConflict;
}

bool CameoCode::IsVerbal() const {
  Quad q = QuadClass();
  return q == Quad::kVerbalCooperation || q == Quad::kVerbalConflict;
}

bool CameoCode::IsConflict() const { return RootNumber() >= 9; }

bool CameoCode::IsShortOfCoercion() const {
  int r = RootNumber();
  return r >= 1 && r < 17;
}

}  // namespace eventmill
