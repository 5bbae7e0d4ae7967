#include "searchjournaltool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "requestcontext.h"
#include "toolschema.h"

#include <QJsonArray>

namespace jcr::mcp {

using namespace toolschema;

ToolDefinition SearchJournalTool::create(JournalBackend& backend)
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
         {QStringLiteral("matchedBy"),
          prop(QStringLiteral("string"),
               QStringLiteral("How the best match matched: exact title, ISSN, short name, abbreviation (ISO 4 / "
                              "MEDLINE / CCF / other list), acronym, start of the name, part of the name, close "
                              "spelling; \", ambiguous\" when the name stands for several journals"))},
         {QStringLiteral("ambiguous"),
          prop(QStringLiteral("boolean"), QStringLiteral("The name stands for several journals, listed best first"))},
         {QStringLiteral("results"),
          arrayOf(objectSchema(
                      {{QStringLiteral("match"), anyObject(QStringLiteral("How the journal matched"))},
                       {QStringLiteral("profile"), journalProfileSchema(QStringLiteral("Every fact of the journal"))}},
                      {QStringLiteral("match"), QStringLiteral("profile")}),
                  QStringLiteral("The best matches with all their facts"))},
         {QStringLiteral("moreMatches"),
          arrayOf(anyObject(QStringLiteral("A further match")), QStringLiteral("Further matches, briefly"))},
         {QStringLiteral("suggestions"),
          suggestionsProperty(QStringLiteral("Did you mean: close titles when nothing matched"))}},
        {QStringLiteral("query"), QStringLiteral("found"), QStringLiteral("total"), QStringLiteral("results")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return JournalTools::withRepository(backend, [&](const JournalRepository& repository) {
            const QString query = JournalTools::trimmedArgument(arguments, QStringLiteral("journal_name"));
            ToolOutput failure;
            if (!JournalTools::checkName(query, QStringLiteral("journal_name"), &failure))
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
            if (!result.resolved) {
                structured.insert(QStringLiteral("total"), 0);
                QStringList suggestions;
                for (const JournalMatch& match : result.matches)
                    suggestions << match.journal.title;
                return JournalTools::notFound(query, JournalTools::uniqueNames(suggestions).mid(0, 5), structured);
            }

            const MatchKind bestKind = result.matches.constFirst().kind;
            const int bestCount = JournalTools::isStrongMatch(bestKind) ? 3 : 1;
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
                    const JournalProfile shown = JournalTools::restrictToYear(*profile, year);
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
            const JournalMatch& best = result.matches.constFirst();
            structured.insert(QStringLiteral("found"), true);
            structured.insert(QStringLiteral("matchedBy"), best.matchedBy());
            structured.insert(QStringLiteral("ambiguous"), best.ambiguous);
            structured.insert(QStringLiteral("results"), results);
            structured.insert(QStringLiteral("moreMatches"), more);

            QStringList text;
            text << QStringLiteral("查询 Query \"%1\"%2: 共 %3 种期刊匹配 %3 journal(s) match; best first, %4.")
                        .arg(query, year > 0 ? QStringLiteral(" (%1)").arg(year) : QString())
                        .arg(result.total)
                        .arg(best.matchNote());
            if (best.ambiguous)
                text << QStringLiteral("歧义 Ambiguous: \"%1\" names several journals; check which one is meant.")
                            .arg(query);
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

} // namespace jcr::mcp
