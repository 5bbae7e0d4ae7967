#include "journaltools.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "pagecursor.h"
#include "requestcontext.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace jcr::mcp {

namespace {

QJsonObject prop(const QString& type, const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

QJsonObject objectSchema(const QJsonObject& properties, const QStringList& required = {})
{
    QJsonObject schema{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), properties}};
    if (!required.isEmpty())
        schema.insert(QStringLiteral("required"), QJsonArray::fromStringList(required));
    return schema;
}

QJsonObject arrayOf(const QJsonObject& items, const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("description"), description}};
}

QJsonObject anyObject(const QString& description)
{
    return prop(QStringLiteral("object"), description);
}

/// The string argument that names one journal.
QJsonObject journalNameArgument(const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("minLength"), 1}};
}

/// The "did you mean" titles of an answer that found nothing.
QJsonObject suggestionsProperty(const QString& description = QStringLiteral("Did you mean"),
                                const QString& itemDescription = QStringLiteral("A journal title"))
{
    return arrayOf(prop(QStringLiteral("string"), itemDescription), description);
}

QJsonObject foundProperty()
{
    return prop(QStringLiteral("boolean"), QStringLiteral("Whether the journal was found"));
}

QJsonObject readOnlyAnnotations(const QString& title)
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("readOnlyHint"), true},
                       {QStringLiteral("destructiveHint"), false},
                       {QStringLiteral("idempotentHint"), true},
                       {QStringLiteral("openWorldHint"), false}};
}

QJsonArray toArray(const QStringList& list)
{
    return QJsonArray::fromStringList(list);
}

/// Runs `body` with the repository, or returns the "database missing, run sync" failure.
template <typename Body> ToolOutput withRepository(JournalBackend& backend, Body body)
{
    QString error;
    const JournalRepository* repository = backend.repository(&error);
    if (!repository)
        return ToolOutput::failure(error);
    return body(*repository);
}

QString trimmedArgument(const QJsonObject& arguments, const QString& name)
{
    return arguments.value(name).toString().simplified();
}

/// Rejects an empty or over-long name, naming the field.
bool checkName(const QString& value, const QString& field, ToolOutput* failure)
{
    if (value.isEmpty()) {
        *failure = ToolOutput::invalidArgument(field, QStringLiteral("%1: must not be empty").arg(field));
        return false;
    }
    if (value.size() > JournalRepository::MaxQueryLength) {
        *failure = ToolOutput::invalidArgument(
            field,
            QStringLiteral("%1: is longer than %2 characters").arg(field).arg(JournalRepository::MaxQueryLength));
        return false;
    }
    return true;
}

ToolOutput notFound(const QString& query, const QStringList& suggestions, QJsonObject structured)
{
    structured.insert(QStringLiteral("query"), query);
    structured.insert(QStringLiteral("found"), false);
    structured.insert(QStringLiteral("suggestions"), toArray(suggestions));
    ToolOutput output;
    output.text = JournalTools::notFoundText(query, suggestions);
    output.structured = structured;
    return output;
}

bool isStrongMatch(MatchKind kind)
{
    return kind == MatchKind::Exact || kind == MatchKind::Issn || kind == MatchKind::Abbreviation;
}

QString warningsText(const QList<WarningEntry>& entries, const QStringList& keywords)
{
    const QString scope = keywords.isEmpty()
                              ? QStringLiteral("全部条目 all entries")
                              : QStringLiteral("关键词 keywords: %1").arg(keywords.join(QStringLiteral(", ")));
    if (entries.isEmpty())
        return QStringLiteral("国际期刊预警名单中没有匹配的期刊 No journal on the warning list matches (%1).")
            .arg(scope);
    return JournalTextFormatter::warnings(entries) + QStringLiteral("\n(%1)").arg(scope);
}

} // namespace

QString JournalTools::notFoundText(const QString& query, const QStringList& suggestions)
{
    QString text = QStringLiteral("未找到期刊 Journal not found: \"%1\".").arg(query);
    if (!suggestions.isEmpty())
        text += QStringLiteral("\n您是否要找 Did you mean: %1").arg(suggestions.join(QStringLiteral("; ")));
    else
        text += QStringLiteral(" Check the spelling, or try the ISSN or the full title.");
    return text;
}

QStringList JournalTools::uniqueNames(const QStringList& names)
{
    QStringList unique;
    QSet<QString> seen;
    for (const QString& name : names) {
        const QString key = name.toCaseFolded();
        if (!seen.contains(key)) {
            seen.insert(key);
            unique << name;
        }
    }
    return unique;
}

QStringList JournalTools::splitList(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[,，;；、\\n\\r|]+"));
    QStringList names;
    for (const QString& part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString name = part.simplified();
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names << name;
    }
    return names;
}

std::optional<JournalMatch> JournalTools::resolve(const JournalRepository& repository,
                                                  const QString& query,
                                                  QStringList* suggestions,
                                                  QString* error)
{
    SearchOptions options;
    options.limit = 5;
    const SearchResult result = repository.search(query, options);
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    if (!result.matches.isEmpty() && result.matches.constFirst().kind != MatchKind::Fuzzy)
        return result.matches.constFirst();
    if (suggestions) {
        for (const JournalMatch& match : result.matches)
            suggestions->append(match.journal.title);
        *suggestions = uniqueNames(*suggestions);
    }
    return std::nullopt;
}

std::optional<JournalMatch> JournalTools::journalArgument(const JournalRepository& repository,
                                                          const QJsonObject& arguments,
                                                          const QString& field,
                                                          QString* query,
                                                          ToolOutput* answer)
{
    *query = trimmedArgument(arguments, field);
    if (!checkName(*query, field, answer))
        return std::nullopt;
    QString error;
    QStringList suggestions;
    const std::optional<JournalMatch> match = resolve(repository, *query, &suggestions, &error);
    if (!match)
        *answer = error.isEmpty() ? notFound(*query, suggestions, {}) : ToolOutput::failure(error);
    return match;
}

ToolOutput JournalTools::aboutOneJournal(JournalBackend& backend,
                                         const QJsonObject& arguments,
                                         const QString& field,
                                         const JournalAnswer& answer)
{
    return withRepository(backend, [&](const JournalRepository& repository) {
        QString query;
        ToolOutput failure;
        const std::optional<JournalMatch> match = journalArgument(repository, arguments, field, &query, &failure);
        return match ? answer(repository, query, *match) : failure;
    });
}

JournalProfile JournalTools::restrictToYear(const JournalProfile& profile, int year)
{
    if (year <= 0)
        return profile;
    JournalProfile restricted = profile;
    auto keepYear = [year](auto& list) {
        list.erase(std::remove_if(list.begin(), list.end(), [year](const auto& fact) { return fact.year != year; }),
                   list.end());
    };
    keepYear(restricted.jcr);
    keepYear(restricted.cas);
    keepYear(restricted.warnings);
    return restricted;
}

void JournalTools::registerAll(ToolRegistry& registry, JournalBackend& backend)
{
    registry.setDataVersion([&backend] { return backend.dataVersion(); });
    registry.add(searchJournal(backend));
    registry.add(partitionTrends(backend));
    registry.add(warningJournals(backend));
    registry.add(compareJournals(backend));
    registry.add(getJournal(backend));
    registry.add(filterJournals(backend));
}

ToolDefinition JournalTools::searchJournal(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("search_journal");
    tool.title = QStringLiteral("Search journal 期刊查询");
    tool.description = QStringLiteral(
        "Look up a journal by full or partial name, ISSN/eISSN, abbreviation or Chinese title. For the best matches "
        "it returns every year's facts: JCR impact factor and quartile per year, CAS (中科院) partition and Top per "
        "edition, warning-list (预警名单) entries, CCF and CCFT ranks; further matches are listed briefly with the "
        "total count. Give `year` to keep only that year's facts. Unknown names get 'did you mean' suggestions.");
    tool.inputSchema = objectSchema(
        {{QStringLiteral("journal_name"),
          journalNameArgument(
              QStringLiteral("Journal name, part of it, ISSN/eISSN, abbreviation or Chinese title, e.g. "
                             "\"Nature\", \"0028-0836\", \"IEEE TPAMI\""))},
         {QStringLiteral("year"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                      {QStringLiteral("description"),
                       QStringLiteral("Only show facts of this data year (JCR year / CAS edition), e.g. 2025")},
                      {QStringLiteral("minimum"), 1990},
                      {QStringLiteral("maximum"), 2100}}}},
        {QStringLiteral("journal_name")});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name searched for"))},
         {QStringLiteral("year"),
          prop(QStringLiteral("integer"), QStringLiteral("The year the facts are narrowed to"))},
         {QStringLiteral("found"), prop(QStringLiteral("boolean"), QStringLiteral("Whether any journal matched"))},
         {QStringLiteral("total"), prop(QStringLiteral("integer"), QStringLiteral("How many journals matched"))},
         {QStringLiteral("results"),
          arrayOf(objectSchema({{QStringLiteral("match"), anyObject(QStringLiteral("How the journal matched"))},
                                {QStringLiteral("profile"), anyObject(QStringLiteral("Every fact of the journal"))}},
                               {QStringLiteral("match"), QStringLiteral("profile")}),
                  QStringLiteral("The best matches with all their facts"))},
         {QStringLiteral("moreMatches"),
          arrayOf(anyObject(QStringLiteral("A further match")), QStringLiteral("Further matches, briefly"))},
         {QStringLiteral("suggestions"),
          suggestionsProperty(QStringLiteral("Did you mean: close titles when nothing matched"))}},
        {QStringLiteral("query"), QStringLiteral("found"), QStringLiteral("total"), QStringLiteral("results")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return withRepository(backend, [&](const JournalRepository& repository) {
            const QString query = trimmedArgument(arguments, QStringLiteral("journal_name"));
            ToolOutput failure;
            if (!checkName(query, QStringLiteral("journal_name"), &failure))
                return failure;
            const int year = arguments.value(QStringLiteral("year")).toInt(0);
            SearchOptions options;
            options.limit = 10;
            const SearchResult result = repository.search(query, options);
            if (!result.ok())
                return ToolOutput::failure(result.error);
            QJsonObject structured{{QStringLiteral("query"), query},
                                   {QStringLiteral("total"), result.total},
                                   {QStringLiteral("results"), QJsonArray()}};
            if (year > 0)
                structured.insert(QStringLiteral("year"), year);
            if (result.matches.isEmpty() || result.matches.constFirst().kind == MatchKind::Fuzzy) {
                structured.insert(QStringLiteral("total"), 0);
                QStringList suggestions;
                for (const JournalMatch& match : result.matches)
                    suggestions << match.journal.title;
                return notFound(query, uniqueNames(suggestions).mid(0, 5), structured);
            }

            const MatchKind bestKind = result.matches.constFirst().kind;
            const int bestCount = isStrongMatch(bestKind) ? 3 : 1;
            QJsonArray results;
            QJsonArray more;
            QStringList detailTexts;
            QStringList moreLines;
            for (const JournalMatch& match : result.matches) {
                if (context.isCancelled())
                    return ToolOutput::failure(QStringLiteral("cancelled"));
                if (results.size() < bestCount && match.kind == bestKind) {
                    QString error;
                    const auto profile = repository.profile(match.journal.id, &error);
                    if (!profile) {
                        if (!error.isEmpty())
                            return ToolOutput::failure(error);
                        continue;
                    }
                    const JournalProfile shown = restrictToYear(*profile, year);
                    results.append(QJsonObject{{QStringLiteral("match"), match.toJson()},
                                               {QStringLiteral("profile"), shown.toJson()}});
                    QString text = JournalTextFormatter::profile(shown, year);
                    if (year > 0 && shown.jcr.isEmpty() && shown.cas.isEmpty())
                        text += QStringLiteral("\n(%1 年没有 JCR 或中科院数据 No JCR or CAS data for %1)").arg(year);
                    detailTexts << text;
                    context.progress(double(results.size()), double(bestCount), match.journal.title);
                } else {
                    more.append(match.toJson());
                    moreLines << QStringLiteral("  - ") + JournalTextFormatter::summaryLine(match.journal);
                }
            }
            structured.insert(QStringLiteral("found"), true);
            structured.insert(QStringLiteral("results"), results);
            structured.insert(QStringLiteral("moreMatches"), more);

            QStringList text;
            text << QStringLiteral("查询 Query \"%1\"%2: 共 %3 种期刊匹配 %3 journal(s) match; best first.")
                        .arg(query, year > 0 ? QStringLiteral(" (%1)").arg(year) : QString())
                        .arg(result.total);
            text << detailTexts.join(QStringLiteral("\n\n────────\n"));
            if (!moreLines.isEmpty()) {
                text << QString() << QStringLiteral("其他匹配 Further matches:") << moreLines;
                const int shown = int(results.size() + more.size());
                if (result.total > shown)
                    text << QStringLiteral("  … 另有 %1 种 and %1 more (refine the name)").arg(result.total - shown);
            }
            ToolOutput output;
            output.text = text.join(QLatin1Char('\n'));
            output.structured = structured;
            return output;
        });
    };
    return tool;
}

ToolDefinition JournalTools::partitionTrends(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("get_partition_trends");
    tool.title = QStringLiteral("Partition trends 分区趋势");
    tool.description = QStringLiteral(
        "Year-by-year impact factor, JCR quartile and CAS (中科院) partition of one journal, oldest first, with the "
        "direction of each (rising, falling, stable).");
    tool.inputSchema = objectSchema(
        {{QStringLiteral("journal_name"), journalNameArgument(QStringLiteral("Journal name, ISSN or abbreviation"))}},
        {QStringLiteral("journal_name")});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name asked for"))},
         {QStringLiteral("found"), foundProperty()},
         {QStringLiteral("trend"), anyObject(QStringLiteral("journal, points (oldest first) and directions"))},
         {QStringLiteral("suggestions"), suggestionsProperty()}},
        {QStringLiteral("query"), QStringLiteral("found")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext&) {
        return aboutOneJournal(
            backend, arguments, QStringLiteral("journal_name"),
            [](const JournalRepository& repository, const QString& query, const JournalMatch& match) {
                QString error;
                const auto trend = repository.trend(match.journal.id, &error);
                if (!trend)
                    return error.isEmpty() ? notFound(query, {}, {}) : ToolOutput::failure(error);
                ToolOutput output;
                output.text = JournalTextFormatter::trend(*trend);
                output.structured = QJsonObject{{QStringLiteral("query"), query},
                                                {QStringLiteral("found"), true},
                                                {QStringLiteral("trend"), trend->toJson()}};
                return output;
            });
    };
    return tool;
}

ToolDefinition JournalTools::warningJournals(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("check_warning_journals");
    tool.title = QStringLiteral("Warning list 国际期刊预警名单");
    tool.description = QStringLiteral(
        "Entries of the international journal warning list (国际期刊预警名单), every year. `keywords` (optional, "
        "comma-separated) keeps entries whose title or reason contains any of them; without it, every entry.");
    tool.inputSchema = objectSchema(
        {{QStringLiteral("keywords"),
          prop(QStringLiteral("string"),
               QStringLiteral("Optional words to match in the journal title or the reason, comma-separated, e.g. "
                              "\"Wireless, 论文工厂\"; leave out for the whole list"))},
         {QStringLiteral("year"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                      {QStringLiteral("description"), QStringLiteral("Optional list year, e.g. 2025")},
                      {QStringLiteral("minimum"), 1990},
                      {QStringLiteral("maximum"), 2100}}}});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("keywords"),
          arrayOf(prop(QStringLiteral("string"), QStringLiteral("A keyword")), QStringLiteral("The keywords used"))},
         {QStringLiteral("year"), prop(QStringLiteral("integer"), QStringLiteral("The year asked for, 0 = all"))},
         {QStringLiteral("total"), prop(QStringLiteral("integer"), QStringLiteral("Number of entries"))},
         {QStringLiteral("entries"),
          arrayOf(anyObject(QStringLiteral("warning and journal")), QStringLiteral("The matching entries"))}},
        {QStringLiteral("total"), QStringLiteral("entries")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext&) {
        return withRepository(backend, [&](const JournalRepository& repository) {
            const QStringList keywords = splitList(arguments.value(QStringLiteral("keywords")).toString());
            const int year = arguments.value(QStringLiteral("year")).toInt(0);
            QList<WarningEntry> entries;
            QSet<QString> seen;
            const QStringList queries = keywords.isEmpty() ? QStringList{QString()} : keywords;
            for (const QString& keyword : queries) {
                QString error;
                const QList<WarningEntry> found = repository.warnings(WarningQuery{year, keyword}, &error);
                if (!error.isEmpty())
                    return ToolOutput::failure(error);
                for (const WarningEntry& entry : found) {
                    const QString key =
                        QString::number(entry.warning.year) + QLatin1Char('|') + entry.warning.listedTitle;
                    if (!seen.contains(key)) {
                        seen.insert(key);
                        entries << entry;
                    }
                }
            }
            QJsonArray array;
            for (const WarningEntry& entry : std::as_const(entries))
                array.append(entry.toJson());
            ToolOutput output;
            output.text = warningsText(entries, keywords);
            output.structured = QJsonObject{{QStringLiteral("keywords"), toArray(keywords)},
                                            {QStringLiteral("year"), year},
                                            {QStringLiteral("total"), int(entries.size())},
                                            {QStringLiteral("entries"), array}};
            return output;
        });
    };
    return tool;
}

ToolDefinition JournalTools::compareJournals(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("compare_journals");
    tool.title = QStringLiteral("Compare journals 期刊对比");
    tool.description = QStringLiteral(
        "Compare several journals side by side (impact factor, JCR quartile, CAS partition and Top, warning list, "
        "CCF). `journal_list` is a comma-separated string (as in the original server) or an array of names/ISSNs; "
        "at most 20.");
    tool.inputSchema = objectSchema(
        {{QStringLiteral("journal_list"),
          QJsonObject{{QStringLiteral("description"),
                       QStringLiteral("Journals to compare: \"Nature, Science, Cell\" or [\"Nature\", \"Science\"]")},
                      {QStringLiteral("anyOf"),
                       QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                              {QStringLiteral("minLength"), 1}},
                                  QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                              {QStringLiteral("items"),
                                               QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}},
                                              {QStringLiteral("minItems"), 1},
                                              {QStringLiteral("maxItems"), MaxCompare}}}}}}},
        {QStringLiteral("journal_list")});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("requested"),
          arrayOf(prop(QStringLiteral("string"), QStringLiteral("A name")), QStringLiteral("The names compared"))},
         {QStringLiteral("journals"), arrayOf(anyObject(QStringLiteral("A journal profile")),
                                              QStringLiteral("The journals found, in request order"))},
         {QStringLiteral("notFound"),
          arrayOf(objectSchema({{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name"))},
                                {QStringLiteral("suggestions"),
                                 suggestionsProperty(QStringLiteral("Did you mean"), QStringLiteral("A title"))}}),
                  QStringLiteral("Names that matched no journal"))}},
        {QStringLiteral("requested"), QStringLiteral("journals"), QStringLiteral("notFound")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return withRepository(backend, [&](const JournalRepository& repository) {
            const QJsonValue list = arguments.value(QStringLiteral("journal_list"));
            QStringList names;
            if (list.isArray()) {
                for (const QJsonValue& entry : list.toArray())
                    names << splitList(entry.toString());
            } else {
                names = splitList(list.toString());
            }
            names.removeDuplicates();
            if (names.isEmpty())
                return ToolOutput::invalidArgument(QStringLiteral("journal_list"),
                                                   QStringLiteral("journal_list: give at least one journal name"));
            if (names.size() > MaxCompare)
                return ToolOutput::invalidArgument(
                    QStringLiteral("journal_list"),
                    QStringLiteral("journal_list: at most %1 journals can be compared at once").arg(MaxCompare));
            QJsonArray journals;
            QJsonArray notFoundList;
            QStringList rows;
            QStringList missing;
            for (int i = 0; i < names.size(); ++i) {
                if (context.isCancelled())
                    return ToolOutput::failure(QStringLiteral("cancelled"));
                const QString& name = names.at(i);
                if (name.size() > JournalRepository::MaxQueryLength) {
                    missing << name.left(40);
                    continue;
                }
                QString error;
                QStringList suggestions;
                const auto match = resolve(repository, name, &suggestions, &error);
                const auto profile = match ? repository.profile(match->journal.id, &error) : std::nullopt;
                if (!error.isEmpty())
                    return ToolOutput::failure(error);
                if (profile) {
                    journals.append(profile->toJson());
                    rows << QStringLiteral("%1. %2")
                                .arg(journals.size())
                                .arg(JournalTextFormatter::summaryLine(profile->summary));
                } else {
                    notFoundList.append(QJsonObject{{QStringLiteral("query"), name},
                                                    {QStringLiteral("suggestions"), toArray(suggestions)}});
                    missing << JournalTools::notFoundText(name, suggestions);
                }
                context.progress(i + 1, double(names.size()), name);
            }
            QStringList text;
            text << QStringLiteral("期刊对比 Journal comparison (%1 of %2 found):")
                        .arg(journals.size())
                        .arg(names.size());
            text << rows;
            if (!missing.isEmpty())
                text << QString() << missing;
            ToolOutput output;
            output.text = text.join(QLatin1Char('\n'));
            output.structured = QJsonObject{{QStringLiteral("requested"), toArray(names)},
                                            {QStringLiteral("journals"), journals},
                                            {QStringLiteral("notFound"), notFoundList}};
            return output;
        });
    };
    return tool;
}

ToolDefinition JournalTools::getJournal(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("get_journal");
    tool.title = QStringLiteral("Journal profile 期刊档案");
    tool.description = QStringLiteral(
        "The full profile of one journal (the best match for a name or ISSN): every JCR year with categories and "
        "ranks, every CAS edition with 大类/小类 partitions, warning-list entries, CCF, CCFT and XR facts.");
    tool.inputSchema = objectSchema(
        {{QStringLiteral("name_or_issn"),
          journalNameArgument(QStringLiteral("Journal title, abbreviation, Chinese title or ISSN/eISSN"))}},
        {QStringLiteral("name_or_issn")});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name or ISSN asked for"))},
         {QStringLiteral("found"), foundProperty()},
         {QStringLiteral("match"), anyObject(QStringLiteral("How the query matched the journal"))},
         {QStringLiteral("journal"), anyObject(QStringLiteral("The journal profile"))},
         {QStringLiteral("suggestions"), suggestionsProperty()}},
        {QStringLiteral("query"), QStringLiteral("found")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext&) {
        return aboutOneJournal(
            backend, arguments, QStringLiteral("name_or_issn"),
            [](const JournalRepository& repository, const QString& query, const JournalMatch& match) {
                QString error;
                const auto profile = repository.profile(match.journal.id, &error);
                if (!profile)
                    return error.isEmpty() ? notFound(query, {}, {}) : ToolOutput::failure(error);
                ToolOutput output;
                output.text = JournalTextFormatter::profile(*profile);
                output.structured = QJsonObject{{QStringLiteral("query"), query},
                                                {QStringLiteral("found"), true},
                                                {QStringLiteral("match"), match.toJson()},
                                                {QStringLiteral("journal"), profile->toJson()}};
                return output;
            });
    };
    return tool;
}

ToolDefinition JournalTools::filterJournals(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("filter_journals");
    tool.title = QStringLiteral("Filter journals 期刊筛选");
    tool.description = QStringLiteral(
        "List journals that meet criteria: CAS 大类 (major category) or 小类 (minor category), CAS partition, Top, "
        "JCR quartile, impact-factor range, open access, CCF class, data year. Sorted by impact factor (or title, "
        "partition); paged with `limit` and the `nextCursor` of the previous page.");
    const QJsonArray quartiles{QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")};
    tool.inputSchema = objectSchema({
        {QStringLiteral("major_category"),
         prop(QStringLiteral("string"),
              QStringLiteral("CAS 大类, exact, e.g. \"医学\", \"计算机科学\", \"综合性期刊\""))},
        {QStringLiteral("minor_category"),
         prop(QStringLiteral("string"),
              QStringLiteral("CAS 小类, part of its English or Chinese name, e.g. \"ONCOLOGY\""))},
        {QStringLiteral("cas_partition"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("integer")},
             {QStringLiteral("minimum"), 1},
             {QStringLiteral("maximum"), 4},
             {QStringLiteral("description"), QStringLiteral("CAS partition 1–4 (区); of the 小类 when one is given")}}},
        {QStringLiteral("top"),
         prop(QStringLiteral("boolean"), QStringLiteral("Only CAS Top journals (true) or non-Top (false)"))},
        {QStringLiteral("quartile"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                 {QStringLiteral("enum"), quartiles},
                                                 {QStringLiteral("description"), QStringLiteral("JCR quartile")}}},
        {QStringLiteral("min_impact_factor"), prop(QStringLiteral("number"), QStringLiteral("Lowest impact factor"))},
        {QStringLiteral("max_impact_factor"), prop(QStringLiteral("number"), QStringLiteral("Highest impact factor"))},
        {QStringLiteral("open_access"),
         prop(QStringLiteral("boolean"), QStringLiteral("Only open-access (true) or subscription (false) journals"))},
        {QStringLiteral("ccf_rank"),
         QJsonObject{
             {QStringLiteral("type"), QStringLiteral("string")},
             {QStringLiteral("enum"), QJsonArray{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}},
             {QStringLiteral("description"), QStringLiteral("CCF class")}}},
        {QStringLiteral("name_contains"), prop(QStringLiteral("string"), QStringLiteral("Part of the title"))},
        {QStringLiteral("year"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                     {QStringLiteral("minimum"), 1990},
                     {QStringLiteral("maximum"), 2100},
                     {QStringLiteral("description"), QStringLiteral("Data year; default the newest edition")}}},
        {QStringLiteral("sort_by"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("enum"), QJsonArray{QStringLiteral("impact_factor"), QStringLiteral("title"),
                                                         QStringLiteral("cas_partition")}},
                     {QStringLiteral("description"), QStringLiteral("Sort key, default impact_factor")}}},
        {QStringLiteral("descending"),
         prop(QStringLiteral("boolean"), QStringLiteral("Sort descending (default true)"))},
        {QStringLiteral("limit"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                     {QStringLiteral("minimum"), 1},
                     {QStringLiteral("maximum"), MaxFilterLimit},
                     {QStringLiteral("description"), QStringLiteral("Rows per page, default 20")}}},
        {QStringLiteral("cursor"),
         prop(QStringLiteral("string"), QStringLiteral("The nextCursor of the previous page, to get the next one"))},
    });
    tool.outputSchema = objectSchema(
        {{QStringLiteral("total"), prop(QStringLiteral("integer"), QStringLiteral("Journals that meet the criteria"))},
         {QStringLiteral("jcrYear"), prop(QStringLiteral("integer"), QStringLiteral("JCR year used"))},
         {QStringLiteral("casYear"), prop(QStringLiteral("integer"), QStringLiteral("CAS edition used"))},
         {QStringLiteral("offset"), prop(QStringLiteral("integer"), QStringLiteral("Index of the first row"))},
         {QStringLiteral("rows"), arrayOf(anyObject(QStringLiteral("A journal row")), QStringLiteral("This page"))},
         {QStringLiteral("nextCursor"),
          prop(QStringLiteral("string"), QStringLiteral("Pass as `cursor` for the next page"))}},
        {QStringLiteral("total"), QStringLiteral("rows")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return withRepository(backend, [&](const JournalRepository& repository) {
            FilterCriteria criteria;
            criteria.majorCategory = trimmedArgument(arguments, QStringLiteral("major_category"));
            criteria.minorCategory = trimmedArgument(arguments, QStringLiteral("minor_category"));
            criteria.casPartition = arguments.value(QStringLiteral("cas_partition")).toInt(0);
            if (arguments.value(QStringLiteral("top")).isBool())
                criteria.top = arguments.value(QStringLiteral("top")).toBool();
            criteria.quartile = arguments.value(QStringLiteral("quartile")).toString();
            if (arguments.value(QStringLiteral("min_impact_factor")).isDouble())
                criteria.minImpactFactor = arguments.value(QStringLiteral("min_impact_factor")).toDouble();
            if (arguments.value(QStringLiteral("max_impact_factor")).isDouble())
                criteria.maxImpactFactor = arguments.value(QStringLiteral("max_impact_factor")).toDouble();
            if (arguments.value(QStringLiteral("open_access")).isBool())
                criteria.openAccess = arguments.value(QStringLiteral("open_access")).toBool();
            criteria.ccfRank = arguments.value(QStringLiteral("ccf_rank")).toString();
            criteria.nameContains = trimmedArgument(arguments, QStringLiteral("name_contains"));
            criteria.year = arguments.value(QStringLiteral("year")).toInt(0);
            if (arguments.contains(QStringLiteral("sort_by")))
                criteria.sortBy = arguments.value(QStringLiteral("sort_by")).toString();
            criteria.descending = arguments.value(QStringLiteral("descending")).toBool(true);
            criteria.limit = arguments.value(QStringLiteral("limit")).toInt(20);
            if (arguments.contains(QStringLiteral("cursor")) &&
                !PageCursor::decode(arguments.value(QStringLiteral("cursor")).toString(),
                                    QStringLiteral("filter_journals"), &criteria.offset))
                return ToolOutput::invalidArgument(
                    QStringLiteral("cursor"),
                    QStringLiteral("cursor: not a cursor of filter_journals; pass the nextCursor of the previous page "
                                   "unchanged, or leave it out for the first page"));
            if (criteria.minImpactFactor && criteria.maxImpactFactor &&
                *criteria.minImpactFactor > *criteria.maxImpactFactor)
                return ToolOutput::invalidArgument(
                    QStringLiteral("min_impact_factor"),
                    QStringLiteral("min_impact_factor: is larger than max_impact_factor"));
            context.progress(0.5, 1, QStringLiteral("filtering"));
            const FilterResult result = repository.filter(criteria);
            if (!result.ok())
                return ToolOutput::failure(result.error);
            QJsonArray rows;
            for (const FilterRow& row : result.rows)
                rows.append(row.toJson());
            QJsonObject structured{{QStringLiteral("total"), result.total},
                                   {QStringLiteral("jcrYear"), result.jcrYear},
                                   {QStringLiteral("casYear"), result.casYear},
                                   {QStringLiteral("offset"), criteria.offset},
                                   {QStringLiteral("rows"), rows}};
            const int next = criteria.offset + int(result.rows.size());
            QString text = JournalTextFormatter::filterResult(result);
            if (!result.rows.isEmpty() && next < result.total) {
                const QString cursor = PageCursor::encode(QStringLiteral("filter_journals"), next);
                structured.insert(QStringLiteral("nextCursor"), cursor);
                text += QStringLiteral("\n下一页 Next page: call again with cursor \"%1\"").arg(cursor);
            }
            ToolOutput output;
            output.text = text;
            output.structured = structured;
            return output;
        });
    };
    return tool;
}

} // namespace jcr::mcp
