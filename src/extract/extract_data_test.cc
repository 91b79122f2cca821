#include "extract/extract_data.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace eventmill::extract {
namespace {

ExtractData Data() {
  return ExtractData::FromStrings(
      "remove comment comments share* sharing author-box\nnegative meta\npositive content\nhidden sr-only\n",
      "Source link\nRead more*\n", "AFP|Agence France-Presse\n");
}

TEST(ExtractData, ClassifiesClassWordsAndPrefixes) {
  ExtractData d = Data();
  int score = 0;
  EXPECT_EQ(d.Classify("td-post-sharing-top", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("comments18-wrapper", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("td-author-box-wrap", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("entry-meta", &score), HintKind::kNegative);
  EXPECT_EQ(d.Classify("post-content", &score), HintKind::kPositive);
  EXPECT_EQ(d.Classify("commentary-piece", &score), HintKind::kNone);
  EXPECT_EQ(d.Classify("o-section--has-comments", &score), HintKind::kNone);
  // A hint word that names a style of the element is not what the element is.
  EXPECT_EQ(d.Classify("story-header__comments-style--default", &score), HintKind::kNone);
}

TEST(ExtractData, CamelCaseNamesAreWords) {
  ExtractData d = Data();
  int score = 0;
  EXPECT_EQ(d.Classify("commentInfo_Notice", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("articleShareBar", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("authorBox", &score), HintKind::kRemove);  // a pair, as author-box
  EXPECT_EQ(d.Classify("mainContent", &score), HintKind::kPositive);
  // Only where a lower-case letter meets an upper-case one: no words inside a lower-case run, nor
  // inside a run of capitals.
  EXPECT_EQ(d.Classify("commentinfo", &score), HintKind::kNone);
  EXPECT_EQ(d.Classify("COMMENTARY", &score), HintKind::kNone);
  EXPECT_EQ(d.Classify("CommentaryPiece", &score), HintKind::kNone);
}

TEST(ExtractData, HiddenMatchesWholeTokensOnly) {
  ExtractData d = Data();
  int score = 0;
  EXPECT_EQ(d.Classify("x sr-only", &score), HintKind::kHidden);
  EXPECT_NE(d.Classify("menu-sr-only-toggle", &score), HintKind::kHidden);
}

TEST(ExtractData, KnowsBoilerplateLines) {
  ExtractData d = Data();
  EXPECT_TRUE(d.IsBoilerplateLine("Source link"));
  EXPECT_TRUE(d.IsBoilerplateLine("SOURCE LINK"));
  EXPECT_TRUE(d.IsBoilerplateLine("Read more: the full story"));
  EXPECT_FALSE(d.IsBoilerplateLine("The source link between the two was never proven."));
}

TEST(ExtractData, KnowsPictureCredits) {
  ExtractData d = ExtractData::FromStrings("", "credit: Foto\ncredit: Photo\ncredit: Bild\n", "");
  EXPECT_TRUE(d.EndsWithCredit("Auch er gehört zu den Unterstützern. Bild: dpa"));
  EXPECT_TRUE(d.EndsWithCredit("The square on Sunday (Photo: Jane Roe/Reuters)"));
  EXPECT_TRUE(d.EndsWithCredit("Foto: Getty Images"));
  EXPECT_FALSE(d.EndsWithCredit("The photo: it showed the square. Nobody had seen it before that day."));
  EXPECT_FALSE(d.EndsWithCredit("Fotograf: Jane Roe"));  // whole label only
  // French typography: a space before the colon.
  EXPECT_TRUE(d.EndsWithCredit("Le piquet de grève dans le hall de l'université (Photo : Jane Roe)"));
  EXPECT_FALSE(d.EndsWithCredit("La photo : elle montrait la place. Personne ne l'avait vue avant ce jour-là."));
  EXPECT_FALSE(d.EndsWithCredit(std::string(300, 'a') + " Foto: dpa"));  // a paragraph, not a caption
  // A long caption of several sentences: its credit follows a full stop.
  const std::string caption =
      "On the bottom, vibrations of the printer shifted the printhead several times. On the top, the new "
      "algorithm was applied to the printer, which then finished the print. Both replicas of the building were "
      "printed on the same machine at twice the usual speed.";
  EXPECT_TRUE(d.EndsWithCredit(caption + " Photo: Jane Roe, University Communications"));
  EXPECT_FALSE(d.EndsWithCredit(caption + " Photo: Jane Roe, University Communications" + std::string(250, 'b')));
}

TEST(ExtractData, KnowsFurniturePhrasesAnywhereInAShortLine) {
  ExtractData d = ExtractData::FromStrings("", "within: All rights reserved\n", "");
  EXPECT_TRUE(d.HasFurniturePhrase("Copyright 2023 Example Corp. All rights reserved. Do not redistribute."));
  EXPECT_FALSE(d.HasFurniturePhrase("The court said all rights were reserved for the owners of the land."));
  EXPECT_FALSE(d.HasFurniturePhrase(std::string(300, 'a') + " All rights reserved"));  // a paragraph
}

TEST(ExtractData, FurniturePhrasesWithPartsAndAnchors) {
  ExtractData d = ExtractData::FromStrings(
      "", "within: ^follow + on twitter\nwithin: subscribe + full story\nwithin: ^disclaimer\n", "");
  EXPECT_TRUE(d.HasFurniturePhrase("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner."));
  EXPECT_TRUE(d.HasFurniturePhrase("\"Follow us on Twitter\""));
  // "follow" not at the start: a sentence of the story.
  EXPECT_FALSE(d.HasFurniturePhrase("The senator, who has millions of followers on Twitter, denied it."));
  EXPECT_TRUE(d.HasFurniturePhrase("Subscribe now to our eNATION edition for the full story."));
  EXPECT_FALSE(d.HasFurniturePhrase("She told the full story to the court on Monday."));  // one part only
  // An anchored notice may run long; an unanchored phrase marks short lines only.
  EXPECT_TRUE(d.HasFurniturePhrase("Disclaimer: " + std::string(500, 'a')));
  EXPECT_FALSE(d.HasFurniturePhrase(std::string(320, 'a') + " subscribe for the full story"));
  EXPECT_FALSE(d.HasFurniturePhrase("The disclaimer was read out in court."));
}

TEST(ExtractData, KnowsBylinesAndAuthorBios) {
  ExtractData d = ExtractData::FromStrings(
      "", "byline: By\nbyline: Von\nrole: reporter\nrole: redakteur\nrole: founder\n", "");
  EXPECT_TRUE(d.IsByline("By Jessica Holly, Gail Levy, 7 News WSVN"));
  EXPECT_TRUE(d.IsByline("by Bob Yirka , Phys.org"));
  EXPECT_TRUE(d.IsByline("Von Moritz Wichmann"));
  EXPECT_FALSE(d.IsByline("By the end of the day, the police had detained 40 people."));
  EXPECT_FALSE(d.IsByline("Vonovia raises rents"));  // the word, not a prefix of one
  EXPECT_TRUE(d.IsAuthorBio("Edward Russell Is a Senior Aviation Business Reporter at The Points Guy."));
  EXPECT_TRUE(d.IsAuthorBio("Candice Sealey is the Founder & Principal Consultant at Ignite!"));
  EXPECT_TRUE(d.IsAuthorBio("Max Muster ist Redakteur im Ressort Politik."));
  EXPECT_FALSE(d.IsAuthorBio("The reporter is a witness in the case, the court heard on Monday."));
  EXPECT_FALSE(d.IsAuthorBio("Prime Minister Keith Mitchell is the chairman of the OECS Authority."));
}

TEST(ExtractData, KnowsSignOffsAndWordsThatAreNoNames) {
  ExtractData d = ExtractData::FromStrings("", "signoff: Deine\nsignoff: Liebe Grüße\nnotname: phd\n", "");
  EXPECT_EQ(d.signoff_words(), (std::vector<std::string>{"deine ", "liebe grüße "}));
  EXPECT_TRUE(d.IsNotAName("PhD"));
  EXPECT_FALSE(d.IsNotAName("Phd Roe"));  // a whole part only
}

TEST(ExtractData, LoadsTheShippedDataFiles) {
  const char* dir = std::getenv("EVENTMILL_DATA");
  if (!dir) GTEST_SKIP() << "EVENTMILL_DATA not set";
  auto d = ExtractData::Load(std::string(dir) + "/extract");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_GT(d->agencies().size(), 20u);
  EXPECT_TRUE(d->IsBoilerplateLine("Please enter your comment!"));
  EXPECT_TRUE(d->EndsWithCredit("Police at the scene. (Foto: picture alliance/dpa)"));
  EXPECT_TRUE(d->HasFurniturePhrase("© 2024 Beispiel GmbH. Alle Rechte vorbehalten."));
}

// The shipped furniture phrases of December 2026: newsletter and follow calls in Spanish and
// French, comment policies, licence lines; and sentences of stories that hold some of the words.
TEST(ExtractData, ShippedPhrasesForCallsCommentPoliciesAndLicences) {
  const char* dir = std::getenv("EVENTMILL_DATA");
  if (!dir) GTEST_SKIP() << "EVENTMILL_DATA not set";
  auto d = ExtractData::Load(std::string(dir) + "/extract");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_TRUE(d->HasFurniturePhrase("Puede escribirnos a redaccion@example.com o seguir a Ciencia en Facebook, "
                                    "Twitter o suscribirse aquí a nuestra newsletter."));
  EXPECT_TRUE(d->HasFurniturePhrase("Síguenos en Twitter y Facebook"));
  EXPECT_TRUE(d->HasFurniturePhrase("Abonnez-vous à notre newsletter pour recevoir nos articles."));
  EXPECT_TRUE(d->HasFurniturePhrase(
      "Die Kommentare der User geben nicht notwendigerweise die Meinung der Beispiel-Redaktion wieder. Die Redaktion "
      "behält sich vor, ohne Angabe von Gründen Kommentare zu löschen, insbesondere wenn diese straf- oder "
      "zivilrechtliche Normen verletzen, den guten Sitten widersprechen oder sonst dem Ansehen des Mediums schaden. "
      "Als Nutzer haften Sie für Ihre Inhalte selbst."));  // over 300 bytes: anchored
  EXPECT_TRUE(d->HasFurniturePhrase("Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE."));
  EXPECT_TRUE(d->HasFurniturePhrase("This work is licensed under a Creative Commons Attribution 4.0 License."));
  EXPECT_FALSE(d->HasFurniturePhrase("Der Minister sagte, die Zeitung werde ihren Newsletter einstellen."));
  EXPECT_FALSE(d->HasFurniturePhrase("El ministro pidió a los ciudadanos seguir las noticias en la radio."));
  EXPECT_FALSE(d->HasFurniturePhrase("In den Kommentaren der Leser zeigt sich die Meinung der Stadt über die "
                                     "Redaktion des Lokalblatts."));  // not at the start
  EXPECT_FALSE(d->HasFurniturePhrase("The agency said the photos were licensed to three newspapers."));
  // Lines of English news pages around ads, links and pictures.
  EXPECT_TRUE(d->IsBoilerplateLine("Story continues below advertisement"));
  EXPECT_TRUE(d->IsBoilerplateLine("Related: Check out this article on pests of the garden"));
  EXPECT_TRUE(d->IsBoilerplateLine("See also: The ten best beaches of the coast"));
  EXPECT_TRUE(d->IsBoilerplateLine("Image caption Police at the scene on Sunday"));
  EXPECT_FALSE(d->IsBoilerplateLine("Related news from the region was scarce, the agency said."));
  EXPECT_FALSE(d->IsBoilerplateLine("The story continues below the surface, the geologist said."));
  // Disclaimers of opinion pieces, at the start of a line only.
  EXPECT_TRUE(d->HasFurniturePhrase("The views expressed in this article are those of the author and do not reflect "
                                    "the position of the publisher."));
  EXPECT_TRUE(d->HasFurniturePhrase("Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die "
                                    "der Redaktion."));
  EXPECT_FALSE(d->HasFurniturePhrase("He said the views expressed by the author of the report were his own."));
  // Bios of academics who wrote the piece or gave the interview.
  EXPECT_TRUE(d->IsAuthorBio("Felix Muster ist Professor für Digitale Kultur in Zürich und hat das Buch geschrieben."));
  EXPECT_TRUE(d->IsAuthorBio("Jane Roe is a senior fellow at the Example Institute in Washington."));
  EXPECT_FALSE(d->IsAuthorBio("The professor said the findings would be published in the spring."));
  EXPECT_FALSE(d->IsAuthorBio("President Jane Roe is expected to visit the university next week."));
  // Affiliate and advertising notices, post metadata of blog software, figure captions.
  EXPECT_TRUE(d->HasFurniturePhrase("Für Links auf dieser Seite erhält der Verlag ggf. eine Provision vom Händler."));
  EXPECT_TRUE(d->HasFurniturePhrase("*Werbung. Dieser Beitrag enthält Werbung für eine Marke."));
  EXPECT_TRUE(d->HasFurniturePhrase("Der Beitrag wurde am Mittwoch, den 4. März 2020 um 10:00 Uhr veröffentlicht und "
                                    "wurde unter Allgemein abgelegt."));
  EXPECT_TRUE(d->HasFurniturePhrase("Abbildung 3: Die Schneehöhe im Tal im Vergleich."));
  EXPECT_TRUE(d->HasFurniturePhrase("Möchten Sie den Artikel teilen?"));
  EXPECT_FALSE(d->HasFurniturePhrase("Die Abbildung der Stadt im Film gefiel dem Publikum."));  // not at the start
  EXPECT_FALSE(d->HasFurniturePhrase("Der Beitrag wurde am Mittwoch im Rat beraten."));
}

TEST(ExtractData, MissingDirectoryIsAnErrorNamingTheFile) {
  auto d = ExtractData::Load("/nonexistent/dir");
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("/nonexistent/dir/"), std::string::npos);
}

}  // namespace
}  // namespace eventmill::extract

namespace eventmill::extract {
namespace {

// Class words are ruled out by their length and first byte before the hint table is searched:
// words and pairs of every length (long ones share one row of that filter) still find their hint,
// and a word of the same length and first byte as a hint is still no hint.
TEST(ExtractData, HintsOfEveryLengthAreFoundPastTheShapeFilter) {
  const std::string long_word(70, 'q');
  const std::string longer_word = long_word + "z";
  ExtractData d = ExtractData::FromStrings("remove " + long_word + " x\nnegative ab-cd\npositive storybody\n", "", "");
  int score = 0;
  EXPECT_EQ(d.Classify(long_word, &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("wrap-" + long_word + "-outer", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify(longer_word, &score), HintKind::kNone);  // same row of the filter, no key
  EXPECT_EQ(d.Classify("x", &score), HintKind::kRemove);
  EXPECT_EQ(d.Classify("y", &score), HintKind::kNone);
  EXPECT_EQ(d.Classify("ab-cd", &score), HintKind::kNegative);  // a pair, stored squashed
  EXPECT_EQ(d.Classify("abCd", &score), HintKind::kNegative);
  EXPECT_EQ(d.Classify("ab-ce", &score), HintKind::kNone);
  EXPECT_EQ(d.Classify("story-body", &score), HintKind::kPositive);
  EXPECT_EQ(d.Classify("story", &score), HintKind::kNone);
}

}  // namespace
}  // namespace eventmill::extract
