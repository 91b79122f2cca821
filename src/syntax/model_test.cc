// A tiny model trained on a few sentences: it must learn them, survive a round trip through its
// file form, and fill a Document through the front door (eventmill/syntax.h).
#include "syntax/model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "eventmill/syntax.h"

namespace eventmill::syntax {
namespace {

constexpr char kTrain[] =
    "1\tFive\tfive\tNUM\tCD\t_\t2\tnummod\t_\t_\n"
    "2\tpeople\tpeople\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_\n"
    "3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_\n"
    "4\tkilled\tkill\tVERB\tVBN\t_\t0\troot\t_\t_\n"
    "5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_\n"
    "6\tAlmaty\tAlmaty\tPROPN\tNNP\t_\t4\tobl\t_\t_\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\ttwo\ttwo\tNUM\tCD\t_\t4\tnummod\t_\t_\n"
    "4\tmen\tman\tNOUN\tNNS\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tfired\tfire\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tobl\t_\t_\n"
    "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n";

std::vector<ConlluSentence> TrainSet() {
  auto sentences = ParseConllu(kTrain, "train");
  EXPECT_TRUE(sentences.ok());
  return *sentences;
}

SyntaxModel TinyModel(int beam_size, bool early_update = false) {
  TrainOptions options;
  options.tagger_epochs = 10;
  options.parser_epochs = 10;
  options.jackknife_folds = 1;
  options.beam_size = beam_size;
  options.early_update = early_update;
  return SyntaxModel::Train(TrainSet(), options);
}

void ExpectLearned(const SyntaxModel& model) {
  for (const ConlluSentence& gold : TrainSet()) {
    ConlluSentence s = gold;
    model.AnnotateConllu(&s);
    for (size_t i = 0; i < s.words.size(); ++i) {
      EXPECT_EQ(s.words[i].upos, gold.words[i].upos) << s.words[i].form;
      EXPECT_EQ(s.words[i].xpos, gold.words[i].xpos) << s.words[i].form;
      EXPECT_EQ(s.words[i].head, gold.words[i].head) << s.words[i].form;
      EXPECT_EQ(s.words[i].deprel, gold.words[i].deprel) << s.words[i].form;
      EXPECT_EQ(s.words[i].lemma, gold.words[i].lemma) << s.words[i].form;
    }
  }
}

TEST(SyntaxModel, LearnsItsTrainingSentencesGreedy) { ExpectLearned(TinyModel(1)); }

TEST(SyntaxModel, LearnsItsTrainingSentencesWithABeam) { ExpectLearned(TinyModel(4)); }

TEST(SyntaxModel, LearnsItsTrainingSentencesWithABeamAndEarlyUpdate) { ExpectLearned(TinyModel(4, true)); }

TEST(SyntaxModel, TrainingIsDeterministic) { EXPECT_EQ(TinyModel(1).ToBytes(), TinyModel(1).ToBytes()); }

TEST(SyntaxModel, BeamTrainingIsDeterministic) { EXPECT_EQ(TinyModel(4).ToBytes(), TinyModel(4).ToBytes()); }

TEST(SyntaxModel, EveryBeamGivesATreeWithOneRoot) {
  SyntaxModel model = TinyModel(4);
  for (int beam : {1, 2, 3, 8, 64}) {
    model.set_parser_beam(beam);
    EXPECT_EQ(model.parser().beam_size(), beam);
    for (const ConlluSentence& gold : TrainSet()) {
      ConlluSentence s = gold;
      model.AnnotateConllu(&s);
      int roots = 0;
      for (const auto& w : s.words) {
        roots += w.head == 0;
        EXPECT_GE(w.head, 0);
        EXPECT_LE(w.head, int(s.words.size()));
      }
      EXPECT_EQ(roots, 1) << "beam " << beam;
    }
  }
}

// Snapshots after each epoch are the models trainings of that many epochs give.
TEST(SyntaxModel, EpochSnapshotsAreShorterTrainings) {
  TrainOptions options;
  options.tagger_epochs = 10;
  options.parser_epochs = 3;
  options.jackknife_folds = 1;
  options.beam_size = 4;
  std::vector<std::string> snapshots;
  options.after_parser_epoch = [&](int, const SyntaxModel& m) { snapshots.push_back(m.ToBytes()); };
  std::string full = SyntaxModel::Train(TrainSet(), options).ToBytes();
  ASSERT_EQ(snapshots.size(), 3u);
  EXPECT_EQ(snapshots[2], full);
  options.after_parser_epoch = nullptr;
  options.parser_epochs = 2;
  EXPECT_EQ(SyntaxModel::Train(TrainSet(), options).ToBytes(), snapshots[1]);
}

TEST(SyntaxModel, RoundTripsThroughItsFileForm) {
  std::string bytes = TinyModel(1).ToBytes();
  auto loaded = SyntaxModel::FromBytes(bytes, "tiny.model");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ExpectLearned(*loaded);
  EXPECT_EQ(loaded->ToBytes(), bytes);
}

TEST(SyntaxModel, WordClustersAreFeaturesAndTravelWithTheModel) {
  TrainOptions options;
  options.tagger_epochs = 10;
  options.parser_epochs = 10;
  options.jackknife_folds = 1;
  for (const char* w : {"soldiers", "police", "people", "men", "protesters"}) options.clusters.Add(HashString(w), 7, 1);
  for (const char* w : {"killed", "arrested", "fired"}) options.clusters.Add(HashString(w), 9, 2);
  SyntaxModel model = SyntaxModel::Train(TrainSet(), options);
  ExpectLearned(model);
  std::string bytes = model.ToBytes();
  EXPECT_EQ(bytes.substr(0, 10), "EMSYNTAX3\n");
  auto loaded = SyntaxModel::FromBytes(bytes, "clusters.model");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->clusters().size(), 8u);
  EXPECT_EQ(loaded->clusters().Fine(HashString("police")), 7u);
  ExpectLearned(*loaded);
  EXPECT_EQ(loaded->ToBytes(), bytes);
  // The clusters change the model: it is not the one trained without them.
  EXPECT_NE(TinyModel(1).ToBytes().substr(10), bytes.substr(10));
}

TEST(SyntaxModel, CorruptFilesAreErrorsNamingTheFile) {
  std::string bytes = TinyModel(1).ToBytes();
  auto truncated = SyntaxModel::FromBytes(std::string_view(bytes).substr(0, bytes.size() / 2), "tiny.model");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("tiny.model: "), std::string::npos);
  EXPECT_FALSE(SyntaxModel::FromBytes("hello", "x").ok());
  auto missing = SyntaxModel::Load("/nonexistent/en.model");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(Parser, FillsTheDocumentsTokensAndTrees) {
  std::string path = (std::filesystem::temp_directory_path() / "eventmill_tiny_syntax.model").string();
  ASSERT_TRUE(TinyModel(1).Save(path).ok());
  auto parser = Parser::Load(SyntaxOptions{.model_path = path, .scope = ParseScope::kAll});
  std::remove(path.c_str());
  ASSERT_TRUE(parser.ok()) << parser.status().message();
  Document doc;
  doc.text = "Five people were killed in Almaty.\n\nThe soldiers fired on protesters.";
  doc.paragraphs = {{0, 34}, {36, uint32_t(doc.text.size())}};
  ASSERT_TRUE(parser->Parse(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  ASSERT_EQ(doc.tokens.size(), 13u);
  const Sentence& first = doc.sentences[0];
  EXPECT_TRUE(first.parsed);
  EXPECT_EQ(first.token_begin, 0u);
  EXPECT_EQ(first.token_end, 7u);
  EXPECT_EQ(doc[doc.tokens[1].span], "people");
  EXPECT_EQ(doc.tokens[1].upos, Upos::kNoun);
  EXPECT_EQ(doc.tokens[1].deprel, Deprel::kNsubjPass);
  EXPECT_EQ(doc.tokens[1].head, 3);  // "killed"
  EXPECT_EQ(doc.tokens[0].head, 1);  // "Five" -> "people"
  EXPECT_EQ(doc.tokens[3].head, -1);
  EXPECT_EQ(doc.tokens[3].lemma, "kill");
  EXPECT_EQ(doc.tokens[8].head, 9);  // the second sentence's heads index the document's tokens
}

TEST(Parser, FiguresScopeParsesOnlySentencesWithANumber) {
  std::string path = (std::filesystem::temp_directory_path() / "eventmill_tiny_syntax2.model").string();
  ASSERT_TRUE(TinyModel(1).Save(path).ok());
  auto parser = Parser::Load(SyntaxOptions{.model_path = path, .scope = ParseScope::kFigures});
  std::remove(path.c_str());
  ASSERT_TRUE(parser.ok());
  Document doc;
  doc.text = "Five people were killed in Almaty. The soldiers fired on protesters.";
  doc.paragraphs = {{0, uint32_t(doc.text.size())}};
  ASSERT_TRUE(parser->Parse(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_TRUE(doc.sentences[0].parsed);
  EXPECT_FALSE(doc.sentences[1].parsed);
  EXPECT_EQ(doc.tokens.size(), 13u);
  EXPECT_EQ(doc.tokens[8].deprel, Deprel::kNone);
}

TEST(Parser, NoneScopeGivesTokensWithoutAModel) {
  auto parser = Parser::Load(SyntaxOptions{.model_path = "/nonexistent.model", .scope = ParseScope::kNone});
  ASSERT_TRUE(parser.ok());
  Document doc;
  doc.text = "Police didn't say. Two men fled.";
  ASSERT_TRUE(parser->Parse(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].token_end, 5u);
  EXPECT_EQ(doc.sentences[1].token_begin, 5u);
  EXPECT_EQ(doc.tokens.size(), 9u);
  EXPECT_FALSE(doc.sentences[1].parsed);
  EXPECT_TRUE(parser->ParseWords({"Two", "men"}).empty());
}

}  // namespace
}  // namespace eventmill::syntax
