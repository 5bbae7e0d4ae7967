// Tests of ReferenceChecker and ReferenceReportFormatter on the miniature data set (tests/data/fixtures/
// showjcr-mini): how each kind of entry is resolved or set aside, the facts of the newest and of a given
// edition, the summary counts and the CSV.
#include "fixturedatabase.h"
#include "journalrepository.h"
#include "referencechecker.h"
#include "referencereportformatter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace jcr;

namespace {

const char* const References = R"(
@article{exact, journal = {Alpha Journal of Testing}}
@article{upper, journal = {ALPHA JOURNAL OF TESTING}}
@article{issn, journal = {1234-5678}}
@article{issnfield, issn = {8765-432X}}
@article{warned, journal = {Beta Letters}}
@article{typo, journal = {Alpha Jornal of Testing}}
@article{prefix, journal = {Alpha Journal}}
@article{unknown, journal = {Journal of Nothing Known}}
@inproceedings{conf, booktitle = {Proceedings of the 12th Alpha Testing Journal Conference (ATJ 2022)}}
@article{arxiv, journal = {arXiv preprint arXiv:2101.00001}}
@book{book, title = {A book}}
@article{fill, journal = {[FILL]}}
@article{nothing, title = {no journal}}
@article{broken, journal = {Alpha
)";

const CheckedReference* byKey(const ReferenceReport& report, const QString& key)
{
    for (const CheckedReference& reference : report.entries) {
        if (reference.entry.key == key)
            return &reference;
    }
    return nullptr;
}

} // namespace

class TestReferenceChecker : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    JournalRepository m_repository;

private slots:
    void initTestCase();
    void entries_data();
    void entries();
    void factsOfAYear();
    void summary();
    void refusedList();
    void hugeVenue_data();
    void hugeVenue();
    void formats();
    void progress_data();
    void progress();
};

void TestReferenceChecker::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(test::buildDatabase(test::miniDataDir(), path, &error), qPrintable(error));
    QVERIFY2(m_repository.open(path, &error), qPrintable(error));
}

void TestReferenceChecker::entries_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("matchedBy");
    const QString alpha = QStringLiteral("Alpha Journal of Testing");
    QTest::newRow("exact") << "exact"
                           << "resolved" << alpha << "exact";
    QTest::newRow("upper case") << "upper"
                                << "resolved" << alpha << "exact";
    QTest::newRow("ISSN as venue") << "issn"
                                   << "resolved" << alpha << "issn";
    QTest::newRow("ISSN field") << "issnfield"
                                << "resolved" << alpha << "issn";
    QTest::newRow("warning-listed") << "warned"
                                    << "resolved"
                                    << "Beta Letters"
                                    << "exact";
    QTest::newRow("typo") << "typo"
                          << "resolved" << alpha << "close spelling";
    QTest::newRow("prefix is not taken") << "prefix"
                                         << "unresolved"
                                         << ""
                                         << "";
    QTest::newRow("unknown") << "unknown"
                             << "unresolved"
                             << ""
                             << "";
    QTest::newRow("conference by acronym") << "conf"
                                           << "resolved"
                                           << "Alpha Testing Journal Conference"
                                           << "proceedings title (exact)";
    QTest::newRow("arXiv") << "arxiv"
                           << "preprint"
                           << ""
                           << "";
    QTest::newRow("book") << "book"
                          << "no_venue"
                          << ""
                          << "";
    QTest::newRow("placeholder") << "fill"
                                 << "placeholder"
                                 << ""
                                 << "";
    QTest::newRow("article without journal") << "nothing"
                                             << "missing_venue"
                                             << ""
                                             << "";
    QTest::newRow("unbalanced braces") << "broken"
                                       << "invalid"
                                       << ""
                                       << "";
}

void TestReferenceChecker::entries()
{
    QFETCH(QString, key);
    QFETCH(QString, status);
    QFETCH(QString, title);
    QFETCH(QString, matchedBy);
    ReferenceChecker checker(m_repository);
    const ReferenceReport report = checker.check(QString::fromUtf8(References));
    QVERIFY2(report.ok(), qPrintable(report.error));
    const CheckedReference* reference = byKey(report, key);
    QVERIFY(reference);
    QCOMPARE(reference->status, status);
    QCOMPARE(reference->journal ? reference->journal->title : QString(), title);
    QCOMPARE(reference->matchedBy, matchedBy);
    // The structured form: a journal object exactly when resolved.
    const QJsonObject json = reference->toJson();
    QCOMPARE(json.value(QStringLiteral("journal")).isObject(), !title.isEmpty());
    QCOMPARE(json.value(QStringLiteral("key")).toString(), key);
}

void TestReferenceChecker::factsOfAYear()
{
    ReferenceChecker checker(m_repository);
    const QString text = QStringLiteral("Alpha Journal of Testing\nBeta Letters\n");
    const ReferenceReport newest = checker.check(text, 0);
    const CheckedReference& alpha = newest.entries.at(0);
    QCOMPARE(alpha.jcrYear, 2025);
    QCOMPARE(alpha.impactFactor.value_or(0), 109.0);
    QCOMPARE(alpha.quartile, QStringLiteral("Q1")); // the best of its categories (Q2, Q1)
    QCOMPARE(alpha.casYear, 2025);
    QCOMPARE(alpha.casPartition, 1);
    QVERIFY(alpha.casTop);
    QCOMPARE(alpha.ccfRank, QStringLiteral("A"));
    QVERIFY(alpha.warnings.isEmpty());

    const ReferenceReport of2024 = checker.check(text, 2024);
    QCOMPARE(of2024.entries.at(0).jcrYear, 2024);
    QCOMPARE(of2024.entries.at(0).impactFactor.value_or(0), 8.0);
    QCOMPARE(of2024.entries.at(0).quartile, QStringLiteral("Q1"));
    QCOMPARE(of2024.entries.at(1).warnings.size(), 1);
    QCOMPARE(of2024.entries.at(1).warnings.at(0).year, 2024);
    QCOMPARE(checker.check(text, 2020).entries.at(1).warnings.at(0).level, QStringLiteral("低"));
    QCOMPARE(checker.check(text, 2021).entries.at(1).warnings.size(), 0); // listed in 2020 and 2024 only
}

void TestReferenceChecker::summary()
{
    ReferenceChecker checker(m_repository);
    const ReferenceReport report = checker.check(QString::fromUtf8(References));
    const ReferenceSummary& s = report.summary;
    QCOMPARE(s.entries, 14);
    QCOMPARE(s.byStatus.value(QStringLiteral("resolved")), 7);
    QCOMPARE(s.byStatus.value(QStringLiteral("preprint")), 1);
    QCOMPARE(s.byStatus.value(QStringLiteral("no_venue")), 1);
    QCOMPARE(s.warningHits.size(), 1);
    QCOMPARE(report.entries.at(s.warningHits.at(0)).entry.key, QStringLiteral("warned"));
    QStringList unresolved;
    for (int index : s.unresolved)
        unresolved << report.entries.at(index).entry.key;
    QCOMPARE(unresolved, (QStringList{"prefix", "unknown", "fill", "nothing", "broken"}));
    QVERIFY(report.hasWarningHits());

    const QJsonObject json = report.toJson();
    QCOMPARE(json.value(QStringLiteral("entries")).toArray().size(), 14);
    QCOMPARE(json.value(QStringLiteral("summary")).toObject().value(QStringLiteral("warningHits")).toArray().size(), 1);

    const QString text = ReferenceReportFormatter::text(report);
    QVERIFY2(text.startsWith(QStringLiteral("参考文献检查 Reference check: 14 entries")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("⚠ 预警名单 Warning list: [warned] Beta Letters")));
    QCOMPARE(text.count(QLatin1Char('\n')), 4 + 1 + 14 - 1); // 4 summary lines, a blank line, 14 entries
}

void TestReferenceChecker::refusedList()
{
    ReferenceChecker checker(m_repository);
    const ReferenceReport report = checker.check(QByteArray("\x89PNG\r\n\x1a\n\0\0", 10));
    QVERIFY(!report.ok());
    QVERIFY(report.entries.isEmpty());
    QVERIFY(ReferenceReportFormatter::text(report).contains(QStringLiteral("UTF-8")));
}

void TestReferenceChecker::hugeVenue_data()
{
    QTest::addColumn<QByteArray>("list");
    QTest::addColumn<QString>("status");
    const QByteArray huge(2 * 1024 * 1024 - 100, 'a');
    QTest::newRow("2 MB journal field") << "@article{k, journal = {" + huge + "}}"
                                        << "invalid";
    QTest::newRow("2 MB booktitle") << "@inproceedings{k, booktitle = {Proceedings of " + huge + "}}"
                                    << "invalid";
    QTest::newRow("2 MB of ?") << "@article{k, journal = {" + QByteArray(2 * 1024 * 1024 - 100, '?') + "}}"
                               << "placeholder";
    QTest::newRow("513-character name") << QByteArray(513, 'n') << "invalid";
}

void TestReferenceChecker::hugeVenue()
{
    QFETCH(QByteArray, list);
    QFETCH(QString, status);
    ReferenceChecker checker(m_repository);
    const ReferenceReport report = checker.check(list);
    QVERIFY2(report.ok(), qPrintable(report.error));
    QCOMPARE(report.entries.size(), 1);
    QCOMPARE(report.entries.at(0).status, status);
    QVERIFY(!report.entries.at(0).journal);
}

void TestReferenceChecker::formats()
{
    ReferenceChecker checker(m_repository);
    const ReferenceReport report = checker.check(QStringLiteral("=HYPERLINK(\"x\")\nAlpha Journal of Testing\n"));
    const QList<QByteArray> rows = ReferenceReportFormatter::csv(report).split('\n');
    QVERIFY(rows.at(0).startsWith("\xEF\xBB\xBF"
                                  "key,line,type,venue_as_written,status"));
    QVERIFY2(rows.at(1).startsWith("\"line 1\",\"1\",\"line\",\"'=HYPERLINK(\"\"x\"\")\",\"unresolved\""),
             rows.at(1).constData());
    QVERIFY2(rows.at(2).contains("\"Alpha Journal of Testing\",\"1234-5678\",\"8765-432X\",\"2025\",\"109\",\"Q1\""),
             rows.at(2).constData());
}

void TestReferenceChecker::progress_data()
{
    QTest::addColumn<int>("stopAfter"); // 0: never stop
    QTest::newRow("runs to the end") << 0;
    QTest::newRow("stopped after the first") << 1;
    QTest::newRow("stopped after the fifth") << 5;
    QTest::newRow("stopped after the last") << 14;
}

void TestReferenceChecker::progress()
{
    QFETCH(int, stopAfter);
    ReferenceChecker checker(m_repository);
    QList<QPair<int, int>> calls;
    checker.setProgress([&](int checked, int total) {
        calls << qMakePair(checked, total);
        return checked != stopAfter;
    });
    const ReferenceReport report = checker.check(QString::fromUtf8(References));
    const int total = 14; // entries of References, the broken one included
    const int expectedCalls = stopAfter > 0 ? stopAfter : total;
    QCOMPARE(calls.size(), expectedCalls);
    for (int i = 0; i < calls.size(); ++i)
        QCOMPARE(calls.at(i), qMakePair(i + 1, total));
    QCOMPARE(report.stopped, stopAfter > 0);
    if (stopAfter > 0) {
        QVERIFY(report.entries.isEmpty());
        QCOMPARE(report.error,
                 QStringLiteral("the check was stopped after %1 of %2 entries").arg(stopAfter).arg(total));
    } else {
        QVERIFY2(report.ok(), qPrintable(report.error));
        QCOMPARE(report.entries.size(), total);
    }
}

QTEST_GUILESS_MAIN(TestReferenceChecker)
#include "tst_referencechecker.moc"
