#include "partitiontrendstool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "requestcontext.h"
#include "toolschema.h"

namespace jcr::mcp {

using namespace toolschema;

ToolDefinition PartitionTrendsTool::create(JournalBackend& backend)
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
        JournalTools::withMatchProperties(
            {{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name asked for"))},
             {QStringLiteral("found"), foundProperty()},
             {QStringLiteral("trend"), anyObject(QStringLiteral("journal, points (oldest first) and directions"))},
             {QStringLiteral("suggestions"), suggestionsProperty()}}),
        {QStringLiteral("query"), QStringLiteral("found")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext&) {
        return JournalTools::aboutOneJournal(
            backend, arguments, QStringLiteral("journal_name"),
            [](const JournalRepository& repository, const QString& query, const JournalMatch& match,
               const QList<JournalMatch>& alternatives) {
                QString error;
                const auto trend = repository.trend(match.journal.id, &error);
                if (!trend)
                    return error.isEmpty() ? JournalTools::notFound(query, {}, {}) : ToolOutput::failure(error);
                ToolOutput output;
                output.text = JournalTextFormatter::trend(*trend);
                output.structured = QJsonObject{{QStringLiteral("query"), query},
                                                {QStringLiteral("found"), true},
                                                {QStringLiteral("trend"), trend->toJson()}};
                JournalTools::describeMatch(query, match, alternatives, &output.structured, &output.text);
                return output;
            });
    };
    return tool;
}

} // namespace jcr::mcp
