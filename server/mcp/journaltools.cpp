#include "journaltools.h"

#include "checkreferencestool.h"
#include "comparejournalstool.h"
#include "filterjournalstool.h"
#include "getjournaltool.h"
#include "partitiontrendstool.h"
#include "searchjournaltool.h"
#include "toolschema.h"
#include "warningjournalstool.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace jcr::mcp {

void JournalTools::registerAll(ToolRegistry& registry, JournalBackend& backend)
{
    registry.setDataVersion([&backend] { return backend.dataVersion(); });
    registry.add(SearchJournalTool::create(backend));
    registry.add(PartitionTrendsTool::create(backend));
    registry.add(WarningJournalsTool::create(backend));
    registry.add(CompareJournalsTool::create(backend));
    registry.add(GetJournalTool::create(backend));
    registry.add(FilterJournalsTool::create(backend));
    registry.add(CheckReferencesTool::create(backend));
}

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
                                                  QString* error,
                                                  QList<JournalMatch>* alternatives)
{
    SearchOptions options;
    options.limit = 5;
    const SearchResult result = repository.search(query, options);
    if (!result.ok()) {
        if (error)
            *error = result.error;
        return std::nullopt;
    }
    if (result.resolved) {
        const JournalMatch& best = result.matches.constFirst();
        for (qsizetype i = 1; alternatives && best.ambiguous && i < result.matches.size(); ++i) {
            if (result.matches.at(i).ambiguous)
                alternatives->append(result.matches.at(i));
        }
        return best;
    }
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
                                                          ToolOutput* answer,
                                                          QList<JournalMatch>* alternatives)
{
    *query = trimmedArgument(arguments, field);
    if (!checkName(*query, field, answer))
        return std::nullopt;
    QString error;
    QStringList suggestions;
    const std::optional<JournalMatch> match = resolve(repository, *query, &suggestions, &error, alternatives);
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
        QList<JournalMatch> alternatives;
        const std::optional<JournalMatch> match =
            journalArgument(repository, arguments, field, &query, &failure, &alternatives);
        return match ? answer(repository, query, *match, alternatives) : failure;
    });
}

void JournalTools::describeMatch(const QString& query,
                                 const JournalMatch& match,
                                 const QList<JournalMatch>& alternatives,
                                 QJsonObject* structured,
                                 QString* text)
{
    structured->insert(QStringLiteral("matchedBy"), match.matchedBy());
    structured->insert(QStringLiteral("match"), match.toJson());
    structured->insert(QStringLiteral("ambiguous"), match.ambiguous);
    QStringList lines{QStringLiteral("查询 Query \"%1\": %2").arg(query, match.matchNote())};
    if (match.ambiguous) {
        QJsonArray others;
        QStringList titles;
        for (const JournalMatch& other : alternatives) {
            others.append(other.toJson());
            titles << other.journal.title;
        }
        structured->insert(QStringLiteral("alternatives"), others);
        lines << QStringLiteral("歧义 Ambiguous: \"%1\" also names %2").arg(query, titles.join(QStringLiteral("; ")));
    }
    *text = lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") + *text;
}

QJsonObject JournalTools::withMatchProperties(QJsonObject properties)
{
    using namespace toolschema;
    const QJsonObject added{
        {QStringLiteral("matchedBy"),
         prop(QStringLiteral("string"),
              QStringLiteral(
                  "How the name matched: exact title, ISSN, short name, abbreviation (ISO 4 / MEDLINE / CCF / "
                  "other list), acronym, start of the name, part of the name, close spelling; "
                  "\", ambiguous\" when it names several journals"))},
        {QStringLiteral("match"), anyObject(QStringLiteral("How the query matched the journal"))},
        {QStringLiteral("ambiguous"),
         prop(QStringLiteral("boolean"), QStringLiteral("The name stands for several journals; see alternatives"))},
        {QStringLiteral("alternatives"),
         arrayOf(anyObject(QStringLiteral("Another journal of that name")),
                 QStringLiteral("The other journals an ambiguous name stands for, best first"))}};
    for (auto it = added.begin(); it != added.end(); ++it)
        properties.insert(it.key(), it.value());
    return properties;
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

QString JournalTools::trimmedArgument(const QJsonObject& arguments, const QString& name)
{
    return arguments.value(name).toString().simplified();
}

bool JournalTools::checkName(const QString& value, const QString& field, ToolOutput* failure)
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

ToolOutput JournalTools::notFound(const QString& query, const QStringList& suggestions, QJsonObject structured)
{
    structured.insert(QStringLiteral("query"), query);
    structured.insert(QStringLiteral("found"), false);
    structured.insert(QStringLiteral("suggestions"), toolschema::toArray(suggestions));
    ToolOutput output;
    output.text = notFoundText(query, suggestions);
    output.structured = structured;
    return output;
}

bool JournalTools::isStrongMatch(MatchKind kind)
{
    return kind == MatchKind::Exact || kind == MatchKind::Issn || kind == MatchKind::Alias ||
           kind == MatchKind::Abbreviation;
}

} // namespace jcr::mcp
