#include "checkreferencestool.h"

#include "journalbackend.h"
#include "journaltools.h"
#include "referencechecker.h"
#include "referencereportformatter.h"
#include "requestcontext.h"
#include "toolschema.h"

#include <QLoggingCategory>

#include <algorithm>

Q_DECLARE_LOGGING_CATEGORY(lcMcp)

namespace jcr::mcp {

using namespace toolschema;

namespace {

QJsonObject nullable(const QString& type, const QString& description)
{
    return QJsonObject{{QStringLiteral("type"), QJsonArray{type, QStringLiteral("null")}},
                       {QStringLiteral("description"), description}};
}

QJsonObject countsObject(const QString& description)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), description},
        {QStringLiteral("additionalProperties"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}}}};
}

QJsonObject journalSchema()
{
    QJsonObject journal = objectSchema(
        {{QStringLiteral("id"), prop(QStringLiteral("integer"), QStringLiteral("Journal id in this database"))},
         {QStringLiteral("title"),
          prop(QStringLiteral("string"), QStringLiteral("The journal's or conference's title"))},
         {QStringLiteral("issn"), nullable(QStringLiteral("string"), QStringLiteral("Print ISSN"))},
         {QStringLiteral("eissn"), nullable(QStringLiteral("string"), QStringLiteral("Electronic ISSN"))},
         {QStringLiteral("venueType"), prop(QStringLiteral("string"), QStringLiteral("journal or conference"))}},
        {QStringLiteral("title"), QStringLiteral("issn"), QStringLiteral("eissn")});
    journal.insert(QStringLiteral("type"), QJsonArray{QStringLiteral("object"), QStringLiteral("null")});
    journal.insert(QStringLiteral("description"),
                   QStringLiteral("The journal or conference the venue resolved to; null when it did not"));
    return journal;
}

QJsonObject entrySchema()
{
    const QStringList statuses{QStringLiteral("resolved"),    QStringLiteral("ambiguous"),
                               QStringLiteral("unresolved"),  QStringLiteral("preprint"),
                               QStringLiteral("no_venue"),    QStringLiteral("missing_venue"),
                               QStringLiteral("placeholder"), QStringLiteral("invalid")};
    QJsonObject status = prop(QStringLiteral("string"), QStringLiteral("What became of the entry"));
    status.insert(QStringLiteral("enum"), toArray(statuses));
    return objectSchema(
        {{QStringLiteral("key"),
          prop(QStringLiteral("string"), QStringLiteral("Citation key, RIS ID, CSL id or \"line N\""))},
         {QStringLiteral("line"), nullable(QStringLiteral("integer"), QStringLiteral("Line where the entry starts"))},
         {QStringLiteral("type"), prop(QStringLiteral("string"), QStringLiteral("Entry type as written"))},
         {QStringLiteral("venueAsWritten"),
          prop(QStringLiteral("string"), QStringLiteral("Journal or proceedings title as written, LaTeX decoded"))},
         {QStringLiteral("status"), status},
         {QStringLiteral("detail"),
          nullable(QStringLiteral("string"), QStringLiteral("Preprint server, entry type, placeholder or problem"))},
         {QStringLiteral("matchedBy"),
          nullable(QStringLiteral("string"),
                   QStringLiteral("How the venue matched: exact, issn, abbreviation, close spelling, conference "
                                  "acronym, …"))},
         {QStringLiteral("matchedName"), nullable(QStringLiteral("string"), QStringLiteral("The name that matched"))},
         {QStringLiteral("journal"), journalSchema()},
         {QStringLiteral("candidates"),
          arrayOf(prop(QStringLiteral("string"), QStringLiteral("A journal title")),
                  QStringLiteral("Journals an ambiguous name may mean, or close titles of an unresolved one"))},
         {QStringLiteral("facts"),
          nullable(QStringLiteral("object"),
                   QStringLiteral("jcrYear, impactFactor, quartile, casYear, casMajorCategory, casPartition, "
                                  "casTop, ccfRank, ccfEdition, warnings; null when not resolved"))}},
        {QStringLiteral("key"), QStringLiteral("venueAsWritten"), QStringLiteral("status"), QStringLiteral("journal")});
}

/// A list of thousands of entries takes seconds: the client hears how far it is (about a hundred steps, not
/// one notification per entry), and a cancelled request stops at the next entry.
bool reportProgress(RequestContext& context, int checked, int total)
{
    if (context.isCancelled())
        return false;
    const int step = std::max(1, (total + 99) / 100);
    if (context.wantsProgress() && (checked % step == 0 || checked == total))
        context.progress(checked, total, QStringLiteral("%1 of %2 entries checked").arg(checked).arg(total));
    return true;
}

} // namespace

QJsonObject CheckReferencesTool::inputSchema()
{
    return objectSchema(
        {{QStringLiteral("text"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                      {QStringLiteral("minLength"), 1},
                      {QStringLiteral("description"),
                       QStringLiteral("The reference list: BibTeX, RIS, CSL-JSON, or one journal name, "
                                      "abbreviation or ISSN per line. At most 5,000 entries and 2 MB")}}},
         {QStringLiteral("year"),
          QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                      {QStringLiteral("description"),
                       QStringLiteral("Optional JCR/CAS edition and warning-list year, e.g. 2024; newest when left "
                                      "out")},
                      {QStringLiteral("minimum"), 1990},
                      {QStringLiteral("maximum"), 2100}}}},
        {QStringLiteral("text")});
}

QJsonObject CheckReferencesTool::outputSchema()
{
    const QJsonObject summary = objectSchema(
        {{QStringLiteral("entries"), prop(QStringLiteral("integer"), QStringLiteral("Entries read"))},
         {QStringLiteral("byStatus"), countsObject(QStringLiteral("Entries per status"))},
         {QStringLiteral("jcrQuartiles"), countsObject(QStringLiteral("Resolved journals per JCR quartile"))},
         {QStringLiteral("casZones"), countsObject(QStringLiteral("Resolved journals per CAS 大类 zone"))},
         {QStringLiteral("casTop"), prop(QStringLiteral("integer"), QStringLiteral("CAS Top journals"))},
         {QStringLiteral("ccfClasses"), countsObject(QStringLiteral("Resolved venues per CCF class"))},
         {QStringLiteral("warningHits"), arrayOf(anyObject(QStringLiteral("key, venueAsWritten, title, warningYears")),
                                                 QStringLiteral("Entries whose journal is on the warning list"))},
         {QStringLiteral("unresolved"),
          arrayOf(anyObject(QStringLiteral("key, venueAsWritten, status")),
                  QStringLiteral("Entries that need attention: unresolved, ambiguous, missing or placeholder venue, "
                                 "unreadable"))}},
        {QStringLiteral("entries"), QStringLiteral("warningHits"), QStringLiteral("unresolved")});
    return objectSchema(
        {{QStringLiteral("format"),
          prop(QStringLiteral("string"), QStringLiteral("Detected format: bibtex, ris, csl-json or plain"))},
         {QStringLiteral("year"), prop(QStringLiteral("integer"), QStringLiteral("The year asked for, 0 = newest"))},
         {QStringLiteral("summary"), summary},
         {QStringLiteral("entries"), arrayOf(entrySchema(), QStringLiteral("One object per entry, in list order"))}},
        {QStringLiteral("format"), QStringLiteral("summary"), QStringLiteral("entries")});
}

ToolDefinition CheckReferencesTool::create(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("check_references");
    tool.title = QStringLiteral("Check a reference list 检查参考文献");
    tool.description = QStringLiteral(
        "Checks every entry of a reference list at once: BibTeX/BibLaTeX, RIS, CSL-JSON, or plain lines with one "
        "journal name, abbreviation or ISSN each (format detected). For each entry: the venue as written, the "
        "journal or conference it resolves to and how it matched, newest (or `year`) impact factor and JCR "
        "quartile, CAS 大类 partition and Top, CCF class and warning-list (预警) entries. Books, preprints "
        "(arXiv, bioRxiv, SSRN…), placeholders and unknown venues are reported as such, never guessed. Summary "
        "first: counts by quartile, CAS zone and CCF class, warning hits and unresolved entries by name.");
    tool.inputSchema = inputSchema();
    tool.outputSchema = outputSchema();
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return JournalTools::withRepository(backend, [&](const JournalRepository& repository) {
            const QString text = arguments.value(QStringLiteral("text")).toString();
            const int year = arguments.value(QStringLiteral("year")).toInt(0);
            ReferenceChecker checker(repository);
            checker.setProgress([&context](int checked, int total) { return reportProgress(context, checked, total); });
            const ReferenceReport report = checker.check(text, year);
            if (report.stopped) {
                qCDebug(lcMcp).noquote() << "check_references:" << report.error;
                return ToolOutput::failure(QStringLiteral("cancelled"));
            }
            if (!report.ok())
                return ToolOutput::invalidArgument(QStringLiteral("text"), report.error);
            ToolOutput output;
            output.text = ReferenceReportFormatter::text(report);
            output.structured = report.toJson();
            return output;
        });
    };
    return tool;
}

} // namespace jcr::mcp
