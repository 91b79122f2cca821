#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "eventmill/store.h"
#include "serve/api.h"
#include "serve/web_files.h"

namespace eventmill::serve {
namespace {

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/eventmill_serve_test.XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name) const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

void WriteFile(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

// `detained` is the article's figure; the event carries `event_detained` (default: the same), so two
// articles can tell one event (compatible counts) while reporting different running totals.
Document MakeDoc(const std::string& url, const std::string& text, const std::string& day, double detained,
                 double event_detained = -1) {
  Document d;
  d.url = url;
  d.source = url;
  d.title = "Title of " + url;
  d.site_name = url.substr(8, url.find('/', 8) - 8);
  d.published = day + "T10:00:00Z";
  d.text = text;
  Count c;
  c.kind = "detained";
  c.value = detained;
  c.qualifier = "exact";
  c.text = std::to_string(static_cast<int>(detained)) + " protesters";
  c.span = {15, 30};
  d.counts.push_back(c);
  Event e;
  e.cameo = "173";
  e.cameo_root = "17";
  e.plover = "COERCE";
  e.plover_mode = "arrest";
  e.acled_event_type = "Strategic developments";
  e.acled_sub_event_type = "Arrests";
  e.source = Actor();
  e.source->code = "KAZCOP";
  e.source->role = "COP";
  e.source->country = "KZ";
  Location loc;
  loc.place = {.name = "Almaty", .country = "KZ", .admin1 = "", .lat = 43.25, .lon = 76.92, .geonameid = 1526384,
               .precision = "city"};
  e.location = loc;
  e.date = {day, "day", "explicit"};
  e.evidence = {0, 40};
  if (event_detained >= 0) c.value = event_detained;
  e.counts.push_back(c);
  d.events.push_back(e);
  return d;
}

// A database of three articles: two days of arrests in Almaty, the second day told twice in other words.
class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::Open(tmp_.path("t.db"));
    ASSERT_TRUE(store.ok()) << store.status().message();
    std::vector<Document> docs = {
        MakeDoc("https://a.example/1", "Police detained 120 protesters in Almaty on Wednesday as fuel protests grew.",
                "2022-01-05", 120),
        MakeDoc("https://b.example/2", "Security forces held 3000 protesters across the country by Saturday evening.",
                "2022-01-08", 3000),
        MakeDoc("https://c.example/3", "Officials said 4266 people had been taken into custody after the riots.",
                "2022-01-08", 4266, 3000)};
    ASSERT_TRUE((*store)->Write(docs).ok());
    StoreOptions ro;
    ro.read_only = true;
    auto reader = Store::Open(tmp_.path("t.db"), ro);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    store_ = std::move(*reader);
    article_id_ = docs[0].id;
  }
  nlohmann::json Get(const std::string& path, const Params& params = {}, int want = 200) {
    ApiAnswer a = AnswerApi(*store_, path, params);
    EXPECT_EQ(a.status, want) << path << ": " << a.body;
    auto j = nlohmann::json::parse(a.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << a.body;
    if (want >= 400) {
      EXPECT_TRUE(j.contains("error")) << a.body;
    }
    return j;
  }
  TempDir tmp_;
  std::unique_ptr<Store> store_;
  std::string article_id_;
};

TEST_F(ApiTest, EventsAreTheStoresEventsPageByPage) {
  auto all = Get("/api/events", {{"country", "KZ"}});
  EXPECT_EQ(all["count"], 2);  // the two 2022-01-08 articles tell one event (same cluster key)
  EXPECT_EQ(all["more"], false);
  auto page = Get("/api/events", {{"country", "kz"}, {"limit", "1"}, {"offset", "1"}});
  ASSERT_EQ(page["count"], 1);
  EXPECT_EQ(page["events"][0]["row_id"], all["events"][1]["row_id"]);
  EXPECT_EQ(all["events"][1]["num_articles"], 2);
  EXPECT_EQ(Get("/api/events", {{"country", "KZ"}, {"limit", "1"}})["more"], true);
  EXPECT_EQ(Get("/api/events", {{"since", "2022-01-06"}})["count"], 1);
  EXPECT_EQ(Get("/api/events", {{"near", "43.25,76.92,10"}})["count"], 2);
  EXPECT_EQ(Get("/api/events", {{"near", "51.1,71.4,10"}})["count"], 0);
  EXPECT_EQ(Get("/api/events", {{"q", "custody"}})["count"], 1);
}

TEST_F(ApiTest, BadParametersAreErrorsNamingThem) {
  EXPECT_NE(Get("/api/events", {{"contry", "KZ"}}, {400})["error"].get<std::string>().find("contry"), std::string::npos);
  Get("/api/events", {{"since", "2022-1-5"}}, 400);
  Get("/api/events", {{"near", "43.25,76.92"}}, 400);
  Get("/api/events", {{"near", "95,76.92,10"}}, 400);
  Get("/api/events", {{"country", "KZ"}, {"country", "RU"}}, 400);
  Get("/api/events", {{"country", "Kazakhstan"}}, 400);
  Get("/api/events", {{"actor", "KAZ COP"}}, 400);
  Get("/api/events", {{"limit", "-1"}}, 400);
  Get("/api/events", {{"limit", "0"}}, 400);
  Get("/api/events", {{"limit", "1001"}}, 413);
  Get("/api/events", {{"offset", "9950"}, {"limit", "100"}}, 413);
  Get("/api/aggregates", {{"by", "week"}}, 400);
  Get("/api/aggregates", {{"limit", "10"}}, 400);
  Get("/api/figures", {{"kind", "happy"}}, 400);
  Get("/api/articles/../../etc", {}, 400);
  Get("/api/articles/0123456789abcdef", {}, 404);
  Get("/api/nothing", {}, 404);
}

TEST_F(ApiTest, AnArticleWithItsEventsAndCopies) {
  auto a = Get("/api/articles/" + article_id_);
  EXPECT_EQ(a["article"]["id"], article_id_);
  EXPECT_NE(a["article"]["text"].get<std::string>().find("Almaty"), std::string::npos);
  ASSERT_EQ(a["events"].size(), 1u);
  EXPECT_EQ(a["events"][0]["cameo"], "173");
  EXPECT_TRUE(a["copies"].is_array());
  auto list = Get("/api/articles", {{"site", "b.example"}});
  EXPECT_EQ(list["count"], 1);
}

TEST_F(ApiTest, AggregatesCountEventsAndMentions) {
  auto days = Get("/api/aggregates", {{"by", "day"}});
  ASSERT_EQ(days["buckets"].size(), 2u);
  EXPECT_EQ(days["buckets"][0]["key"], "2022-01-05");
  EXPECT_EQ(days["buckets"][1]["events"], 1);
  EXPECT_EQ(days["buckets"][1]["mentions"], 2);
  EXPECT_EQ(days["total"], 2);
  auto types = Get("/api/aggregates", {{"by", "type"}, {"country", "KZ"}});
  ASSERT_EQ(types["buckets"].size(), 1u);
  EXPECT_EQ(types["buckets"][0]["key"], "COERCE");
  EXPECT_EQ(Get("/api/aggregates", {{"by", "country"}})["buckets"][0]["key"], "KZ");
  EXPECT_EQ(Get("/api/aggregates", {{"by", "acled"}})["buckets"][0]["key"], "Strategic developments");
}

TEST_F(ApiTest, FiguresPerDayWithTheirReports) {
  auto f = Get("/api/figures", {{"country", "KZ"}});
  auto& arrested = f["series"]["arrested"];
  ASSERT_EQ(arrested.size(), 2u);  // detained counts as arrested
  EXPECT_EQ(arrested[0]["day"], "2022-01-05");
  EXPECT_EQ(arrested[0]["value"], 120);
  EXPECT_EQ(arrested[1]["value"], 4266);  // the highest of the day
  EXPECT_EQ(arrested[1]["reports_total"], 2);
  EXPECT_EQ(arrested[1]["reports"][1]["value"], 3000);
  EXPECT_EQ(arrested[1]["reports"][0]["article"]["site_name"], "c.example");
  EXPECT_TRUE(f["series"]["killed"].empty());
  EXPECT_TRUE(Get("/api/figures", {{"country", "RU"}})["series"]["arrested"].empty());
}

TEST_F(ApiTest, HealthAndStats) {
  EXPECT_EQ(Get("/api/health")["status"], "ok");
  EXPECT_EQ(Get("/api/stats")["articles"], 3);
}

TEST(ReadOnlyStore, NeverCreatesNorWrites) {
  TempDir tmp;
  StoreOptions ro;
  ro.read_only = true;
  EXPECT_FALSE(Store::Open(tmp.path("missing.db"), ro).ok());
  EXPECT_FALSE(std::filesystem::exists(tmp.path("missing.db")));
  ASSERT_TRUE(Store::Open(tmp.path("t.db")).ok());
  auto store = Store::Open(tmp.path("t.db"), ro);
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<Document> docs = {MakeDoc("https://a.example/1", "Police detained 120 protesters.", "2022-01-05", 120)};
  EXPECT_FALSE((*store)->Write(docs).ok());
}

TEST(WebFiles, ServesFilesInsideTheDirectoryOnly) {
  TempDir tmp;
  WriteFile(tmp.path("web/index.html"), "<html></html>");
  WriteFile(tmp.path("web/assets/app.js"), "console.log(1)");
  WriteFile(tmp.path("secret.txt"), "no");
  std::filesystem::create_symlink(tmp.path("secret.txt"), tmp.path("web/leak.txt"));
  std::string web = tmp.path("web");
  auto index = ResolveWebFile(web, "/");
  ASSERT_TRUE(index.ok());
  EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
  auto js = ResolveWebFile(web, "/assets/app.js");
  ASSERT_TRUE(js.ok());
  EXPECT_EQ(js->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(ResolveWebFile(web, "/article/abc")->path, index->path);  // a client route
  EXPECT_EQ(ResolveWebFile(web, "/assets/missing.js").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ResolveWebFile(web, "/../secret.txt").status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ResolveWebFile(web, "/assets/../../secret.txt").status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ResolveWebFile(web, "/a\\..\\secret.txt").status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(ResolveWebFile(web, "/leak.txt").status().code(), StatusCode::kNotFound);  // symlink out
  EXPECT_EQ(ResolveWebFile(tmp.path("none"), "/").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ContentTypeOf("x.woff2"), "font/woff2");
  EXPECT_EQ(ContentTypeOf("x.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace eventmill::serve
