#include "eventmill/store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "eventmill/json.h"
#include "store/schema/migrations.h"
#include "store/sql.h"

namespace eventmill {
namespace {

class TempDb {
 public:
  TempDb() {
    char tmpl[] = "/tmp/eventmill_store_test.XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  ~TempDb() { std::filesystem::remove_all(dir_); }
  std::string path(const std::string& name = "t.db") const { return dir_ + "/" + name; }

 private:
  std::string dir_;
};

const char kStory[] =
    "Police detained 120 protesters in Almaty on January 9, the ministry said. The protests began over fuel "
    "prices in the west and spread to the largest city within days. Officials said order had been restored, "
    "while residents reported gunfire overnight and long queues at shops.\n\nThe president asked a regional "
    "bloc for help, and troops arrived to guard strategic sites. Internet access was restored on Saturday.";

Document MakeDoc(const std::string& url, const std::string& text, const std::string& country = "KZ",
                 const std::string& cameo = "173", const std::string& day = "2022-01-09") {
  Document d;
  d.url = url;
  d.source = url;
  d.title = "Title of " + url;
  d.site_name = url.substr(8, url.find('/', 8) - 8);
  d.published = day + "T10:00:00Z";
  d.text = text;
  Event e;
  e.cameo = cameo;
  e.cameo_root = cameo.substr(0, 2);
  e.plover = "COERCE";
  e.plover_mode = "arrest";
  e.acled_event_type = "Strategic developments";
  e.acled_sub_event_type = "Arrests";
  if (cameo.rfind("14", 0) == 0) {
    e.plover = "PROTEST", e.plover_mode = "demonstrate";
    e.acled_event_type = "Protests", e.acled_sub_event_type = "Peaceful protest";
  }
  e.source = Actor();
  e.source->code = "KAZCOP";
  e.source->role = "COP";
  e.source->country = country;
  Location loc;
  loc.place = {.name = "Almaty", .country = country, .admin1 = "", .lat = 43.25, .lon = 76.92, .geonameid = 1526384,
               .precision = "city"};
  e.location = loc;
  e.date = {day, "day", "explicit"};
  e.evidence = {0, 60};
  Count c;
  c.kind = "detained";
  c.value = 120;
  c.text = "120 protesters";
  e.counts.push_back(c);
  d.events.push_back(e);
  return d;
}

TEST(Store, IngestingTheSameDocumentTwiceAddsNothing) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory)};
  auto first = (*store)->Write(docs);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_TRUE((*first)[0].added);
  docs = {MakeDoc("https://a.example/1", kStory)};
  auto second = (*store)->Write(docs);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE((*second)[0].added);
  auto stats = (*store)->Stats();
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->events, 1);
}

TEST(Store, LinksRewrittenCopyToTheEarlierArticleAndCountsItsEventAsAMention) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  std::string story = kStory;
  std::string copy = "Breaking: unrest\n\n" + story.substr(0, story.find("Internet access")) + "\n\nShare this. Source link";
  std::vector<Document> docs = {MakeDoc("https://a.example/1", story), MakeDoc("https://b.example/2", copy)};
  docs[1].events[0].date.basis = "relative";  // another article, told a little differently
  auto r = (*store)->Write(docs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE((*r)[1].duplicate_of.has_value());
  EXPECT_EQ(*(*r)[1].duplicate_of, docs[0].id);
  EXPECT_EQ((*r)[0].new_clusters, 1u);
  EXPECT_EQ((*r)[1].new_clusters, 0u);
  auto events = (*store)->FindEvents({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].num_mentions, 2);
  EXPECT_EQ((*events)[0].num_articles, 2);
  EXPECT_EQ((*events)[0].num_sources, 2);
  EXPECT_EQ((*events)[0].article_id, docs[0].id);
}

// A text that shares no shingle with DistinctText(m) for m != n.
std::string DistinctText(int n) {
  std::string t;
  for (int i = 0; i < 30; ++i) t += "w" + std::to_string(n) + "x" + std::to_string(i) + " ";
  return t;
}

TEST(Store, ACopyFilledWithAnotherPlaceIsAnotherEventAndAMergeSaysWhy) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  std::string story = kStory;
  std::string templated = story;
  templated.replace(templated.find("Almaty"), 6, "Astana");
  std::vector<Document> docs = {MakeDoc("https://a.example/1", story), MakeDoc("https://b.example/2", templated),
                                MakeDoc("https://c.example/3", DistinctText(7))};
  docs[1].events[0].location->place = {.name = "Astana", .country = "KZ", .admin1 = "", .lat = 51.18, .lon = 71.45,
                                       .geonameid = 1526273, .precision = "city"};
  auto r = (*store)->Write(docs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE((*r)[1].duplicate_of.has_value());  // the words are a copy...
  EXPECT_EQ((*r)[1].new_clusters, 1u);            // ...the event is not
  EXPECT_EQ((*r)[2].new_clusters, 0u);            // other words, same facts: a mention
  auto events = (*store)->FindEvents({});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 2u);
  const StoredEvent& almaty = (*events)[0].event.location->place.name == "Almaty" ? (*events)[0] : (*events)[1];
  EXPECT_EQ(almaty.num_mentions, 2);
  auto mentions = (*store)->FindMentions(almaty.cluster);
  ASSERT_TRUE(mentions.ok()) << mentions.status().message();
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].merge_reason, "");
  EXPECT_NE((*mentions)[1].merge_reason.find("place: same town"), std::string::npos) << (*mentions)[1].merge_reason;
}

TEST(Store, UnrelatedArticlesAreNotDuplicates) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  std::vector<Document> docs = {
      MakeDoc("https://a.example/1", kStory),
      MakeDoc("https://b.example/2",
              "The central bank raised its key rate by half a point on Friday, citing inflation in food and housing "
              "costs. Economists had expected a smaller move, and the currency strengthened after the decision.")};
  auto r = (*store)->Write(docs);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE((*r)[1].duplicate_of.has_value());
}


TEST(Store, FiltersEventsByCountryTypeDateActorAndPlace) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  std::vector<Document> docs;
  int n = 0;
  for (const char* country : {"KZ", "KG"})
    for (const char* cameo : {"173", "145"})
      for (const char* day : {"2022-01-05", "2022-01-09", "2022-02-01"}) {
        n += 2;
        docs.push_back(MakeDoc("https://s.example/" + std::to_string(n - 1), DistinctText(n), country, cameo, day));
      }
  ASSERT_TRUE((*store)->Write(docs).ok());
  EventQuery q;
  q.country = "KZ";
  q.type = "173";
  q.since = "2022-01-01";
  q.until = "2022-01";
  auto r = (*store)->FindEvents(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].event.date.value, "2022-01-05");  // oldest first
  EXPECT_EQ((*r)[1].event.date.value, "2022-01-09");
  q = {};
  q.type = "arrest";
  EXPECT_EQ((*store)->FindEvents(q)->size(), 6u);
  q.type = "17";
  EXPECT_EQ((*store)->FindEvents(q)->size(), 6u);
  q = {};
  q.actor = "KAZ";
  EXPECT_EQ((*store)->FindEvents(q)->size(), 12u);
  q.near = NearPoint{43.3, 76.9, 20};
  EXPECT_EQ((*store)->FindEvents(q)->size(), 12u);
  q.near = NearPoint{51.2, 71.4, 20};  // Astana, 970 km away
  EXPECT_EQ((*store)->FindEvents(q)->size(), 0u);
  q = {};
  q.limit = 5;
  EXPECT_EQ((*store)->FindEvents(q)->size(), 5u);
}

TEST(Store, RecordsFailuresAndClearsThemWhenTheInputLaterSucceeds) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  std::vector<Document> none;
  ASSERT_TRUE((*store)->Write(none, {{"https://a.example/1", "timed out", ""}}).ok());
  EXPECT_EQ((*store)->Failures()->size(), 1u);
  EXPECT_EQ((*store)->Failures()->at(0).reason, "timed out");
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory)};
  ASSERT_TRUE((*store)->Write(docs).ok());
  EXPECT_TRUE((*store)->Failures()->empty());
  auto done = (*store)->DoneSources();
  ASSERT_EQ(done->size(), 1u);
  EXPECT_EQ(done->at(0), "https://a.example/1");
}

TEST(Store, ReopensAtItsSchemaVersionAndRefusesANewerOne) {
  TempDb tmp;
  {
    auto store = Store::Open(tmp.path());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->schema_version(), Migrations().back().version);
  }
  {
    auto store = Store::Open(tmp.path());
    ASSERT_TRUE(store.ok());
    EXPECT_EQ((*store)->schema_version(), Migrations().back().version);
  }
  {
    auto db = OpenSqlite(tmp.path(), 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->ExecScript("INSERT INTO schema_migrations VALUES (99, 'future', '')").ok());
  }
  auto store = Store::Open(tmp.path());
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().message();
}

// EventScan::ResolveFilters: a type, actor or text that matches nothing ends the scan empty.
TEST(Store, AFilterThatCanMatchNothingListsNothing) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory)};
  ASSERT_TRUE((*store)->Write(docs).ok());
  for (EventQuery q : {EventQuery{.type = "NOSUCHTYPE"}, EventQuery{.actor = "ZZZ"}, EventQuery{.text = "!!!"},
                       EventQuery{.type = "99"}}) {
    q.limit = 0;
    auto r = (*store)->FindEvents(q);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_TRUE(r->empty()) << q.type << q.actor << q.text;
  }
  auto all = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
}

// EventScan::DayRange and its windows: events of no known day come first when no date bound is
// given, and not at all with one; with a limit, the oldest days are read first.
TEST(Store, EventsOfNoDayComeFirstAndOnlyWithoutDateBounds) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory, "KZ", "173", "2022-01-09"),
                                MakeDoc("https://b.example/2", std::string(kStory) + " Two.", "KZ", "173", "2022-03-01"),
                                MakeDoc("https://c.example/3", std::string(kStory) + " Three.", "KZ", "173", "2022-01-09")};
  docs[2].events[0].date = {};
  docs[2].published.reset();
  ASSERT_TRUE((*store)->Write(docs).ok());
  auto all = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].event.date.value, "");
  EXPECT_EQ((*all)[1].event.date.value, "2022-01-09");
  EXPECT_EQ((*all)[2].event.date.value, "2022-03-01");
  auto bounded = (*store)->FindEvents({.since = "2022-01-01", .limit = 0});
  ASSERT_TRUE(bounded.ok());
  EXPECT_EQ(bounded->size(), 2u);
  auto two = (*store)->FindEvents({.limit = 2});
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->size(), 2u);
  EXPECT_EQ((*two)[1].event.date.value, "2022-01-09");
}

// AddBatch's steps: an id twice in one batch is stored once (NewDocuments); an id stored before
// adds nothing (InsertArticles); each document's events are counted new when it reports them
// first (CountNewEvents).
TEST(Store, ABatchStoresAnIdOnceAndCountsTheEventsItReportsFirst) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok());
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory), MakeDoc("https://a.example/1", kStory)};
  auto r = (*store)->Write(docs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE((*r)[0].added);
  EXPECT_FALSE((*r)[1].added);
  EXPECT_EQ((*r)[0].new_clusters, 1u);
  std::vector<Document> again = {MakeDoc("https://a.example/1", kStory)};
  auto r2 = (*store)->Write(again);
  ASSERT_TRUE(r2.ok());
  EXPECT_FALSE((*r2)[0].added);
  auto stats = (*store)->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
}

// The event's category (the output contract's non-political kinds) is stored and read back; a
// political event has none.
TEST(Store, KeepsTheCategoryOfNonPoliticalEvents) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<Document> docs = {MakeDoc("https://a.example/flood", kStory, "KZ", "202", "2022-03-01"),
                                MakeDoc("https://b.example/arrest", std::string(kStory) + " More.")};
  docs[0].events[0].category = "natural_disaster";
  docs[0].events[0].acled_event_type.clear();
  docs[0].events[0].acled_sub_event_type.clear();
  ASSERT_TRUE((*store)->Write(docs).ok());
  auto events = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 2u);
  std::map<std::string, std::string> category;
  for (const StoredEvent& e : *events) category[e.event.cameo] = e.event.category;
  EXPECT_EQ(category["202"], "natural_disaster");
  EXPECT_EQ(category["173"], "");
}

// A database of schema version 4 (no category) gets the column; its events have none.
TEST(Store, MigratesAVersion4DatabaseWithoutCategories) {
  TempDb tmp;
  {
    auto store = Store::Open(tmp.path());
    ASSERT_TRUE(store.ok());
  }
  {
    auto db = OpenSqlite(tmp.path(), 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->ExecScript("ALTER TABLE events DROP COLUMN category; DELETE FROM schema_migrations WHERE version = 5").ok());
  }
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), 5);
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory)};
  docs[0].events[0].category = "crime";
  ASSERT_TRUE((*store)->Write(docs).ok());
  auto events = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].event.category, "crime");
}

// A database written by the first schema (country, CAMEO and actor codes as text columns only) is
// migrated on open: its events get type and actor ids and R*Tree entries, so every filter still
// finds them, and new writes land beside them.
TEST(Store, MigratesAVersion1DatabaseAndItsEventsStayFindable) {
  TempDb tmp;
  {
    auto db = OpenSqlite(tmp.path(), 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_EQ(*Migrate(**db, 1), 1);
    ASSERT_TRUE((*db)->ExecScript(
        "INSERT INTO articles (seq, id, url, title, site_name, published, text, num_events) VALUES "
        "(1, 'a1', 'https://old.example/1', 'Old', 'old.example', '2022-01-09T10:00:00Z', 'old text', 1);"
        "INSERT INTO events (id, article_seq, article_id, idx, cluster, cameo, cameo_root, plover, plover_mode, "
        "acled_event_type, acled_sub_event_type, source_code, target_code, country, lat, lon, day, site, counts_json) "
        "VALUES (1, 1, 'a1', 0, 'c1', '173', '17', 'COERCE', 'arrest', 'Strategic developments', 'Arrests', "
        "'KAZCOP', 'KAZPRO', 'KZ', 43.25, 76.92, '2022-01-09', 'old.example', '[]');").ok());
  }
  auto store = Store::Open(tmp.path());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), Migrations().back().version);
  auto find = [&](EventQuery q) {
    q.limit = 0;
    auto r = (*store)->FindEvents(q);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->size() : size_t{99};
  };
  EXPECT_EQ(find({.type = "Arrests"}), 1u);
  EXPECT_EQ(find({.type = "17"}), 1u);
  EXPECT_EQ(find({.type = "14"}), 0u);
  EXPECT_EQ(find({.actor = "KAZPRO"}), 1u);
  EXPECT_EQ(find({.near = NearPoint{43.3, 76.9, 20}}), 1u);
  EXPECT_EQ(find({.since = "2022-01-10", .near = NearPoint{43.3, 76.9, 20}}), 0u);
  std::vector<Document> docs = {MakeDoc("https://new.example/2", kStory)};
  ASSERT_TRUE((*store)->Write(docs).ok());
  EXPECT_EQ(find({.actor = "KAZCOP"}), 2u);
  EXPECT_EQ(find({.country = "KZ", .type = "ARREST", .since = "2022-01", .until = "2022-01"}), 2u);
}

// The exporter of the gdelt and acled rows, over the project's data/ and the npm packages
// tools/setup.sh installs (no gazetteer: the places' own names).
const EventExporter& Exporter() {
  static const EventExporter* exporter = [] {
    auto e = EventExporter::Create({.gazetteer = false});
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? new EventExporter(std::move(*e)) : nullptr;
  }();
  return *exporter;
}

const char kToneFixture[] = "src/store/testdata/tone_words.js";  // tests run in the source root
// 12 words, 4 of negative valence in the fixture (killed, violent, protest, condemned): tone -33.3333.
const char kNegativeStory[] = "Police killed two people as a violent protest was condemned by officials.";

// The GDELT row's AvgTone (column 35 of 61).
std::vector<std::string> GdeltAvgTones(const std::vector<StoredEvent>& events) {
  std::string out;
  Exporter().Write(events, EventFormat::kGdelt, &out);
  std::vector<std::string> tones;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string row = out.substr(start, end - start);
    std::vector<std::string> cols;
    size_t a = 0;
    for (size_t b; (b = row.find('\t', a)) != std::string::npos; a = b + 1) cols.push_back(row.substr(a, b - a));
    cols.push_back(row.substr(a));
    EXPECT_EQ(cols.size(), 61u);
    tones.push_back(cols.size() > 34 ? cols[34] : "");
    start = end + 1;
  }
  return tones;
}

// A database of schema version 2 (no tone) is migrated on open and its articles get their tone.
TEST(Store, MigratesAVersion2DatabaseAndFillsTheToneOfItsArticles) {
  TempDb tmp;
  {
    auto db = OpenSqlite(tmp.path(), 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_EQ(*Migrate(**db, 2), 2);
    ASSERT_TRUE((*db)->ExecScript(
        "INSERT INTO articles (seq, id, url, title, site_name, published, text, num_events) VALUES "
        "(1, 'a1', 'https://old.example/1', 'Old', 'old.example', '2022-01-09T10:00:00Z', "
        "'Police killed two people as a violent protest was condemned by officials.', 1);"
        "INSERT INTO events (id, article_seq, article_id, idx, cluster, cameo, cameo_root, country, day, site, "
        "counts_json) VALUES (1, 1, 'a1', 0, 'c1', '173', '17', 'KZ', '2022-01-09', 'old.example', '[]');").ok());
  }
  auto store = Store::Open(tmp.path(), {.tone_lexicon = kToneFixture});
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), Migrations().back().version);
  auto events = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 1u);
  ASSERT_TRUE((*events)[0].tone.has_value());
  EXPECT_DOUBLE_EQ(*(*events)[0].tone, -33.3333);
  EXPECT_EQ(GdeltAvgTones(*events), std::vector<std::string>{"-33.3333"});
}

TEST(Store, GdeltAvgToneIsTheArticleToneOnEveryEventOfTheArticle) {
  TempDb tmp;
  auto store = Store::Open(tmp.path(), {.tone_lexicon = kToneFixture});
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document doc = MakeDoc("https://neg.example/1", kNegativeStory);
  Event second = doc.events[0];
  second.cameo = "145", second.cameo_root = "14";
  doc.events.push_back(second);
  std::vector<Document> docs = {doc, MakeDoc("https://calm.example/2", "Calm and happy: a good day.", "UA")};
  ASSERT_TRUE((*store)->Write(docs).ok());
  auto events = (*store)->FindEvents({.country = "KZ", .limit = 0});
  ASSERT_TRUE(events.ok()) << events.status().message();
  ASSERT_EQ(events->size(), 2u);
  for (const std::string& t : GdeltAvgTones(*events)) EXPECT_NEAR(std::stod(t), -100.0 * 4 / 12, 1e-4) << t;
  auto calm = (*store)->FindEvents({.country = "UA", .limit = 0});
  ASSERT_TRUE(calm.ok());
  EXPECT_EQ(GdeltAvgTones(*calm), std::vector<std::string>{"50"});
  std::string jsonl;
  WriteEvents(*calm, EventFormat::kJsonl, &jsonl);
  EXPECT_NE(jsonl.find("\"tone\":50"), std::string::npos) << jsonl;
}

TEST(Store, WithoutTheToneWordListArticlesHaveNoToneAndAvgToneIsZero) {
  TempDb tmp;
  auto store = Store::Open(tmp.path(), {.tone_lexicon = tmp.path("missing.js")});
  ASSERT_TRUE(store.ok()) << store.status().message();
  std::vector<Document> docs = {MakeDoc("https://neg.example/1", kNegativeStory)};
  ASSERT_TRUE((*store)->Write(docs).ok());
  auto events = (*store)->FindEvents({.limit = 0});
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_FALSE((*events)[0].tone.has_value());
  EXPECT_EQ(GdeltAvgTones(*events), std::vector<std::string>{"0"});
}

TEST(Store, NotADatabaseIsAOneLineError) {
  TempDb tmp;
  FILE* f = fopen(tmp.path("junk.db").c_str(), "w");
  fputs("this is not sqlite, just some text that is long enough to be read as a header......", f);
  fclose(f);
  auto store = Store::Open(tmp.path("junk.db"));
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("junk.db"), std::string::npos);
}

TEST(Store, FullTextSearchFindsArticlesByTheirWords) {
  TempDb tmp;
  auto store = Store::Open(tmp.path());
  std::vector<Document> docs = {MakeDoc("https://a.example/1", kStory),
                                MakeDoc("https://b.example/2", "Farmers harvested a record wheat crop this autumn "
                                                               "across the northern plains, officials said.")};
  ASSERT_TRUE((*store)->Write(docs).ok());
  ArticleQuery q;
  q.text = "wheat harvested";
  auto r = (*store)->FindArticles(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].url, "https://b.example/2");
  q.text = "wheat gunfire";  // all words must occur
  EXPECT_TRUE((*store)->FindArticles(q)->empty());
  q.text = "\"quoted\" OR (weird";  // FTS5 syntax in user words is not an error
  EXPECT_TRUE((*store)->FindArticles(q).ok());
}

TEST(DocumentJson, ReadsBackWhatTheJsonWriterWrites) {
  Document d = MakeDoc("https://a.example/1", kStory);
  d.id = DocumentId(d);
  d.authors = {"A. Writer"};
  Entity ent;
  ent.type = EntityType::kPlace;
  ent.text = "Almaty";
  ent.span = {40, 46};
  ent.place = d.events[0].location->place;
  d.entities.push_back(ent);
  std::string json;
  AppendDocumentJson(d, &json);
  auto back = ParseDocumentJson(json, "test");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->authors, d.authors);
  ASSERT_EQ(back->events.size(), 1u);
  EXPECT_EQ(back->events[0].cameo, "173");
  EXPECT_EQ(back->events[0].source->code, "KAZCOP");
  EXPECT_EQ(back->events[0].counts[0].value, 120);
  EXPECT_EQ(EventClusterKey(back->events[0]), EventClusterKey(d.events[0]));
  ASSERT_EQ(back->entities.size(), 1u);
  EXPECT_EQ(back->entities[0].place->geonameid, 1526384);
  EXPECT_FALSE(ParseDocumentJson("{\"id\": 1}", "x.jsonl#3").ok());
  EXPECT_NE(ParseDocumentJson("nonsense", "x.jsonl#3").status().message().find("x.jsonl#3"), std::string::npos);
}

// Issue 18.5: `ingest --documents` refuses spans outside the text, latitudes off the globe,
// absurd counts and impossible dates, naming the record and the value.
TEST(DocumentJson, RefusesValuesOutOfBounds) {
  const std::string head = R"({"text": "Police arrested 120 people in Almaty.", )";
  auto bad = [&](const std::string& rest) {
    auto r = ParseDocumentJson(head + rest + "}", "docs.jsonl#4");
    EXPECT_FALSE(r.ok()) << rest;
    if (!r.ok()) EXPECT_EQ(r.status().message().rfind("docs.jsonl#4: ", 0), 0u) << r.status().message();
    return r.ok() ? std::string() : r.status().message();
  };
  EXPECT_NE(bad(R"("entities": [{"type": "PLACE", "text": "x", "span": [-5, 3]}])").find("[-5,3]"), std::string::npos);
  bad(R"("entities": [{"type": "PLACE", "text": "x", "span": [3, 400]}])");
  bad(R"("entities": [{"type": "PLACE", "text": "x", "span": [3.5, 4]}])");
  bad(R"("entities": [{"type": "PLACE", "place": {"name": "x", "lat": 1e308, "lon": 0}}])");
  bad(R"("events": [{"cameo": "173", "location": {"name": "x", "lat": 0, "lon": -181}}])");
  bad(R"("counts": [{"kind": "arrested", "value": 1e300}])");
  bad(R"("counts": [{"kind": "arrested", "value": -3}])");
  bad(R"("events": [{"cameo": "173", "counts": [{"kind": "killed", "value": 1e12}]}])");
  bad(R"("published": "2022-02-30")");
  bad(R"("published": "0000-00-00")");
  bad(R"("events": [{"cameo": "173", "date": {"value": "2022-13-45", "precision": "day"}}])");
  bad(R"("events": [{"cameo": "173", "quad_class": 1e20}])");
  auto good = ParseDocumentJson(head + R"("published": "2022-01-09T10:00:00+06:00", "counts": [{"kind": "arrested", "value": 120, "span": [16, 26]}]})", "x");
  ASSERT_TRUE(good.ok()) << good.status().message();
  EXPECT_EQ(good->counts[0].span.end, 26u);
}

StoredEvent SampleEvent() {
  StoredEvent s;
  s.id = 7;
  s.event = MakeDoc("https://a.example/1", kStory).events[0];
  s.evidence_text = "Police said \"120, maybe more\",\nthen left";
  s.url = "https://a.example/1";
  s.added_at = "2022-01-10T00:00:00Z";
  return s;
}

TEST(EventExport, CsvQuotesCommasQuotesAndNewlines) {
  std::string out;
  WriteEvents({SampleEvent()}, EventFormat::kCsv, &out);
  EXPECT_NE(out.find("\"Police said \"\"120, maybe more\"\",\nthen left\""), std::string::npos) << out;
}

TEST(EventExport, GdeltRowsHave61TabSeparatedColumns) {
  std::string out;
  Exporter().Write({SampleEvent(), SampleEvent()}, EventFormat::kGdelt, &out);
  size_t start = 0, rows = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string row = out.substr(start, end - start);
    EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 60) << row;
    EXPECT_EQ(row.substr(0, 11), "7\t20220109\t");
    ++rows;
    start = end + 1;
  }
  EXPECT_EQ(rows, 2u);
}

TEST(EventExport, AcledRowsNameTheCountryAndItsNumericCode) {
  std::string out;
  Exporter().Write({SampleEvent()}, EventFormat::kAcled, &out);
  EXPECT_EQ(out.substr(0, 29), "event_id_cnty,event_date,year");
  if (std::filesystem::exists("/usr/share/iso-codes/json/iso_3166-1.json")) {
    EXPECT_NE(out.find("KAZ7,2022-01-09,2022,1,Strategic developments"), std::string::npos) << out;
    EXPECT_NE(out.find(",398,Caucasus and Central Asia,Kazakhstan,"), std::string::npos) << out;
    EXPECT_NE(out.find(",Arrests,Police Forces of Kazakhstan,,1,"), std::string::npos) << out;
  }
}

TEST(EventExport, GeojsonLeavesOutEventsWithoutCoordinates) {
  StoredEvent a = SampleEvent(), b = SampleEvent();
  b.id = 8;
  b.event.location->place.lat.reset();
  std::string out;
  WriteEvents({a, b}, EventFormat::kGeojson, &out);
  EXPECT_NE(out.find("\"coordinates\":[76.92,43.25]"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"id\":8"), std::string::npos);
}

TEST(EventExport, GdeltAndAcledNeedTheExporter) {
  std::string out;
  EXPECT_FALSE(WriteEvents({SampleEvent()}, EventFormat::kAcled, &out).ok());
  EXPECT_TRUE(WriteEvents({SampleEvent()}, EventFormat::kCsv, &out).ok());
}

TEST(EventExport, CategoryIsExportedAndNonPoliticalEventsAreNoAcledRows) {
  StoredEvent flood = SampleEvent();
  flood.event.category = "natural_disaster";
  std::string jsonl, csv, acled;
  ASSERT_TRUE(WriteEvents({flood}, EventFormat::kJsonl, &jsonl).ok());
  EXPECT_NE(jsonl.find("\"acled\":null,\"category\":\"natural_disaster\""), std::string::npos) << jsonl;
  ASSERT_TRUE(WriteEvents({flood}, EventFormat::kCsv, &csv).ok());
  EXPECT_NE(csv.find(",natural_disaster\r\n"), std::string::npos) << csv;
  Exporter().Write({flood}, EventFormat::kAcled, &acled);
  EXPECT_EQ(std::count(acled.begin(), acled.end(), '\n'), 1) << acled;  // the header alone
}

TEST(EventExport, UnknownFormatIsAnError) {
  EXPECT_FALSE(ParseEventFormat("xml").ok());
  EXPECT_TRUE(ParseEventFormat("gdelt").ok());
}

// Regression: the table cut and padded by bytes, so a Cyrillic site name pushed the title column
// right. Columns count characters.
TEST(Store, ArticleTableAlignsColumnsOfNonLatinText) {
  StoredArticle latin, cyrillic;
  latin.id = cyrillic.id = "0123456789abcdef";
  latin.site_name = "Daily Wire";
  cyrillic.site_name = "Новости Восточной Европы";
  latin.title = cyrillic.title = "Title";
  std::string out;
  WriteArticles({latin, cyrillic}, ArticleFormat::kTable, &out);
  auto column_of_title = [&](int line) {
    size_t start = 0;
    for (int i = 0; i < line; ++i) start = out.find('\n', start) + 1;
    std::string row = out.substr(start, out.find('\n', start) - start);
    size_t chars = 0;
    for (size_t i = 0; i < row.find("Title"); ++i) chars += (static_cast<unsigned char>(row[i]) & 0xC0) != 0x80;
    return chars;
  };
  EXPECT_EQ(column_of_title(1), column_of_title(2)) << out;
  EXPECT_NE(out.find("Новости Восточно\u2026"), std::string::npos) << out;
}

}  // namespace
}  // namespace eventmill
