#include "syntax/cluster_text.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace eventmill::syntax {
namespace {

namespace fs = std::filesystem;

TEST(ClusterText, DetectsEachKindFromItsNameAndFirstLines) {
  EXPECT_EQ(DetectClusterTextKind("en_ewt-ud-train.conllu", ""), ClusterTextKind::kConllu);
  EXPECT_EQ(DetectClusterTextKind("data.noun", "  1 This software"), ClusterTextKind::kWordNet);
  EXPECT_EQ(DetectClusterTextKind("ca01", "\n\n\tThe/at council/nn met/vbd ./.\n"), ClusterTextKind::kTagged);
  EXPECT_EQ(DetectClusterTextKind("00001.txt", "From someone@example.org  Thu Aug 22 2002\nSubject: hello\n\nBody"),
            ClusterTextKind::kMail);
  EXPECT_EQ(DetectClusterTextKind("speech.txt", "The council met and/or voted on Tuesday."), ClusterTextKind::kPlain);
  EXPECT_EQ(DetectClusterTextKind("speech.txt", "From the harbour the ships left at dawn."), ClusterTextKind::kPlain);
}

TEST(ClusterText, UntagsBrownWords) {
  EXPECT_EQ(UntagLine("\tThe/at council's/nn$ ``/`` vote/nn ''/'' came/vbd 1/2/cd late/rb ./."),
            "The council's \" vote \" came 1/2 late .");
}

TEST(ClusterText, ReadsTheProseOfAMailBody) {
  const std::string message =
      "From list-admin@example.org  Mon Jul 1 10:00:00 2002\n"
      "Return-Path: <list-admin@example.org>\n"
      "Subject: Re: the new mirror\n"
      "Content-Type: text/plain; charset=us-ascii\n"
      "\n"
      "On Mon, Jul 01, 2002 at 09:00, Ann wrote:\n"
      "> Is the mirror up yet?\n"
      "\n"
      "It is, since this morning. The old one\n"
      "goes down on Friday.\n"
      "\n"
      "VGhpcyBpcyBub3QgcHJvc2UgYnV0IGVuY29kZWQgZGF0YSBvZiBhbiBhdHRhY2htZW50\n"
      "-- \n"
      "Bob, who signs every message\n";
  std::vector<std::string> paragraphs = MailParagraphs(message);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0], "It is, since this morning. The old one goes down on Friday.");
}

TEST(ClusterText, ReadsOnlyThePlainPartsOfAMultipartMessage) {
  const std::string message =
      "Return-Path: <a@example.org>\n"
      "Content-Type: multipart/alternative;\n"
      "\tboundary=\"XYZ\"\n"
      "\n"
      "--XYZ\n"
      "Content-Type: text/plain\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "The meeting moves to the blue room=\n"
      " on Thursday.\n"
      "--XYZ\n"
      "Content-Type: text/html\n"
      "\n"
      "<p>The meeting moves to the blue room on Thursday.</p>\n"
      "--XYZ--\n";
  std::vector<std::string> paragraphs = MailParagraphs(message);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0], "The meeting moves to the blue room on Thursday.");
}

TEST(ClusterText, AMailParagraphSeenBeforeIsReadOnce) {
  const fs::path dir = fs::temp_directory_path() / ("cluster_text_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* name : {"b.txt", "a.txt"}) {
    std::ofstream(dir / name) << "From x@example.org  Mon Jul 1 2002\nSubject: " << name
                              << "\n\nThe rain stopped at noon in " << name[0]
                              << " town.\n\nYou are subscribed to the weather list.\n";
  }
  std::ofstream(dir / "notes.md") << "Not read: a directory stands for its text files.\n";
  ClusterTextReader reader;
  std::vector<std::vector<std::string>> sentences;
  ASSERT_TRUE(reader.Read(dir.string(), &sentences).ok());
  fs::remove_all(dir);
  ASSERT_EQ(sentences.size(), 3u);  // a.txt's two paragraphs, then b.txt's first (its footer seen)
  EXPECT_EQ(sentences[0], (std::vector<std::string>{"the", "rain", "stopped", "at", "noon", "in", "a", "town", "."}));
  EXPECT_EQ(sentences[1].front(), "you");
  EXPECT_EQ(sentences[2].back(), ".");
  EXPECT_EQ(sentences[2][6], "b");
}

TEST(ClusterText, AMissingFileIsAnErrorNamingIt) {
  ClusterTextReader reader;
  std::vector<std::vector<std::string>> sentences;
  Status s = reader.Read("/nonexistent/cluster_text.txt", &sentences);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/cluster_text.txt"), std::string::npos);
}

}  // namespace
}  // namespace eventmill::syntax
