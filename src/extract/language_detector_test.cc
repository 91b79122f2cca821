#include "extract/language_detector.h"

#include <gtest/gtest.h>

namespace eventmill::extract {
namespace {

TEST(LanguageDetector, DetectsEnglishGermanRussian) {
  EXPECT_EQ(DetectLanguage("Officials in the city said that the situation is stable, but armed groups are still "
                           "resisting the security forces deployed throughout the city.").code,
            "en");
  EXPECT_EQ(DetectLanguage("Die Beamten der Stadt sagten, dass die Lage stabil sei, aber bewaffnete Gruppen "
                           "leisten den Sicherheitskräften in der ganzen Stadt weiterhin Widerstand.").code,
            "de");
  EXPECT_EQ(DetectLanguage("Власти города заявили, что ситуация стабильна, однако вооруженные группы "
                           "продолжают оказывать сопротивление силам безопасности.").code,
            "ru");
}

TEST(LanguageDetector, EmptyTextIsUnknown) { EXPECT_EQ(DetectLanguage("").code, ""); }

}  // namespace
}  // namespace eventmill::extract
