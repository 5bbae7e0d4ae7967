#include "warningjournalstool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "requestcontext.h"
#include "toolschema.h"

#include <QJsonArray>

namespace jcr::mcp {

using namespace toolschema;

namespace {

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

ToolDefinition WarningJournalsTool::create(JournalBackend& backend)
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
        return JournalTools::withRepository(backend, [&](const JournalRepository& repository) {
            const QStringList keywords =
                JournalTools::splitList(arguments.value(QStringLiteral("keywords")).toString());
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

} // namespace jcr::mcp
