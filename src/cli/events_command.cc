// `eventmill events --db ...`: query stored events (one row per event, with how many articles and
// sites reported it) and export them as table, JSONL, CSV, GDELT 2.0 or ACLED rows, or GeoJSON.
#include <cstdio>

#include "cli/command.h"
#include "cli/store_flags.h"
#include "eventmill/store.h"

namespace eventmill::cli {
namespace {

constexpr char kUsage[] =
    "usage: eventmill events [--db events.db|postgresql://...] [--country KZ] [--type 173|ARREST|Protests]\n"
    "                        [--since 2022-01-01] [--until 2022-01-31] [--actor KAZCOP] [--near LAT,LON,KM]\n"
    "                        [--text \"words\"] [--limit N (default 100, 0: all)]\n"
    "                        [--format table|jsonl|csv|gdelt|acled|geojson] [--explain]\n"
    "  One row per event: mentions of the same event in other articles (near-duplicates included)\n"
    "  are counted in num_mentions / num_articles / num_sources, not listed again. Oldest first.\n"
    "  --type: a CAMEO code or prefix (173, 17), a PLOVER type or mode (PROTEST, arrest), or an ACLED\n"
    "  event or sub-event type (Protests, \"Peaceful protest\"). --actor matches a code prefix.\n"
    "  gdelt: the 61 tab-separated columns of the GDELT 2.0 event table; acled: ACLED's export columns.\n"
    "  --explain: each event with its mentions, and for each later mention why the dedup stage took it\n"
    "  for the same event (date, place, actors, family, counts, text), instead of the --format output.\n";

bool ParseNear(const std::string& v, NearPoint* p) {
  double lat, lon, km;
  char extra;
  if (std::sscanf(v.c_str(), "%lf,%lf,%lf%c", &lat, &lon, &km, &extra) != 3) return false;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || km <= 0) return false;
  *p = {lat, lon, km};
  return true;
}

int RunEvents(const std::vector<std::string>& args) {
  std::string db = DefaultDb(), format = "table";
  bool explain = false;
  EventQuery q;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string v;
    bool missing = false;
    auto bad = [&](const std::string& msg) {
      std::fprintf(stderr, "eventmill events: %s\n", msg.c_str());
      return 2;
    };
    if (args[i] == "--help" || args[i] == "-h") {
      std::printf("%s", kUsage);
      return 0;
    }
    std::string flag = args[i].substr(0, args[i].find('='));
    if (args[i] == "--explain") {
      explain = true;
      continue;
    }
    if (FlagValue(args, &i, "--db", &v, &missing)) db = v;
    else if (FlagValue(args, &i, "--format", &v, &missing)) format = v;
    else if (FlagValue(args, &i, "--country", &v, &missing)) q.country = v;
    else if (FlagValue(args, &i, "--type", &v, &missing)) q.type = v;
    else if (FlagValue(args, &i, "--since", &v, &missing)) q.since = v;
    else if (FlagValue(args, &i, "--until", &v, &missing)) q.until = v;
    else if (FlagValue(args, &i, "--actor", &v, &missing)) q.actor = v;
    else if (FlagValue(args, &i, "--text", &v, &missing)) q.text = v;
    else if (FlagValue(args, &i, "--near", &v, &missing)) {
      NearPoint p;
      if (!missing && !ParseNear(v, &p)) return bad("--near needs LAT,LON,KM (e.g. 43.25,76.92,50), not '" + v + "'");
      q.near = p;
    } else if (FlagValue(args, &i, "--limit", &v, &missing)) {
      if (!missing && !ParseRowLimit(v, &q.limit)) return bad("--limit needs a number (0: no limit), not '" + v + "'");
    } else {
      return bad("unknown option '" + args[i] + "' (see --help)");
    }
    if (missing) return bad(flag + " needs a value");
  }
  if (!q.since.empty() && !ValidDateFlag(q.since)) {
    std::fprintf(stderr, "eventmill events: --since needs a real date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'\n", q.since.c_str());
    return 2;
  }
  if (!q.until.empty() && !ValidDateFlag(q.until)) {
    std::fprintf(stderr, "eventmill events: --until needs a real date YYYY, YYYY-MM or YYYY-MM-DD, not '%s'\n", q.until.c_str());
    return 2;
  }
  auto fmt = ParseEventFormat(format);
  if (!fmt.ok()) {
    std::fprintf(stderr, "eventmill events: %s\n", fmt.status().message().c_str());
    return 2;
  }
  auto store = Store::Open(db, {.create = false});  // a query never creates or changes a database
  if (!store.ok()) {
    std::fprintf(stderr, "eventmill events: %s\n", store.status().message().c_str());
    return 1;
  }
  auto events = (*store)->FindEvents(q);
  if (!events.ok()) {
    std::fprintf(stderr, "eventmill events: %s\n", events.status().message().c_str());
    return 1;
  }
  std::string out;
  if (explain) {
    for (const StoredEvent& e : *events) {
      auto mentions = (*store)->FindMentions(e.cluster);
      if (!mentions.ok()) {
        std::fprintf(stderr, "eventmill events: %s\n", mentions.status().message().c_str());
        return 1;
      }
      const Event& ev = e.event;
      out += "event " + e.cluster + "  " + ev.cameo + " " + (ev.date.value.empty() ? e.published.substr(0, 10) : ev.date.value) +
             " " + (ev.location ? ev.location->place.name + " " + ev.location->place.country : std::string("(no place)")) +
             ": " + std::to_string(e.num_mentions) + " mentions, " + std::to_string(e.num_articles) + " articles, " +
             std::to_string(e.num_sources) + " sources\n";
      int n = 0;
      for (const StoredMention& m : *mentions) {
        out += "  " + std::to_string(++n) + ". " + m.article_id + " " + m.site + "  \"" + m.evidence_text + "\"\n";
        out += "     " + (m.merge_reason.empty() ? std::string("first report of the event") : m.merge_reason) + "\n";
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  if (*fmt == EventFormat::kGdelt || *fmt == EventFormat::kAcled) {
    auto exporter = EventExporter::Create();  // the reference tables those rows need
    if (!exporter.ok()) {
      std::fprintf(stderr, "eventmill events: %s\n", exporter.status().message().c_str());
      return 1;
    }
    exporter->Write(*events, *fmt, &out);
  } else {
    (void)WriteEvents(*events, *fmt, &out);
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace

EM_REGISTER_COMMAND("events", "query stored events; export as table, jsonl, csv, gdelt, acled or geojson", RunEvents);

}  // namespace eventmill::cli
