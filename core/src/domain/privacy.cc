#include "naast/domain/privacy.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <nlohmann/json.hpp>

#include "naast/domain/schema.h"

namespace naast::domain {
namespace {

using nlohmann::ordered_json;

std::string Str(const crdt::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (auto* b = std::get_if<bool>(&v)) return *b ? "ja" : "nee";
  return {};
}

ordered_json Json(const crdt::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (auto* b = std::get_if<bool>(&v)) return *b;
  return nullptr;
}

std::string Timestamp(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string RecordId(crdt::OpId id) {
  return std::to_string(id.replica) + "." + std::to_string(id.counter);
}

// One field of a record, whatever its kind, as shown to a person and as JSON.
struct Shown {
  std::string label;
  std::string name;
  std::string text;
  ordered_json json;
};

std::vector<Shown> FieldsOf(const crdt::Document& doc, crdt::OpId rec, const EntitySpec* spec) {
  std::vector<Shown> out;
  auto show = [&](std::string_view name, std::string_view label, crdt::FieldKind kind) {
    Shown s{std::string(label), std::string(name), {}, nullptr};
    if (kind == crdt::FieldKind::kText) {
      s.text = doc.Text(rec, name);
      s.json = s.text;
      if (s.text.empty()) return;
    } else if (kind == crdt::FieldKind::kSet) {
      s.json = ordered_json::array();
      for (const auto& e : doc.Elements(rec, name)) {
        s.text += (s.text.empty() ? "" : ", ") + Str(e);
        s.json.push_back(Json(e));
      }
      if (s.json.empty()) return;
    } else {
      auto v = doc.Get(rec, name);
      if (!v || std::holds_alternative<std::monostate>(v->value)) return;
      s.text = Str(v->value);
      s.json = Json(v->value);
    }
    out.push_back(std::move(s));
  };
  const auto fields = doc.Fields(rec);
  auto kind_of = [&](std::string_view name) -> std::optional<crdt::FieldKind> {
    for (const auto& [kind, field] : fields) {
      if (field == name) return kind;
    }
    return std::nullopt;
  };
  if (spec) {
    for (const auto& f : spec->fields) {
      if (auto kind = kind_of(f.name)) show(f.name, f.nl, *kind);
    }
  }
  // Fields the schema does not know (a newer app's) are shown under their own name.
  for (const auto& entry : fields) {
    const std::string& name = entry.second;
    const bool known = spec && std::any_of(spec->fields.begin(), spec->fields.end(),
                                           [&](const FieldSpec& f) { return f.name == name; });
    if (!known) show(name, name, entry.first);
  }
  return out;
}

// The first date a record holds, to order records of one kind in time.
std::string FirstDate(const crdt::Document& doc, crdt::OpId rec, const EntitySpec* spec) {
  if (!spec) return {};
  for (const auto& f : spec->fields) {
    if (f.type != FieldType::kDate) continue;
    auto v = doc.Get(rec, f.name);
    return v ? Str(v->value) : std::string();
  }
  return {};
}

}  // namespace

Result<DossierExport> ExportDossier(store::Store& store, const store::DocumentId& id, Date today) {
  auto got = store.Get(id);
  if (!got) return got.error();
  if (Status s = store.Audit(id, "export", "inzage: text and json"); !s) return s.error();
  const crdt::Document& doc = **got;

  // Records grouped by entity in the schema's order, in time within each.
  struct Item {
    const EntitySpec* spec;
    std::size_t order;
    std::string date;
    crdt::OpId rec;
  };
  std::vector<Item> items;
  const auto entities = Entities();
  for (const crdt::OpId& rec : doc.Records()) {
    const std::string type = doc.TypeOf(rec).value_or("");
    const EntitySpec* spec = FindEntity(type);
    const std::size_t order =
        spec ? static_cast<std::size_t>(spec - entities.data()) : entities.size();
    items.push_back(Item{spec, order, FirstDate(doc, rec, spec), rec});
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return std::tie(a.order, a.date, a.rec) < std::tie(b.order, b.date, b.rec);
  });

  DossierExport out;
  ordered_json json;
  json["format"] = "naast-dossier-export";
  json["version"] = 1;
  json["dossier"] = id;
  json["exported_on"] = today.ToString();
  json["records"] = ordered_json::array();
  std::string& text = out.text;
  text += "INZAGE IN HET DOSSIER\n";
  text += "Moeders van Rotterdam - alles wat in dit dossier staat.\n";
  text += "Dossier: " + id + "\nGemaakt op: " + today.ToString() + "\n";
  for (const Item& item : items) {
    const std::string type = doc.TypeOf(item.rec).value_or("");
    const std::string label = item.spec ? std::string(item.spec->nl) : type;
    text += "\n== " + label + (item.date.empty() ? "" : " (" + item.date + ")") + " ==\n";
    ordered_json record;
    record["type"] = type;
    record["label"] = label;
    record["id"] = RecordId(item.rec);
    record["fields"] = ordered_json::object();
    for (const Shown& f : FieldsOf(doc, item.rec, item.spec)) {
      const bool multiline = f.text.find('\n') != std::string::npos;
      text += f.label + ":" + (multiline ? "\n" : " ") + f.text + "\n";
      record["fields"][f.name] = f.json;
    }
    json["records"].push_back(std::move(record));
  }

  auto trail = store.AuditTrail(id);
  if (!trail) return trail.error();
  text += "\n== Wie heeft dit dossier ingezien of gewijzigd ==\n";
  json["access_log"] = ordered_json::array();
  for (const auto& e : *trail) {
    text += Timestamp(e.at_ms) + "  " + e.user + " (apparaat " + e.device + "): " + e.action +
            (e.detail.empty() ? "" : " - " + e.detail) + "\n";
    json["access_log"].push_back(ordered_json{{"at", Timestamp(e.at_ms)},
                                              {"user", e.user},
                                              {"device", e.device},
                                              {"action", e.action},
                                              {"detail", e.detail}});
  }
  out.json = json.dump(2) + "\n";
  return out;
}

Result<std::vector<RetentionItem>> RetentionDue(store::Store& store, Date today) {
  std::map<std::string, RetentionItem> mothers;
  auto rows = store.Query("SELECT doc, name, retention_until FROM e_mother WHERE deleted = 0");
  if (!rows) return rows.error();
  for (const auto& r : *rows) {
    RetentionItem& item = mothers[Str(r[0])];
    item.doc = Str(r[0]);
    item.name = Str(r[1]);
    item.retention_until = Date::Parse(Str(r[2]));
  }
  std::map<std::string, std::optional<Date>> aftercare_until;
  auto closures = store.Query(
      "SELECT doc, max(closed_on), max(aftercare_until) FROM e_closure WHERE deleted = 0 "
      "GROUP BY doc");
  if (!closures) return closures.error();
  for (const auto& r : *closures) {
    auto it = mothers.find(Str(r[0]));
    if (it == mothers.end()) continue;
    it->second.closed_on = Date::Parse(Str(r[1]));
    aftercare_until[it->first] = Date::Parse(Str(r[2]));
  }
  std::vector<RetentionItem> due, undecided;
  for (auto& [doc, item] : mothers) {
    if (item.retention_until) {
      if (*item.retention_until <= today) due.push_back(item);
      continue;
    }
    if (!item.closed_on || *item.closed_on > today) continue;
    auto a = aftercare_until.find(doc);
    if (a != aftercare_until.end() && a->second && *a->second >= today) continue;  // in nazorg
    undecided.push_back(item);
  }
  std::sort(due.begin(), due.end(), [](const RetentionItem& a, const RetentionItem& b) {
    return std::tie(a.retention_until, a.doc) < std::tie(b.retention_until, b.doc);
  });
  std::sort(undecided.begin(), undecided.end(), [](const RetentionItem& a, const RetentionItem& b) {
    return std::tie(a.closed_on, a.doc) < std::tie(b.closed_on, b.doc);
  });
  due.insert(due.end(), undecided.begin(), undecided.end());
  if (Status s =
          store.Audit("", "search", "retention list: " + std::to_string(due.size()) + " dossiers");
      !s) {
    return s.error();
  }
  return due;
}

Result<std::vector<store::DocumentId>> DossiersPastAftercare(store::Store& store, Date today) {
  auto closures = store.Query(
      "SELECT doc, max(closed_on), max(aftercare_until) FROM e_closure WHERE deleted = 0 "
      "GROUP BY doc");
  if (!closures) return closures.error();
  std::vector<store::DocumentId> out;
  for (const auto& r : *closures) {
    const auto closed_on = Date::Parse(Str(r[1]));
    const auto aftercare_until = Date::Parse(Str(r[2]));
    if (!closed_on || *closed_on > today) continue;
    if (aftercare_until && *aftercare_until >= today) continue;  // still in nazorg
    out.push_back(Str(r[0]));
  }
  return out;
}

Result<int> RemoveDossiersPastAftercare(store::Store& store, Date today) {
  auto docs = DossiersPastAftercare(store, today);
  if (!docs) return docs.error();
  int removed = 0;
  for (const auto& doc : *docs) {
    if (Status s = store.Erase(doc); !s) return s.error();
    ++removed;
  }
  return removed;
}

}  // namespace naast::domain
