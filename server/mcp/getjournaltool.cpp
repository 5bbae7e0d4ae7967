#include "getjournaltool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "requestcontext.h"
#include "toolschema.h"

namespace jcr::mcp {

using namespace toolschema;

ToolDefinition GetJournalTool::create(JournalBackend& backend)
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
        JournalTools::withMatchProperties(
            {{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name or ISSN asked for"))},
             {QStringLiteral("found"), foundProperty()},
             {QStringLiteral("journal"), journalProfileSchema(QStringLiteral("The journal profile"))},
             {QStringLiteral("suggestions"), suggestionsProperty()}}),
        {QStringLiteral("query"), QStringLiteral("found")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext&) {
        return JournalTools::aboutOneJournal(
            backend, arguments, QStringLiteral("name_or_issn"),
            [](const JournalRepository& repository, const QString& query, const JournalMatch& match,
               const QList<JournalMatch>& alternatives) {
                QString error;
                const auto profile = repository.profile(match.journal.id, &error);
                if (!profile)
                    return error.isEmpty() ? JournalTools::notFound(query, {}, {}) : ToolOutput::failure(error);
                ToolOutput output;
                output.text = JournalTextFormatter::profile(*profile);
                output.structured = QJsonObject{{QStringLiteral("query"), query},
                                                {QStringLiteral("found"), true},
                                                {QStringLiteral("journal"), profile->toJson()}};
                JournalTools::describeMatch(query, match, alternatives, &output.structured, &output.text);
                return output;
            });
    };
    return tool;
}

} // namespace jcr::mcp
