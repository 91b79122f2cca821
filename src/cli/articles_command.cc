// `eventmill articles --db ...`: list stored articles, with full-text search over title and text.
#include <cstdio>

#include "cli/command.h"
#include "cli/store_flags.h"
#include "eventmill/store.h"

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill articles [--db events.db|postgresql://...] [--text \"words\"] [--site NAME]\n"
    "                          [--since DATE] [--until DATE] [--id ID] [--duplicates]\n"
    "                          [--limit N (default 100, 0: all)] [--format table|jsonl]\n"
    "  --text: all the words in title or text (SQLite FTS5 / PostgreSQL full-text search)\n"
    "  --duplicates: only near-duplicates (with the article they copy in duplicate_of)\n"
    "  jsonl: each article as the output contract's document, as it was stored\n";

int RunArticles(const std::vector<std::string>& args) {
  std::string db = DefaultDb(), format = "table";
  ArticleQuery q;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string v;
    bool missing = false;
    if (args[i] == "--help" || args[i] == "-h") {
      std::printf("%s", kUsage);
      return 0;
    }
    std::string flag = args[i].substr(0, args[i].find('='));
    if (FlagValue(args, &i, "--db", &v, &missing)) db = v;
    else if (FlagValue(args, &i, "--format", &v, &missing)) format = v;
    else if (FlagValue(args, &i, "--text", &v, &missing)) q.text = v;
    else if (FlagValue(args, &i, "--site", &v, &missing)) q.site = v;
    else if (FlagValue(args, &i, "--since", &v, &missing)) q.since = v;
    else if (FlagValue(args, &i, "--until", &v, &missing)) q.until = v;
    else if (FlagValue(args, &i, "--id", &v, &missing)) q.id = v;
    else if (args[i] == "--duplicates") q.duplicates_only = true;
    else if (FlagValue(args, &i, "--limit", &v, &missing)) {
      if (!missing && !ParseRowLimit(v, &q.limit)) {
        std::fprintf(stderr, "eventmill articles: --limit needs a number (0: no limit), not '%s'\n", v.c_str());
        return 2;
      }
    } else {
      std::fprintf(stderr, "eventmill articles: unknown option '%s' (see --help)\n", args[i].c_str());
      return 2;
    }
    if (missing) {
      std::fprintf(stderr, "eventmill articles: %s needs a value\n", flag.c_str());
      return 2;
    }
  }
  for (const auto& [flag, value] : {std::pair{"--since", q.since}, std::pair{"--until", q.until}}) {
    if (!value.empty() && !ValidDateFlag(value)) {
      std::fprintf(stderr, "eventmill articles: %s needs a real date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'\n", flag,
                   value.c_str());
      return 2;
    }
  }
  auto fmt = ParseArticleFormat(format);
  if (!fmt.ok()) {
    std::fprintf(stderr, "eventmill articles: %s\n", fmt.status().message().c_str());
    return 2;
  }
  q.with_json = *fmt == ArticleFormat::kJsonl;
  auto store = Store::Open(db, {.create = false});  // a query never creates or changes a database
  if (!store.ok()) {
    std::fprintf(stderr, "eventmill articles: %s\n", store.status().message().c_str());
    return 1;
  }
  auto articles = (*store)->FindArticles(q);
  if (!articles.ok()) {
    std::fprintf(stderr, "eventmill articles: %s\n", articles.status().message().c_str());
    return 1;
  }
  std::string out;
  WriteArticles(*articles, *fmt, &out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

EM_REGISTER_COMMAND("articles", "list stored articles; full-text search over their text", RunArticles);

}  // namespace eventmill::cli
