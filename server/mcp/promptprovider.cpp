#include "promptprovider.h"

#include "journalbackend.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "journaltools.h"
#include "jsonrpc.h"

#include <QJsonDocument>
#include <QUrl>

namespace jcr::mcp {

namespace {

const QString analysisName = QStringLiteral("journal_analysis_prompt");
const QString adviceName = QStringLiteral("submission_advice");

QJsonObject argument(const QString& name,
                     const QString& title,
                     const QString& description,
                     bool required,
                     const QString& protocolVersion)
{
    QJsonObject object{{QStringLiteral("name"), name},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("required"), required}};
    if (protocolVersion >= QLatin1String("2025-06-18"))
        object.insert(QStringLiteral("title"), title);
    return object;
}

QJsonObject userText(const QString& text)
{
    return QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                       {QStringLiteral("content"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("text")}, {QStringLiteral("text"), text}}}};
}

QJsonObject userResource(const QString& uri, const QJsonObject& body)
{
    return QJsonObject{{QStringLiteral("role"), QStringLiteral("user")},
                       {QStringLiteral("content"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("resource")},
                                    {QStringLiteral("resource"),
                                     QJsonObject{{QStringLiteral("uri"), uri},
                                                 {QStringLiteral("mimeType"), QStringLiteral("application/json")},
                                                 {QStringLiteral("text"), QString::fromUtf8(QJsonDocument(body).toJson(
                                                                              QJsonDocument::Compact))}}}}}};
}

QString stringArgument(const QJsonObject& arguments, const QString& name, bool required)
{
    const QJsonValue value = arguments.value(name);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
        if (required)
            throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Missing required argument: %1").arg(name),
                               QJsonObject{{QStringLiteral("field"), name}}};
        return QString();
    }
    if (!value.isString())
        throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("%1: expected string").arg(name),
                           QJsonObject{{QStringLiteral("field"), name}}};
    const QString text = value.toString().simplified();
    if (text.size() > 2000)
        throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("%1: too long").arg(name),
                           QJsonObject{{QStringLiteral("field"), name}}};
    return text;
}

std::optional<JournalProfile>
resolvedProfile(const JournalRepository& repository, const QString& name, QStringList* suggestions, QString* error)
{
    const auto match = JournalTools::resolve(repository, name, suggestions, error);
    return match ? repository.profile(match->journal.id, error) : std::nullopt;
}

QString journalUri(const QString& name)
{
    return QStringLiteral("jcr://journal/") + QString::fromUtf8(QUrl::toPercentEncoding(name));
}

} // namespace

PromptProvider::PromptProvider(JournalBackend& backend) : m_backend(backend)
{
}

QJsonArray PromptProvider::prompts(const QString& protocolVersion) const
{
    const bool titles = protocolVersion >= QLatin1String("2025-06-18");
    QJsonObject analysis{
        {QStringLiteral("name"), analysisName},
        {QStringLiteral("description"),
         QStringLiteral("Analyse one journal (impact factor trend, JCR quartile, CAS partition, warning list, CCF) "
                        "from its real data in the database. 期刊分析")},
        {QStringLiteral("arguments"),
         QJsonArray{argument(QStringLiteral("journal_name"), QStringLiteral("Journal 期刊"),
                             QStringLiteral("Journal title, abbreviation or ISSN"), true, protocolVersion)}}};
    QJsonObject advice{
        {QStringLiteral("name"), adviceName},
        {QStringLiteral("description"),
         QStringLiteral("Advice on where to submit a manuscript: compares candidate journals, or suggests strong "
                        "journals of a CAS major category, from real data. 投稿建议")},
        {QStringLiteral("arguments"),
         QJsonArray{argument(QStringLiteral("research_topic"), QStringLiteral("Research topic 研究方向"),
                             QStringLiteral("What the manuscript is about"), true, protocolVersion),
                    argument(QStringLiteral("candidate_journals"), QStringLiteral("Candidate journals 候选期刊"),
                             QStringLiteral("Comma-separated journals under consideration"), false, protocolVersion),
                    argument(QStringLiteral("major_category"), QStringLiteral("CAS major category 大类"),
                             QStringLiteral("CAS 大类 to draw further candidates from, e.g. 医学"), false,
                             protocolVersion)}}};
    if (titles) {
        analysis.insert(QStringLiteral("title"), QStringLiteral("Journal analysis 期刊分析"));
        advice.insert(QStringLiteral("title"), QStringLiteral("Submission advice 投稿建议"));
    }
    return QJsonArray{analysis, advice};
}

QJsonObject PromptProvider::get(const QString& name, const QJsonObject& arguments, const QString& protocolVersion) const
{
    if (name == analysisName)
        return analysis(arguments, protocolVersion);
    if (name == adviceName)
        return submissionAdvice(arguments, protocolVersion);
    throw JsonRpcError{JsonRpc::InvalidParams, QStringLiteral("Unknown prompt: %1").arg(name),
                       QJsonObject{{QStringLiteral("known"), QJsonArray{analysisName, adviceName}}}};
}

QJsonObject PromptProvider::analysis(const QJsonObject& arguments, const QString&) const
{
    const QString journal = stringArgument(arguments, QStringLiteral("journal_name"), true);
    QJsonArray messages;
    QString error;
    QStringList suggestions;
    const JournalRepository* repository = m_backend.repository(&error);
    if (!repository) {
        messages.append(userText(QStringLiteral("I wanted to analyse the journal \"%1\", but the journal database is "
                                                "not available: %2")
                                     .arg(journal, error)));
    } else if (const auto profile = resolvedProfile(*repository, journal, &suggestions, &error)) {
        messages.append(userText(
            QStringLiteral("请分析期刊《%1》。Please analyse the journal \"%1\" for a researcher deciding whether to "
                           "submit there. Use only the data below from the JCR / CAS (中科院) / warning-list / CCF "
                           "database; say where data is missing.\n\n"
                           "Cover: 1) impact factor and its trend (影响因子趋势); 2) JCR quartile and category ranks "
                           "(JCR 分区); 3) CAS partition, Top status and minor categories (中科院分区); 4) whether it "
                           "is on the warning list (预警名单) and why; 5) CCF / CCFT rank if any; 6) an overall "
                           "assessment of its standing and risks.\n\n%2")
                .arg(profile->summary.title, JournalTextFormatter::profile(*profile))));
        messages.append(userResource(journalUri(profile->summary.title), profile->toJson()));
    } else {
        messages.append(userText(QStringLiteral("I wanted to analyse the journal \"%1\", but it is not in the JCR / "
                                                "CAS database. %2 Please ask me which journal I meant.")
                                     .arg(journal, JournalTools::notFoundText(journal, suggestions))));
    }
    return QJsonObject{{QStringLiteral("description"), QStringLiteral("Analysis of %1").arg(journal)},
                       {QStringLiteral("messages"), messages}};
}

QJsonObject PromptProvider::submissionAdvice(const QJsonObject& arguments, const QString&) const
{
    const QString topic = stringArgument(arguments, QStringLiteral("research_topic"), true);
    const QStringList candidates =
        JournalTools::splitList(stringArgument(arguments, QStringLiteral("candidate_journals"), false));
    const QString category = stringArgument(arguments, QStringLiteral("major_category"), false);

    QStringList data;
    QString error;
    const JournalRepository* repository = m_backend.repository(&error);
    if (!repository) {
        data << QStringLiteral("(The journal database is not available: %1)").arg(error);
    } else {
        for (const QString& name : candidates.mid(0, JournalTools::MaxCompare)) {
            QString profileError;
            QStringList close;
            if (const auto profile = resolvedProfile(*repository, name, &close, &profileError))
                data << QStringLiteral("- ") + JournalTextFormatter::summaryLine(profile->summary);
            else
                data << QStringLiteral("- ") + JournalTools::notFoundText(name, close);
        }
        if (!category.isEmpty()) {
            FilterCriteria criteria;
            criteria.majorCategory = category;
            criteria.limit = 15;
            const FilterResult result = repository->filter(criteria);
            if (result.ok() && !result.rows.isEmpty())
                data << QString()
                     << QStringLiteral("Strong journals of 大类 %1 (%2 in total), by impact factor:")
                            .arg(category)
                            .arg(result.total)
                     << JournalTextFormatter::filterResult(result);
            else if (!result.ok())
                data << QStringLiteral("(Filter failed: %1)").arg(result.error);
            else
                data << QStringLiteral("(No journal found in 大类 \"%1\".)").arg(category);
        }
    }
    QString text =
        QStringLiteral("我需要投稿建议。I need advice on where to submit a manuscript about: %1\n\n"
                       "Weigh impact factor, JCR quartile, CAS (中科院) partition and Top status, warning-list "
                       "status (avoid listed journals), CCF rank where relevant, and the fit with the topic. Rank the "
                       "options, explain the trade-offs, and suggest a first choice and a fallback.")
            .arg(topic);
    if (!data.isEmpty())
        text += QStringLiteral("\n\nData from the JCR / CAS database:\n") + data.join(QLatin1Char('\n'));
    else
        text += QStringLiteral("\n\nNo candidates were given: ask me for candidate journals or a CAS major category "
                               "(大类), or use the filter_journals tool.");
    return QJsonObject{{QStringLiteral("description"), QStringLiteral("Submission advice for %1").arg(topic)},
                       {QStringLiteral("messages"), QJsonArray{userText(text)}}};
}

QStringList PromptProvider::complete(const QString& prompt, const QString& argument, const QString& value) const
{
    const JournalRepository* repository = m_backend.repository();
    if (!repository)
        return {};
    if (prompt == analysisName && argument == QLatin1String("journal_name"))
        return JournalTools::uniqueNames(repository->completeNames(value.simplified(), 100));
    if (prompt == adviceName && argument == QLatin1String("candidate_journals")) {
        // Complete the last name of the list, keeping the names before it.
        const int cut = int(value.lastIndexOf(QLatin1Char(','))) + 1;
        const QString head = value.left(cut);
        QStringList values;
        for (const QString& name :
             JournalTools::uniqueNames(repository->completeNames(value.mid(cut).simplified(), 100)))
            values << (head.isEmpty() ? name : head + QLatin1Char(' ') + name);
        return values;
    }
    if (prompt == adviceName && argument == QLatin1String("major_category")) {
        QStringList values;
        for (const QString& category : repository->casMajorCategories()) {
            if (category.contains(value.trimmed(), Qt::CaseInsensitive))
                values << category;
        }
        return values;
    }
    return {};
}

} // namespace jcr::mcp
