#include "comparejournalstool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "requestcontext.h"
#include "toolschema.h"

#include <QJsonArray>

namespace jcr::mcp {

using namespace toolschema;

ToolDefinition CompareJournalsTool::create(JournalBackend& backend)
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
                                              {QStringLiteral("maxItems"), JournalTools::MaxCompare}}}}}}},
        {QStringLiteral("journal_list")});
    tool.outputSchema = objectSchema(
        {{QStringLiteral("requested"),
          arrayOf(prop(QStringLiteral("string"), QStringLiteral("A name")), QStringLiteral("The names compared"))},
         {QStringLiteral("journals"), arrayOf(journalProfileSchema(QStringLiteral("A journal profile")),
                                              QStringLiteral("The journals found, in request order"))},
         {QStringLiteral("notFound"),
          arrayOf(objectSchema({{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name"))},
                                {QStringLiteral("suggestions"),
                                 suggestionsProperty(QStringLiteral("Did you mean"), QStringLiteral("A title"))}}),
                  QStringLiteral("Names that matched no journal"))},
         {QStringLiteral("matches"),
          arrayOf(objectSchema({{QStringLiteral("query"), prop(QStringLiteral("string"), QStringLiteral("The name"))},
                                {QStringLiteral("title"),
                                 prop(QStringLiteral("string"), QStringLiteral("The journal it was taken for"))},
                                {QStringLiteral("matchedBy"),
                                 prop(QStringLiteral("string"),
                                      QStringLiteral("exact title, ISSN, short name, abbreviation (…), acronym, "
                                                     "close spelling, …; \", ambiguous\" for a name of several "
                                                     "journals"))},
                                {QStringLiteral("matchedName"),
                                 prop(QStringLiteral("string"), QStringLiteral("The name or ISSN that matched"))},
                                {QStringLiteral("ambiguous"),
                                 prop(QStringLiteral("boolean"), QStringLiteral("The name stands for several "
                                                                                "journals; this is the best"))}}),
                  QStringLiteral("How each found name matched, in the order of journals"))}},
        {QStringLiteral("requested"), QStringLiteral("journals"), QStringLiteral("notFound")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return JournalTools::withRepository(backend, [&](const JournalRepository& repository) {
            const QJsonValue list = arguments.value(QStringLiteral("journal_list"));
            QStringList names;
            if (list.isArray()) {
                for (const QJsonValue& entry : list.toArray())
                    names << JournalTools::splitList(entry.toString());
            } else {
                names = JournalTools::splitList(list.toString());
            }
            names.removeDuplicates();
            if (names.isEmpty())
                return ToolOutput::invalidArgument(QStringLiteral("journal_list"),
                                                   QStringLiteral("journal_list: give at least one journal name"));
            if (names.size() > JournalTools::MaxCompare)
                return ToolOutput::invalidArgument(
                    QStringLiteral("journal_list"),
                    QStringLiteral("journal_list: at most %1 journals can be compared at once")
                        .arg(JournalTools::MaxCompare));
            QJsonArray journals;
            QJsonArray matches;
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
                const auto match = JournalTools::resolve(repository, name, &suggestions, &error);
                const auto profile = match ? repository.profile(match->journal.id, &error) : std::nullopt;
                if (!error.isEmpty())
                    return ToolOutput::failure(error);
                if (profile) {
                    journals.append(profile->toJson());
                    matches.append(QJsonObject{{QStringLiteral("query"), name},
                                               {QStringLiteral("title"), profile->summary.title},
                                               {QStringLiteral("matchedBy"), match->matchedBy()},
                                               {QStringLiteral("matchedName"), match->matchedName},
                                               {QStringLiteral("ambiguous"), match->ambiguous}});
                    rows << QStringLiteral("%1. %2\n   (\"%3\" %4)")
                                .arg(journals.size())
                                .arg(JournalTextFormatter::summaryLine(profile->summary), name, match->matchNote());
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
                                            {QStringLiteral("matches"), matches},
                                            {QStringLiteral("notFound"), notFoundList}};
            return output;
        });
    };
    return tool;
}

} // namespace jcr::mcp
