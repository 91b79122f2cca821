#include "extract/language_detector.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(LanguageDetector, ReadsOnlyTheSampleAtTheStart) {
  // 9 KB of English, then 50 KB of German: the sample (8 KiB) holds only English.
  std::string text;
  while (text.size() < 9000)
    text += "Officials in the city said that the situation is stable, but armed groups are still resisting. ";
  while (text.size() < 59000)
    text += "Die Beamten der Stadt sagten, dass die Lage stabil sei, aber bewaffnete Gruppen leisten Widerstand. ";
  EXPECT_EQ(DetectLanguage(text).code, "en");
}

TEST(LanguageDetector, LongCyrillicTextIsCutWithinValidUtf8) {
  // Two-byte letters throughout: a cut in the middle of one would make CLD2 reject the sample.
  std::string text;
  while (text.size() < 20000) text += "Власти города заявили, что ситуация стабильна, однако группы сопротивляются. ";
  EXPECT_EQ(DetectLanguage(text).code, "ru");
  EXPECT_EQ(DetectLanguage(text.substr(0, 8193)).code, "ru");
}

TEST(LanguageDetector, ASmallerSampleReadsLess) {
  // 3 KB of English, then German: a 2 KiB first look reads English, the default sample German.
  std::string text;
  while (text.size() < 3000)
    text += "Officials in the city said that the situation is stable, but armed groups are still resisting. ";
  while (text.size() < 30000)
    text += "Die Beamten der Stadt sagten, dass die Lage stabil sei, aber bewaffnete Gruppen leisten Widerstand. ";
  EXPECT_EQ(DetectLanguage(text, size_t{2} << 10).code, "en");
  EXPECT_EQ(DetectLanguage(text).code, "de");
}

TEST(LanguageDetector, EmptyTextIsUnknown) { EXPECT_EQ(DetectLanguage("").code, ""); }

}  // namespace
}  // namespace eventmill::extract
