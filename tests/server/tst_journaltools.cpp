// The journal tools, resources, prompts and completion through the engine, on a small synthetic database
// built from tests/server/data (invented journals in the ShowJCR file layout).

#include "engineharness.h"
#include "fixturedatabase.h"
#include "jsonrpc.h"
#include "jsonschemavalidator.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using jcr::test::EngineHarness;
using namespace jcr::mcp;

namespace {

QString textOf(const QJsonObject& result)
{
    QStringList texts;
    for (const QJsonValue& block : result.value(QStringLiteral("content")).toArray())
        texts << block.toObject().value(QStringLiteral("text")).toString();
    return texts.join(QLatin1Char('\n'));
}

QJsonObject resultOf(const QJsonObject& reply)
{
    return reply.value(QStringLiteral("result")).toObject();
}

} // namespace

class TestJournalTools : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trendsOfJournalsSharingAnIssn_data();
    void trendsOfJournalsSharingAnIssn();
    void init();
    void cleanup();

    void everyToolConformsToItsOutputSchema_data();
    void everyToolConformsToItsOutputSchema();
    void profilesCarryCitationAbbreviations_data();
    void profilesCarryCitationAbbreviations();
    void searchJournalGivesEveryYear();
    void searchJournalYearNarrows();
    void clearTypoIsAnswered_data();
    void clearTypoIsAnswered();
    void compareAcceptsStringAndArray_data();
    void compareAcceptsStringAndArray();
    void compareNamesTheBrokenRule_data();
    void compareNamesTheBrokenRule();
    void checkReferencesEntries();
    void checkReferencesRefusesBinaryText();
    void checkReferencesProgressAndCancel_data();
    void checkReferencesProgressAndCancel();
    void filterPagesWithCursor();
    void filterRejectsForeignCursor();
    void filterCcfVenues_data();
    void filterCcfVenues();
    void warningKeywords_data();
    void warningKeywords();
    void olderVersionsGetJsonText();
    void compareReportsProgress();
    void resources();
    void journalResource_data();
    void journalResource();
    void prompts();
    void completion_data();
    void completion();

private:
    QTemporaryDir m_dir;
    QString m_database;
    std::unique_ptr<EngineHarness> m_harness;
};

void TestJournalTools::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("fixture.db"));
    QString error;
    QVERIFY2(EngineHarness::buildFixtureDatabase(m_database, &error), qPrintable(error));
}

void TestJournalTools::init()
{
    m_harness = std::make_unique<EngineHarness>(m_database);
    m_harness->initialize();
}

void TestJournalTools::cleanup()
{
    m_harness.reset();
}

void TestJournalTools::everyToolConformsToItsOutputSchema_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("expectedText");
    QTest::addRow("search_journal") << "search_journal"
                                    << QJsonObject{{QStringLiteral("journal_name"),
                                                    QStringLiteral("Journal of Testing Science")}}
                                    << "12.5";
    QTest::addRow("search_journal by ISSN")
        << "search_journal" << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("1234-5679")}}
        << "Journal of Testing Science";
    QTest::addRow("search_journal not found")
        << "search_journal" << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("Zzyzx Quarterly")}}
        << "not found";
    QTest::addRow("get_partition_trends")
        << "get_partition_trends" << QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("Testing Letters")}}
        << "3.9";
    QTest::addRow("check_warning_journals all") << "check_warning_journals" << QJsonObject{} << "Acta Examplica";
    QTest::addRow("compare_journals") << "compare_journals"
                                      << QJsonObject{{QStringLiteral("journal_list"),
                                                      QStringLiteral("Testing Letters, Acta Examplica")}}
                                      << "Acta Examplica";
    QTest::addRow("get_journal") << "get_journal"
                                 << QJsonObject{{QStringLiteral("name_or_issn"),
                                                 QStringLiteral("Computing Examples Journal")}}
                                 << "CCF";
    QTest::addRow("get_journal close spelling")
        << "get_journal" << QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("Journal of Testing Sciense")}}
        << "matched by close spelling: Journal of Testing Science";
    QTest::addRow("get_journal not found")
        << "get_journal" << QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("Zzyzx Quarterly")}}
        << "not found";
    QTest::addRow("compare_journals close spelling")
        << "compare_journals"
        << QJsonObject{{QStringLiteral("journal_list"), QStringLiteral("Testing Leters, 3456-7891")}}
        << "matched by close spelling: Testing Letters";
    QTest::addRow("filter_journals") << "filter_journals"
                                     << QJsonObject{{QStringLiteral("major_category"), QStringLiteral("工程技术")}}
                                     << "Journal of Testing Science";
    QTest::addRow("filter_journals top") << "filter_journals"
                                         << QJsonObject{{QStringLiteral("top"), true},
                                                        {QStringLiteral("min_impact_factor"), 20}}
                                         << "Example Reviews in Medicine";
    QTest::addRow("filter_journals CCF field") << "filter_journals"
                                               << QJsonObject{{QStringLiteral("ccf_field"), QStringLiteral("theory")},
                                                              {QStringLiteral("ccf_rank"), QStringLiteral("A")}}
                                               << "CEJ";
    QTest::addRow("check_references") << "check_references"
                                      << QJsonObject{{QStringLiteral("text"),
                                                      QStringLiteral(
                                                          "@article{a, journal = {Journal of Testing Science}}\n"
                                                          "@article{b, journal = {Acta Examplica}}\n"
                                                          "@misc{c, eprint = {2101.00001}, archivePrefix = {arXiv}}\n"
                                                          "@article{d, journal = {[FILL]}}\n")}}
                                      << "Warning list: [b] Acta Examplica";
    QTest::addRow("check_references plain list with year")
        << "check_references"
        << QJsonObject{{QStringLiteral("text"), QStringLiteral("Journal of Testing Science\nZzyzx Quarterly\n")},
                       {QStringLiteral("year"), 2024}}
        << "Unresolved: [line 2] Zzyzx Quarterly";
}

void TestJournalTools::everyToolConformsToItsOutputSchema()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, expectedText);
    QJsonObject outputSchema;
    for (const ToolDefinition& definition : m_harness->tools.tools()) {
        if (definition.name == tool)
            outputSchema = definition.outputSchema;
    }
    QVERIFY(!outputSchema.isEmpty());
    const QJsonObject result = resultOf(m_harness->callTool(tool, arguments));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), false);
    QVERIFY(result.value(QStringLiteral("structuredContent")).isObject());
    JsonSchemaValidator::Failure failure;
    QVERIFY2(JsonSchemaValidator::validate(outputSchema, result.value(QStringLiteral("structuredContent")), &failure),
             qPrintable(failure.message));
    const QString text = textOf(result);
    QVERIFY2(text.contains(expectedText, Qt::CaseInsensitive), qPrintable(text));
}

void TestJournalTools::profilesCarryCitationAbbreviations_data()
{
    // Each tool that embeds a profile, on the mini data set synced with the fixture JabRef lists.
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<QString>("profileAt"); ///< where the structured content holds the profile
    const QString alpha = QStringLiteral("Alpha Journal of Testing");
    QTest::addRow("get_journal") << "get_journal" << QJsonObject{{QStringLiteral("name_or_issn"), alpha}} << "journal";
    QTest::addRow("search_journal") << "search_journal" << QJsonObject{{QStringLiteral("journal_name"), alpha}}
                                    << "results";
    QTest::addRow("compare_journals") << "compare_journals"
                                      << QJsonObject{{QStringLiteral("journal_list"), QJsonArray{alpha}}} << "journals";
}

void TestJournalTools::profilesCarryCitationAbbreviations()
{
    QFETCH(QString, tool);
    QFETCH(QJsonObject, arguments);
    QFETCH(QString, profileAt);
    const QString database = m_dir.filePath(QStringLiteral("abbreviations.db"));
    QString error;
    if (!QFile::exists(database))
        QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), database, &error,
                                          jcr::test::fixturesDir() + QStringLiteral("/abbrv")),
                 qPrintable(error));
    EngineHarness harness(database);
    harness.initialize();
    QJsonObject outputSchema;
    for (const ToolDefinition& definition : harness.tools.tools()) {
        if (definition.name == tool)
            outputSchema = definition.outputSchema;
    }
    const QJsonObject result = resultOf(harness.callTool(tool, arguments));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), false);
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    JsonSchemaValidator::Failure failure;
    QVERIFY2(JsonSchemaValidator::validate(outputSchema, structured, &failure), qPrintable(failure.message));
    const QJsonValue at = structured.value(profileAt);
    QJsonObject profile = at.toObject();
    if (at.isArray())
        profile = at.toArray().first().toObject();
    if (profileAt == QLatin1String("results"))
        profile = profile.value(QStringLiteral("profile")).toObject();
    const QJsonArray expected{QJsonObject{{QStringLiteral("abbreviation"), QStringLiteral("Alpha J. Test.")},
                                          {QStringLiteral("kind"), QStringLiteral("iso4")}},
                              QJsonObject{{QStringLiteral("abbreviation"), QStringLiteral("Alpha J Test")},
                                          {QStringLiteral("kind"), QStringLiteral("medline")}},
                              QJsonObject{{QStringLiteral("abbreviation"), QStringLiteral("AJT")},
                                          {QStringLiteral("kind"), QStringLiteral("other")}}};
    QCOMPARE(profile.value(QStringLiteral("citationAbbreviations")).toArray(), expected);
    // compare_journals shows one summary line per journal, the others the whole profile.
    if (tool != QLatin1String("compare_journals"))
        QVERIFY2(textOf(result).contains(QStringLiteral("缩写 Citation abbreviations: ISO 4 Alpha J. Test. · MEDLINE "
                                                        "Alpha J Test · 其他 other AJT")),
                 qPrintable(textOf(result)));
}

void TestJournalTools::searchJournalGivesEveryYear()
{
    const QJsonObject result = resultOf(m_harness->callTool(
        QStringLiteral("search_journal"),
        QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("journal of testing science")}}));
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(structured.value(QStringLiteral("found")).toBool(), true);
    const QJsonObject profile = structured.value(QStringLiteral("results"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("profile"))
                                    .toObject();
    QCOMPARE(profile.value(QStringLiteral("jcr")).toArray().size(), 2);
    QCOMPARE(profile.value(QStringLiteral("cas")).toArray().size(), 2);
    QCOMPARE(profile.value(QStringLiteral("jcr"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("impactFactor"))
                 .toDouble(),
             12.5);
    const QString text = textOf(result);
    QVERIFY2(text.contains(QStringLiteral("中科院")) && text.contains(QStringLiteral("Impact factor")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("10.1"))); // 2024 too
}

void TestJournalTools::searchJournalYearNarrows()
{
    const QJsonObject result = resultOf(
        m_harness->callTool(QStringLiteral("search_journal"),
                            QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("Journal of Testing Science")},
                                        {QStringLiteral("year"), 2024}}));
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(structured.value(QStringLiteral("year")).toInt(), 2024);
    const QJsonObject profile = structured.value(QStringLiteral("results"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("profile"))
                                    .toObject();
    const QJsonArray jcr = profile.value(QStringLiteral("jcr")).toArray();
    QCOMPARE(jcr.size(), 1);
    QCOMPARE(jcr.at(0).toObject().value(QStringLiteral("year")).toInt(), 2024);
    QCOMPARE(profile.value(QStringLiteral("cas")).toArray().size(), 0);
}

void TestJournalTools::clearTypoIsAnswered_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("typo");
    QTest::addColumn<QString>("suggestion");
    QTest::addRow("get_journal") << "get_journal"
                                 << "name_or_issn"
                                 << "Testing Leters"
                                 << "Testing Letters";
    QTest::addRow("trends") << "get_partition_trends"
                            << "journal_name"
                            << "Acta Examplca"
                            << "Acta Examplica";
    QTest::addRow("search") << "search_journal"
                            << "journal_name"
                            << "Computing Exampels Journal"
                            << "Computing Examples Journal";
}

void TestJournalTools::clearTypoIsAnswered()
{
    // Each typo has one clearly closest title in the fixture: it is answered with that journal, and the answer says
    // it is a close spelling (the "did you mean" answer for unclear typos: tst_journalrepository, tst_realdata).
    QFETCH(QString, tool);
    QFETCH(QString, argument);
    QFETCH(QString, typo);
    QFETCH(QString, suggestion);
    const QJsonObject result = resultOf(m_harness->callTool(tool, QJsonObject{{argument, typo}}));
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    QVERIFY2(structured.value(QStringLiteral("found")).toBool(), QJsonDocument(structured).toJson().constData());
    QCOMPARE(structured.value(QStringLiteral("matchedBy")).toString(), QStringLiteral("close spelling"));
    QVERIFY2(textOf(result).contains(QStringLiteral("matched by close spelling: ") + suggestion),
             qPrintable(textOf(result)));
}

void TestJournalTools::compareAcceptsStringAndArray_data()
{
    QTest::addColumn<QJsonValue>("list");
    QTest::addColumn<int>("found");
    QTest::addColumn<int>("missing");
    QTest::addRow("comma string") << QJsonValue(QStringLiteral("Testing Letters, Acta Examplica")) << 2 << 0;
    QTest::addRow("Chinese separators") << QJsonValue(QStringLiteral("Testing Letters，Acta Examplica；1234-5679")) << 3
                                        << 0;
    QTest::addRow("array") << QJsonValue(QJsonArray{QStringLiteral("Testing Letters"),
                                                    QStringLiteral("Example Reviews in Medicine")})
                           << 2 << 0;
    QTest::addRow("with unknown") << QJsonValue(QStringLiteral("Testing Letters, Qwertyuiop Annals")) << 1 << 1;
}

void TestJournalTools::compareAcceptsStringAndArray()
{
    QFETCH(QJsonValue, list);
    QFETCH(int, found);
    QFETCH(int, missing);
    const QJsonObject structured = resultOf(m_harness->callTool(QStringLiteral("compare_journals"),
                                                                QJsonObject{{QStringLiteral("journal_list"), list}}))
                                       .value(QStringLiteral("structuredContent"))
                                       .toObject();
    QCOMPARE(structured.value(QStringLiteral("journals")).toArray().size(), found);
    QCOMPARE(structured.value(QStringLiteral("notFound")).toArray().size(), missing);
}

void TestJournalTools::compareNamesTheBrokenRule_data()
{
    QTest::addColumn<QJsonValue>("list");
    QTest::addColumn<QString>("message"); // what the isError text must say
    QJsonArray tooMany;
    for (int i = 0; i < 21; ++i)
        tooMany.append(QStringLiteral("Journal %1").arg(i));
    // The rule of the alternative the value's type matches, not "expected string or array, got array".
    QTest::addRow("21 items") << QJsonValue(tooMany) << QStringLiteral("journal_list: has more than 20 items");
    QTest::addRow("empty array") << QJsonValue(QJsonArray{}) << QStringLiteral("journal_list: needs at least 1 item");
    QTest::addRow("empty string") << QJsonValue(QString()) << QStringLiteral("journal_list: must not be empty");
    QTest::addRow("array of numbers") << QJsonValue(QJsonArray{1, 2})
                                      << QStringLiteral("journal_list[0]: expected string, got integer");
    QTest::addRow("number") << QJsonValue(7) << QStringLiteral("journal_list: expected string or array, got integer");
}

void TestJournalTools::compareNamesTheBrokenRule()
{
    QFETCH(QJsonValue, list);
    QFETCH(QString, message);
    const QJsonObject result = resultOf(
        m_harness->callTool(QStringLiteral("compare_journals"), QJsonObject{{QStringLiteral("journal_list"), list}}));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    QVERIFY2(textOf(result).contains(message), qPrintable(textOf(result)));
}

void TestJournalTools::checkReferencesEntries()
{
    const QJsonObject result = resultOf(m_harness->callTool(
        QStringLiteral("check_references"),
        QJsonObject{{QStringLiteral("text"), QStringLiteral("TY  - JOUR\nID  - r1\nJF  - Journal of Testing Science\n"
                                                            "ER  - \nTY  - BOOK\nID  - r2\nER  - \n")}}));
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(structured.value(QStringLiteral("format")).toString(), QStringLiteral("ris"));
    const QJsonArray entries = structured.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 2);
    const QJsonObject first = entries.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("key")).toString(), QStringLiteral("r1"));
    QCOMPARE(first.value(QStringLiteral("venueAsWritten")).toString(), QStringLiteral("Journal of Testing Science"));
    QCOMPARE(first.value(QStringLiteral("matchedBy")).toString(), QStringLiteral("exact"));
    QCOMPARE(first.value(QStringLiteral("journal")).toObject().value(QStringLiteral("issn")).toString(),
             QStringLiteral("1234-5679"));
    QCOMPARE(first.value(QStringLiteral("facts")).toObject().value(QStringLiteral("impactFactor")).toDouble(), 12.5);
    const QJsonObject second = entries.at(1).toObject();
    QCOMPARE(second.value(QStringLiteral("status")).toString(), QStringLiteral("no_venue"));
    QVERIFY(second.value(QStringLiteral("journal")).isNull());
    // Summary first, then one line per entry.
    const QStringList lines = textOf(result).split(QLatin1Char('\n'));
    QVERIFY2(lines.first().startsWith(QStringLiteral("参考文献检查 Reference check: 2 entries (ris)")),
             qPrintable(lines.first()));
    QVERIFY(lines.last().startsWith(QStringLiteral("[r2]")));
}

void TestJournalTools::checkReferencesProgressAndCancel_data()
{
    QTest::addColumn<int>("entries");
    QTest::addColumn<bool>("cancelAtFirstProgress");
    QTest::addColumn<int>("expectedNotifications");
    QTest::newRow("3 entries: one step each") << 3 << false << 3;
    QTest::newRow("250 entries: about a hundred steps") << 250 << false << 84; // every 3rd, and the last
    QTest::newRow("cancelled at the first step") << 250 << true << 1;
}

void TestJournalTools::checkReferencesProgressAndCancel()
{
    QFETCH(int, entries);
    QFETCH(bool, cancelAtFirstProgress);
    QFETCH(int, expectedNotifications);
    QStringList names;
    for (int i = 0; i < entries; ++i)
        names << (i % 2 ? QStringLiteral("Journal of Testing Science") : QStringLiteral("Unknown Journal %1").arg(i));
    if (cancelAtFirstProgress) {
        QObject::connect(&m_harness->engine, &McpEngine::notificationReady, [this](const QJsonObject& message) {
            if (message.value(QStringLiteral("method")).toString() == QLatin1String("notifications/progress"))
                m_harness->notify(QStringLiteral("notifications/cancelled"),
                                  QJsonObject{{QStringLiteral("requestId"), QStringLiteral("refs")}});
        });
    }
    const QList<QJsonValue> replies = m_harness->send(QJsonObject{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), QStringLiteral("refs")},
        {QStringLiteral("method"), QStringLiteral("tools/call")},
        {QStringLiteral("params"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("check_references")},
                     {QStringLiteral("arguments"), QJsonObject{{QStringLiteral("text"), names.join(u'\n')}}},
                     {QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), 5}}}}}});
    QCOMPARE(m_harness->notifications.size(), expectedNotifications);
    double last = 0;
    for (const QJsonObject& notification : std::as_const(m_harness->notifications)) {
        const QJsonObject params = notification.value(QStringLiteral("params")).toObject();
        QCOMPARE(params.value(QStringLiteral("total")).toDouble(), double(entries));
        QVERIFY(params.value(QStringLiteral("progress")).toDouble() > last);
        last = params.value(QStringLiteral("progress")).toDouble();
    }
    if (cancelAtFirstProgress) {
        QVERIFY(replies.isEmpty()); // a cancelled request is not answered
        QCOMPARE(m_harness->engine.session().requestsInFlight(), 0);
        return;
    }
    QCOMPARE(last, double(entries));
    QCOMPARE(replies.size(), 1);
    const QJsonObject structured =
        resultOf(replies.first().toObject()).value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(structured.value(QStringLiteral("entries")).toArray().size(), entries);
}

void TestJournalTools::checkReferencesRefusesBinaryText()
{
    const QJsonObject result =
        resultOf(m_harness->callTool(QStringLiteral("check_references"),
                                     QJsonObject{{QStringLiteral("text"), QStringLiteral("Nature\u0001\u0002")}}));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    QVERIFY2(textOf(result).contains(QStringLiteral("binary data")), qPrintable(textOf(result)));
}

void TestJournalTools::filterPagesWithCursor()
{
    QStringList titles;
    QJsonObject arguments{{QStringLiteral("limit"), 2}};
    int total = -1;
    for (int page = 0; page < 10; ++page) {
        const QJsonObject structured = resultOf(m_harness->callTool(QStringLiteral("filter_journals"), arguments))
                                           .value(QStringLiteral("structuredContent"))
                                           .toObject();
        total = structured.value(QStringLiteral("total")).toInt();
        const QJsonArray rows = structured.value(QStringLiteral("rows")).toArray();
        QVERIFY(rows.size() <= 2);
        for (const QJsonValue& row : rows)
            titles
                << row.toObject().value(QStringLiteral("journal")).toObject().value(QStringLiteral("title")).toString();
        if (!structured.contains(QStringLiteral("nextCursor")))
            break;
        arguments.insert(QStringLiteral("cursor"), structured.value(QStringLiteral("nextCursor")));
    }
    QCOMPARE(titles.size(), total);
    QVERIFY(total >= 5);
    titles.removeDuplicates();
    QCOMPARE(titles.size(), total);
}

void TestJournalTools::filterRejectsForeignCursor()
{
    const QJsonObject result = resultOf(m_harness->callTool(
        QStringLiteral("filter_journals"), QJsonObject{{QStringLiteral("cursor"), QStringLiteral("bogus")}}));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), true);
    QVERIFY(textOf(result).contains(QStringLiteral("cursor")));
}

void TestJournalTools::filterCcfVenues_data()
{
    QTest::addColumn<QJsonObject>("arguments");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("text");     // in the text answer
    QTest::addColumn<QStringList>("rows"); // the CCF abbreviations of the rows
    QTest::addRow("field in English") << QJsonObject{{QStringLiteral("ccf_field"),
                                                      QStringLiteral("Computer Science Theory")}}
                                      << false << QStringLiteral("计算机科学理论") << QStringList{"CEJ"};
    QTest::addRow("field in Chinese, journals")
        << QJsonObject{{QStringLiteral("ccf_field"), QStringLiteral("计算机科学理论")},
                       {QStringLiteral("venue_type"), QStringLiteral("journal")},
                       {QStringLiteral("year"), 2026}}
        << false << QStringLiteral("CCF 2022") << QStringList{"CEJ"};
    QTest::addRow("no conferences in the field")
        << QJsonObject{{QStringLiteral("ccf_field"), QStringLiteral("theory")},
                       {QStringLiteral("venue_type"), QStringLiteral("conference")}}
        << false << QStringLiteral("0") << QStringList{};
    QTest::addRow("unknown field") << QJsonObject{{QStringLiteral("ccf_field"), QStringLiteral("astrology")}} << true
                                   << QStringLiteral("not a CCF field") << QStringList{};
    QTest::addRow("venue type outside the enum")
        << QJsonObject{{QStringLiteral("venue_type"), QStringLiteral("workshop")}} << true
        << QStringLiteral("venue_type") << QStringList{};
}

void TestJournalTools::filterCcfVenues()
{
    QFETCH(QJsonObject, arguments);
    QFETCH(bool, isError);
    QFETCH(QString, text);
    QFETCH(QStringList, rows);
    const QJsonObject result = resultOf(m_harness->callTool(QStringLiteral("filter_journals"), arguments));
    QCOMPARE(result.value(QStringLiteral("isError")).toBool(), isError);
    QVERIFY2(textOf(result).contains(text), qPrintable(textOf(result)));
    if (isError)
        return;
    const QJsonObject structured = result.value(QStringLiteral("structuredContent")).toObject();
    QCOMPARE(structured.value(QStringLiteral("ccfEdition")).toInt(), 2022);
    QCOMPARE(structured.value(QStringLiteral("ccfField")).toString(), QStringLiteral("计算机科学理论"));
    QStringList abbreviations;
    for (const QJsonValue& row : structured.value(QStringLiteral("rows")).toArray())
        abbreviations << row.toObject().value(QStringLiteral("ccfAbbreviation")).toString();
    QCOMPARE(abbreviations, rows);
}

void TestJournalTools::warningKeywords_data()
{
    QTest::addColumn<QString>("keywords");
    QTest::addColumn<int>("entries");
    QTest::addRow("title word") << "Examplica" << 1;
    QTest::addRow("reason") << "论文工厂" << 1;
    QTest::addRow("two keywords, one entry") << "Examplica, 论文工厂" << 1;
    QTest::addRow("no match") << "Nonexistent" << 0;
}

void TestJournalTools::warningKeywords()
{
    QFETCH(QString, keywords);
    QFETCH(int, entries);
    const QJsonObject result = resultOf(m_harness->callTool(QStringLiteral("check_warning_journals"),
                                                            QJsonObject{{QStringLiteral("keywords"), keywords}}));
    QCOMPARE(result.value(QStringLiteral("structuredContent")).toObject().value(QStringLiteral("total")).toInt(),
             entries);
    QVERIFY(textOf(result).contains(QStringLiteral("预警")));
}

void TestJournalTools::olderVersionsGetJsonText()
{
    EngineHarness old(m_database);
    old.initialize(QStringLiteral("2025-03-26"));
    const QJsonObject result =
        resultOf(old.callTool(QStringLiteral("get_journal"),
                              QJsonObject{{QStringLiteral("name_or_issn"), QStringLiteral("Testing Letters")}}));
    QVERIFY(!result.contains(QStringLiteral("structuredContent")));
    const QJsonArray content = result.value(QStringLiteral("content")).toArray();
    QCOMPARE(content.size(), 2);
    const QJsonObject json =
        QJsonDocument::fromJson(content.at(1).toObject().value(QStringLiteral("text")).toString().toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("found")).toBool(), true);
}

void TestJournalTools::compareReportsProgress()
{
    const QJsonObject reply =
        m_harness->request(QStringLiteral("tools/call"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("compare_journals")},
                                       {QStringLiteral("arguments"),
                                        QJsonObject{{QStringLiteral("journal_list"),
                                                     QStringLiteral("Testing Letters, Acta Examplica, Nope Nope")}}},
                                       {QStringLiteral("_meta"), QJsonObject{{QStringLiteral("progressToken"), 1}}}});
    QVERIFY(reply.contains(QStringLiteral("result")));
    QCOMPARE(m_harness->notifications.size(), 3);
    QCOMPARE(m_harness->notifications.last()
                 .value(QStringLiteral("params"))
                 .toObject()
                 .value(QStringLiteral("progress"))
                 .toDouble(),
             3.0);
}

void TestJournalTools::resources()
{
    const QJsonArray list =
        resultOf(m_harness->request(QStringLiteral("resources/list"))).value(QStringLiteral("resources")).toArray();
    QStringList uris;
    for (const QJsonValue& entry : list)
        uris << entry.toObject().value(QStringLiteral("uri")).toString();
    QCOMPARE(uris, (QStringList{QStringLiteral("jcr://database-info"), QStringLiteral("jcr://health")}));
    const QJsonArray templates = resultOf(m_harness->request(QStringLiteral("resources/templates/list")))
                                     .value(QStringLiteral("resourceTemplates"))
                                     .toArray();
    QCOMPARE(templates.at(0).toObject().value(QStringLiteral("uriTemplate")).toString(),
             QStringLiteral("jcr://journal/{name_or_issn}"));

    for (const QString& uri : std::as_const(uris)) {
        const QJsonArray contents =
            resultOf(m_harness->request(QStringLiteral("resources/read"), QJsonObject{{QStringLiteral("uri"), uri}}))
                .value(QStringLiteral("contents"))
                .toArray();
        QVERIFY(!contents.isEmpty());
        const QJsonObject first = contents.at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("uri")).toString(), uri);
        QCOMPARE(first.value(QStringLiteral("mimeType")).toString(), QStringLiteral("application/json"));
        QVERIFY(QJsonDocument::fromJson(first.value(QStringLiteral("text")).toString().toUtf8()).isObject());
    }
    const QJsonObject health =
        QJsonDocument::fromJson(
            resultOf(m_harness->request(QStringLiteral("resources/read"),
                                        QJsonObject{{QStringLiteral("uri"), QStringLiteral("jcr://health")}}))
                .value(QStringLiteral("contents"))
                .toArray()
                .at(0)
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .toUtf8())
            .object();
    QCOMPARE(health.value(QStringLiteral("databasePresent")).toBool(), true);
}

void TestJournalTools::journalResource_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<bool>("found");
    QTest::addRow("title") << "jcr://journal/Testing%20Letters" << true;
    QTest::addRow("ISSN") << "jcr://journal/1234-5679" << true;
    QTest::addRow("unknown") << "jcr://journal/Nothing%20Here%20At%20All" << false;
    QTest::addRow("empty") << "jcr://journal/" << false;
    QTest::addRow("traversal") << "jcr://journal/..%2F..%2Fetc%2Fpasswd" << false;
}

void TestJournalTools::journalResource()
{
    QFETCH(QString, uri);
    QFETCH(bool, found);
    const QJsonObject reply =
        m_harness->request(QStringLiteral("resources/read"), QJsonObject{{QStringLiteral("uri"), uri}});
    if (found) {
        const QJsonArray contents = resultOf(reply).value(QStringLiteral("contents")).toArray();
        const QJsonObject profile =
            QJsonDocument::fromJson(contents.at(0).toObject().value(QStringLiteral("text")).toString().toUtf8())
                .object();
        QVERIFY(!profile.value(QStringLiteral("title")).toString().isEmpty());
    } else {
        const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toInt(), int(JsonRpc::ResourceNotFound));
        QCOMPARE(error.value(QStringLiteral("data")).toObject().value(QStringLiteral("uri")).toString(), uri);
    }
}

void TestJournalTools::prompts()
{
    const QJsonArray list =
        resultOf(m_harness->request(QStringLiteral("prompts/list"))).value(QStringLiteral("prompts")).toArray();
    QCOMPARE(list.size(), 2);
    for (const QJsonValue& prompt : list)
        QVERIFY(!prompt.toObject().value(QStringLiteral("description")).toString().isEmpty());

    const QJsonObject analysis = resultOf(m_harness->request(
        QStringLiteral("prompts/get"),
        QJsonObject{{QStringLiteral("name"), QStringLiteral("journal_analysis_prompt")},
                    {QStringLiteral("arguments"),
                     QJsonObject{{QStringLiteral("journal_name"), QStringLiteral("Journal of Testing Science")}}}}));
    const QJsonArray messages = analysis.value(QStringLiteral("messages")).toArray();
    QVERIFY(messages.size() >= 1);
    const QJsonObject first = messages.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    QVERIFY(first.value(QStringLiteral("content")).isObject()); // one block, not an array
    QVERIFY(first.value(QStringLiteral("content"))
                .toObject()
                .value(QStringLiteral("text"))
                .toString()
                .contains(QStringLiteral("12.5")));

    const QJsonObject advice = resultOf(m_harness->request(
        QStringLiteral("prompts/get"),
        QJsonObject{
            {QStringLiteral("name"), QStringLiteral("submission_advice")},
            {QStringLiteral("arguments"),
             QJsonObject{{QStringLiteral("research_topic"), QStringLiteral("non-destructive testing")},
                         {QStringLiteral("candidate_journals"), QStringLiteral("Testing Letters, Acta Examplica")},
                         {QStringLiteral("major_category"), QStringLiteral("工程技术")}}}}));
    const QString text = advice.value(QStringLiteral("messages"))
                             .toArray()
                             .at(0)
                             .toObject()
                             .value(QStringLiteral("content"))
                             .toObject()
                             .value(QStringLiteral("text"))
                             .toString();
    QVERIFY2(text.contains(QStringLiteral("Testing Letters")) && text.contains(QStringLiteral("预警")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Journal of Testing Science"))); // from the category
}

void TestJournalTools::completion_data()
{
    QTest::addColumn<QJsonObject>("ref");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // empty: values must be empty
    const QJsonObject resource{{QStringLiteral("type"), QStringLiteral("ref/resource")},
                               {QStringLiteral("uri"), QStringLiteral("jcr://journal/{name_or_issn}")}};
    const QJsonObject analysis{{QStringLiteral("type"), QStringLiteral("ref/prompt")},
                               {QStringLiteral("name"), QStringLiteral("journal_analysis_prompt")}};
    const QJsonObject advice{{QStringLiteral("type"), QStringLiteral("ref/prompt")},
                             {QStringLiteral("name"), QStringLiteral("submission_advice")}};
    QTest::addRow("template") << resource << "name_or_issn"
                              << "Testing L"
                              << "Testing Letters";
    QTest::addRow("analysis prompt") << analysis << "journal_name"
                                     << "Acta"
                                     << "Acta Examplica";
    QTest::addRow("advice list, last name") << advice << "candidate_journals"
                                            << "Acta Examplica, Testing L"
                                            << "Acta Examplica, Testing Letters";
    QTest::addRow("advice category") << advice << "major_category"
                                     << "工程"
                                     << "工程技术";
    QTest::addRow("unknown argument") << analysis << "other"
                                      << "Acta"
                                      << "";
    QTest::addRow("unknown template") << QJsonObject{{QStringLiteral("type"), QStringLiteral("ref/resource")},
                                                     {QStringLiteral("uri"), QStringLiteral("jcr://other/{x}")}}
                                      << "x"
                                      << "Acta"
                                      << "";
}

void TestJournalTools::completion()
{
    QFETCH(QJsonObject, ref);
    QFETCH(QString, argument);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    const QJsonObject completion =
        resultOf(m_harness->request(
                     QStringLiteral("completion/complete"),
                     QJsonObject{{QStringLiteral("ref"), ref},
                                 {QStringLiteral("argument"),
                                  QJsonObject{{QStringLiteral("name"), argument}, {QStringLiteral("value"), value}}}}))
            .value(QStringLiteral("completion"))
            .toObject();
    const QJsonArray values = completion.value(QStringLiteral("values")).toArray();
    QVERIFY(values.size() <= 100);
    if (expected.isEmpty()) {
        QCOMPARE(values.size(), 0);
        return;
    }
    QStringList strings;
    for (const QJsonValue& entry : values)
        strings << entry.toString();
    QVERIFY2(strings.contains(expected, Qt::CaseInsensitive), qPrintable(strings.join(QStringLiteral(" | "))));
}

void TestJournalTools::trendsOfJournalsSharingAnIssn_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("impactFactor2024");
    // The miniature ShowJCR set lists ISSN 4567-8901 under both names in JCR 2024 (as the real JCR 2024
    // does for 0008-4107); each trend must be the named journal's own, whichever has the higher IF.
    QTest::addRow("lower IF") << "Canadian Journal of Zeta-Annales"
                              << "0.5";
    QTest::addRow("higher IF") << "Journal of Zeta"
                               << "0.7";
}

void TestJournalTools::trendsOfJournalsSharingAnIssn()
{
    QFETCH(QString, title);
    QFETCH(QString, impactFactor2024);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mini.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), path, &error), qPrintable(error));
    jcr::test::EngineHarness harness(path);
    harness.initialize();
    const QJsonObject trend = harness.callTool(QStringLiteral("get_partition_trends"), {{"journal_name", title}})
                                  .value(QStringLiteral("result"))
                                  .toObject()
                                  .value(QStringLiteral("structuredContent"))
                                  .toObject()
                                  .value(QStringLiteral("trend"))
                                  .toObject();
    QCOMPARE(trend.value(QStringLiteral("journal")).toObject().value(QStringLiteral("title")).toString(), title);
    QString found;
    for (const QJsonValue& point : trend.value(QStringLiteral("points")).toArray()) {
        if (point.toObject().value(QStringLiteral("year")).toInt() == 2024)
            found = point.toObject().value(QStringLiteral("impactFactorText")).toString();
    }
    QCOMPARE(found, impactFactor2024);
}

QTEST_GUILESS_MAIN(TestJournalTools)
#include "tst_journaltools.moc"
