#include "filterjournalstool.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "pagecursor.h"
#include "requestcontext.h"
#include "toolschema.h"

#include <QJsonArray>

namespace jcr::mcp {

using namespace toolschema;

ToolDefinition FilterJournalsTool::create(JournalBackend& backend)
{
    ToolDefinition tool;
    tool.name = QStringLiteral("filter_journals");
    tool.title = QStringLiteral("Filter journals 期刊筛选");
    tool.description = QStringLiteral(
        "List journals that meet criteria: CAS 大类 (major category) or 小类 (minor category), CAS partition, Top, "
        "JCR quartile, impact-factor range, open access, data year; and CCF venues (journals and conferences) by "
        "CCF class, CCF field (领域) and venue type, e.g. CCF-A conferences in 人工智能. Sorted by impact factor (or "
        "title, partition); paged with `limit` and the `nextCursor` of the previous page.");
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
             {QStringLiteral("description"),
              QStringLiteral("CCF class (推荐类型), in the CCF list in force in `year` (default the newest list)")}}},
        {QStringLiteral("ccf_field"),
         prop(QStringLiteral("string"),
              QStringLiteral("CCF field (领域), Chinese or English, e.g. \"人工智能\" / \"artificial intelligence\", "
                             "\"数据挖掘\" / \"data mining\", \"网络与信息安全\" / \"security\"; lists the venues "
                             "of that field in the CCF list"))},
        {QStringLiteral("venue_type"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                     {QStringLiteral("enum"), QJsonArray{QStringLiteral("journal"), QStringLiteral("conference")}},
                     {QStringLiteral("description"),
                      QStringLiteral("Only journals (期刊) or only conferences (会议). Conferences have no JCR or CAS "
                                     "data; with ccf_rank or ccf_field they are those of the CCF list")}}},
        {QStringLiteral("name_contains"), prop(QStringLiteral("string"), QStringLiteral("Part of the title"))},
        {QStringLiteral("year"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                     {QStringLiteral("minimum"), 1990},
                     {QStringLiteral("maximum"), 2100},
                     {QStringLiteral("description"),
                      QStringLiteral("Data year: the JCR, CAS and CCF editions used are the newest not after it "
                                     "(e.g. 2026 gives CCF 2026 with JCR 2025); default the newest")}}},
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
                     {QStringLiteral("maximum"), JournalTools::MaxFilterLimit},
                     {QStringLiteral("description"), QStringLiteral("Rows per page, default 20")}}},
        {QStringLiteral("cursor"),
         prop(QStringLiteral("string"), QStringLiteral("The nextCursor of the previous page, to get the next one"))},
    });
    tool.outputSchema = objectSchema(
        {{QStringLiteral("total"), prop(QStringLiteral("integer"), QStringLiteral("Journals that meet the criteria"))},
         {QStringLiteral("jcrYear"), prop(QStringLiteral("integer"), QStringLiteral("JCR year used"))},
         {QStringLiteral("casYear"), prop(QStringLiteral("integer"), QStringLiteral("CAS edition used"))},
         {QStringLiteral("ccfEdition"),
          prop(QStringLiteral("integer"), QStringLiteral("CCF list used, when ccf_rank or ccf_field was given"))},
         {QStringLiteral("ccfField"),
          prop(QStringLiteral("string"),
               QStringLiteral("The CCF field as the list names it, when ccf_field was given"))},
         {QStringLiteral("offset"), prop(QStringLiteral("integer"), QStringLiteral("Index of the first row"))},
         {QStringLiteral("rows"), arrayOf(anyObject(QStringLiteral("A journal row")), QStringLiteral("This page"))},
         {QStringLiteral("nextCursor"),
          prop(QStringLiteral("string"), QStringLiteral("Pass as `cursor` for the next page"))}},
        {QStringLiteral("total"), QStringLiteral("rows")});
    tool.annotations = readOnlyAnnotations(tool.title);
    tool.handler = [&backend](const QJsonObject& arguments, RequestContext& context) {
        return JournalTools::withRepository(backend, [&](const JournalRepository& repository) {
            FilterCriteria criteria;
            criteria.majorCategory = JournalTools::trimmedArgument(arguments, QStringLiteral("major_category"));
            criteria.minorCategory = JournalTools::trimmedArgument(arguments, QStringLiteral("minor_category"));
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
            criteria.ccfField = JournalTools::trimmedArgument(arguments, QStringLiteral("ccf_field"));
            criteria.venueType = arguments.value(QStringLiteral("venue_type")).toString();
            criteria.nameContains = JournalTools::trimmedArgument(arguments, QStringLiteral("name_contains"));
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
            if (result.ccfEdition)
                structured.insert(QStringLiteral("ccfEdition"), result.ccfEdition);
            if (!result.ccfField.isEmpty())
                structured.insert(QStringLiteral("ccfField"), result.ccfField);
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
