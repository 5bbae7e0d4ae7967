// Tests of JournalRepository on the miniature data set: search stages and ranking, every query, bad input
// and broken database files.

#include "fixturedatabase.h"
#include "journalrepository.h"
#include "journaltextformatter.h"
#include "testpaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace jcr;

class TestJournalRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    JournalRepository m_repository;
    JournalRepository m_withLists; ///< the mini set with the fixture abbreviation lists

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("jcr.db"));
        QString error;
        QVERIFY2(test::buildDatabase(test::miniDataDir(), m_path, &error), qPrintable(error));
        QVERIFY2(m_repository.open(m_path, &error), qPrintable(error));
    }

    void search_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("firstTitle");
        QTest::addColumn<QString>("kind");
        QTest::addRow("exact") << "Alpha Journal of Testing"
                               << "Alpha Journal of Testing"
                               << "exact";
        QTest::addRow("lower case") << "alpha journal of testing"
                                    << "Alpha Journal of Testing"
                                    << "exact";
        QTest::addRow("extra spaces and punctuation") << "  Alpha   journal, of testing. "
                                                      << "Alpha Journal of Testing"
                                                      << "exact";
        QTest::addRow("ISSN with hyphen") << "1234-5678"
                                          << "Alpha Journal of Testing"
                                          << "issn";
        QTest::addRow("ISSN without hyphen") << "12345678"
                                             << "Alpha Journal of Testing"
                                             << "issn";
        QTest::addRow("EISSN, lower-case x") << "8765-432x"
                                             << "Alpha Journal of Testing"
                                             << "issn";
        QTest::addRow("ISSN prefix") << "ISSN 1234-5678"
                                     << "Alpha Journal of Testing"
                                     << "issn";
        QTest::addRow("abbreviation") << "ATC"
                                      << "Alpha Testing Conference"
                                      << "abbreviation";
        QTest::addRow("Chinese title") << "测试学报"
                                       << "测试学报"
                                       << "exact";
        QTest::addRow("Chinese title of an English journal") << "阿尔法测试"
                                                             << "Alpha Journal of Testing"
                                                             << "prefix";
        QTest::addRow("variant character") << "图像测试"
                                           << "图象测试"
                                           << "exact";
        QTest::addRow("prefix") << "Alpha Jour"
                                << "Alpha Journal of Testing"
                                << "prefix";
        QTest::addRow("substring") << "Letters"
                                   << "Beta Letters"
                                   << "substring";
        QTest::addRow("one typo") << "Alpha Jornal of Testing"
                                  << "Alpha Journal of Testing"
                                  << "fuzzy";
        QTest::addRow("transposition") << "Alpha Journal of Tetsing"
                                       << "Alpha Journal of Testing"
                                       << "fuzzy";
        QTest::addRow("two typos") << "Alpah Jurnal of Testing"
                                   << "Alpha Journal of Testing"
                                   << "fuzzy";
        QTest::addRow("other spelling of a title") << "GAMMA REVIEWS"
                                                   << "GAMMA-REVIEWS"
                                                   << "exact";
        QTest::addRow("ampersand") << "Journal of X & Y"
                                   << "Journal of X and Y"
                                   << "exact";
    }
    void search()
    {
        QFETCH(QString, query);
        QFETCH(QString, firstTitle);
        QFETCH(QString, kind);
        const SearchResult result = m_repository.search(query);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY2(!result.matches.isEmpty(), qPrintable(query));
        QCOMPARE(result.matches.first().journal.title, firstTitle);
        QCOMPARE(matchKindName(result.matches.first().kind), kind);
        QVERIFY(result.total >= result.matches.size());
    }

    void rankingAndPaging()
    {
        // "alpha" is a prefix of three names: shorter names first ("alphajournaloftesting" has 21 letters).
        const SearchResult all = m_repository.search(QStringLiteral("alpha"), {10, 0});
        QCOMPARE(all.total, 3);
        QCOMPARE(all.matches.first().journal.title, QStringLiteral("Alpha Journal of Testing"));
        QCOMPARE(all.matches.at(1).journal.title, QStringLiteral("Alpha Testing Conference"));
        const SearchResult second = m_repository.search(QStringLiteral("alpha"), {1, 1});
        QCOMPARE(second.total, 3);
        QCOMPARE(second.matches.size(), 1);
        QCOMPARE(second.matches.first().journal.id, all.matches.at(1).journal.id);
        // Exact matches rank before prefix matches of the same text.
        const SearchResult exact = m_repository.search(QStringLiteral("Journal of Zeta"));
        QCOMPARE(exact.matches.first().journal.title, QStringLiteral("Journal of Zeta"));
        QCOMPARE(exact.matches.at(1).kind, MatchKind::Substring);
    }

    void notFound()
    {
        const SearchResult result = m_repository.search(QStringLiteral("Quantum Basket Weaving Review"));
        QVERIFY(result.ok());
        QCOMPARE(result.total, 0);
        QVERIFY(result.matches.isEmpty());
        QString error;
        QVERIFY(!m_repository.profile(QStringLiteral("Quantum Basket Weaving Review"), &error));
        QVERIFY(error.isEmpty()); // not found is not a failure
        QVERIFY(!m_repository.profile(QStringLiteral("0000-0000"), &error));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("refused");
        QTest::addRow("empty") << "" << true;
        QTest::addRow("white space") << " \t\n " << true;
        QTest::addRow("10,000 characters") << QString(10000, QLatin1Char('a')) << true;
        QTest::addRow("control characters") << QStringLiteral("Alpha\x01\x02\x1b[31m\x7f") << false;
        QTest::addRow("SQL injection") << "'; DROP TABLE journal; --" << false;
        QTest::addRow("LIKE wildcards") << "%_%" << false;
        QTest::addRow("FTS syntax") << "\"alpha\" OR NEAR(beta)" << false;
        QTest::addRow("binary") << QString::fromLatin1(QByteArray::fromHex("00ff10fe80c0")) << false;
        QTest::addRow("lone surrogate") << QString(QChar(0xD800)) << false;
        QTest::addRow("emoji") << "📚📚📚" << false;
        QTest::addRow("only punctuation") << "-/-" << false;
    }
    void badInput()
    {
        QFETCH(QString, query);
        QFETCH(bool, refused);
        const SearchResult result = m_repository.search(query);
        QCOMPARE(!result.ok(), refused);
        QString error;
        m_repository.profile(query, &error);
        QCOMPARE(!error.isEmpty(), refused);
        m_repository.completeNames(query);
        WarningQuery warnings;
        warnings.keyword = query;
        m_repository.warnings(warnings, &error);
        FilterCriteria criteria;
        criteria.minorCategory = query;
        criteria.nameContains = query;
        QCOMPARE(m_repository.filter(criteria).ok(), query.size() <= JournalRepository::MaxQueryLength);
        // Nothing was executed as SQL: every journal is still there.
        QCOMPARE(m_repository.databaseInfo().journals, 15);
    }

    void trend()
    {
        const std::optional<JournalTrend> trend = m_repository.trend(QStringLiteral("Alpha Journal of Testing"));
        QVERIFY(trend);
        QList<int> years;
        for (const TrendPoint& point : trend->points)
            years << point.year;
        QCOMPARE(years, QList<int>({2020, 2021, 2023, 2024, 2025}));
        QCOMPARE(trend->points.last().impactFactor, std::optional<double>(109.0));
        QCOMPARE(trend->points.first().casPartition, 0);
        QCOMPARE(trend->points.at(1).casPartition, 1);
        QCOMPARE(trend->impactFactor, Direction::Rising);
        QCOMPARE(trend->quartile, Direction::Stable);
        QCOMPARE(trend->casPartition, Direction::Stable);

        const std::optional<JournalTrend> beta = m_repository.trend(QStringLiteral("Beta Letters"));
        QVERIFY(beta);
        QCOMPARE(beta->impactFactor, Direction::Rising); // 1.25 (2020) → 1.5 (2021); 2023 is "<0.1"
    }

    void rankingFactsAreTheProfilesRankings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addRow("JCR, CAS and CCF") << "Alpha Journal of Testing";
        QTest::addRow("warning list") << "Beta Letters";
    }

    void citationAbbreviations_data()
    {
        // The fixture lists (tests/data/fixtures/abbrv) give Alpha Journal of Testing "Alpha J. Test." twice as
        // ISO 4 (ams and general), "AJT" (dainst, other) before "Alpha J Test" (entrez, MEDLINE) in import order.
        QTest::addColumn<bool>("withLists");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("expected"); ///< "kind abbreviation"
        QTest::addColumn<QString>("line");         ///< the text formatter's line, empty when none
        QTest::addRow("once across lists, ISO 4, MEDLINE, other")
            << true << "Alpha Journal of Testing"
            << QStringList{"iso4 Alpha J. Test.", "medline Alpha J Test", "other AJT"}
            << "缩写 Citation abbreviations: ISO 4 Alpha J. Test. · MEDLINE Alpha J Test · 其他 other AJT";
        QTest::addRow("one list") << true << "Canadian Journal of Zeta-Annales" << QStringList{"iso4 Can. J. Zeta Ann."}
                                  << "缩写 Citation abbreviations: ISO 4 Can. J. Zeta Ann.";
        QTest::addRow("journal in no list") << true << "Beta Letters" << QStringList{} << "";
        QTest::addRow("database without lists") << false << "Alpha Journal of Testing" << QStringList{} << "";
    }
    void citationAbbreviations()
    {
        QFETCH(bool, withLists);
        QFETCH(QString, name);
        QFETCH(QStringList, expected);
        QFETCH(QString, line);
        QString error;
        if (withLists && !m_withLists.isOpen()) {
            const QString path = m_dir.filePath(QStringLiteral("abbreviations.db"));
            QVERIFY2(
                test::buildDatabase(test::miniDataDir(), path, &error, test::fixturesDir() + QStringLiteral("/abbrv")),
                qPrintable(error));
            QVERIFY2(m_withLists.open(path, &error), qPrintable(error));
        }
        const JournalRepository& repository = withLists ? m_withLists : m_repository;
        const std::optional<JournalProfile> profile = repository.profile(name, &error);
        QVERIFY2(profile, qPrintable(error));
        QCOMPARE(profile->summary.title, name);
        QStringList found;
        for (const CitationAbbreviation& entry : profile->citationAbbreviations)
            found << entry.kind + u' ' + entry.abbreviation;
        QCOMPARE(found, expected);

        const QJsonArray json = profile->toJson().value(QStringLiteral("citationAbbreviations")).toArray();
        QCOMPARE(json.size(), expected.size());
        for (qsizetype i = 0; i < json.size(); ++i) {
            const QJsonObject entry = json.at(i).toObject();
            QCOMPARE(entry.value(QStringLiteral("kind")).toString() + u' ' +
                         entry.value(QStringLiteral("abbreviation")).toString(),
                     expected.at(i));
        }
        const QStringList text = JournalTextFormatter::profile(*profile).split(u'\n');
        if (line.isEmpty())
            QVERIFY(text.filter(QStringLiteral("Citation abbreviations")).isEmpty());
        else
            QVERIFY2(text.contains(line), qPrintable(text.join(u'\n')));
    }

    void rankingFactsAreTheProfilesRankings()
    {
        QFETCH(QString, name);
        const std::optional<JournalProfile> full = m_repository.profile(name);
        QVERIFY(full);
        const std::optional<JournalProfile> facts = m_repository.rankingFacts(full->summary.id);
        QVERIFY(facts);
        QCOMPARE(facts->summary.title, full->summary.title);
        QCOMPARE(facts->jcr.size(), full->jcr.size());
        for (int i = 0; i < facts->jcr.size(); ++i) {
            QCOMPARE(facts->jcr.at(i).year, full->jcr.at(i).year);
            QCOMPARE(facts->jcr.at(i).quartile, full->jcr.at(i).quartile);
            QCOMPARE(facts->jcr.at(i).impactFactor, full->jcr.at(i).impactFactor);
            QVERIFY(facts->jcr.at(i).categories.isEmpty()); // left out
        }
        QCOMPARE(facts->cas.size(), full->cas.size());
        for (int i = 0; i < facts->cas.size(); ++i) {
            QCOMPARE(facts->cas.at(i).partition, full->cas.at(i).partition);
            QCOMPARE(facts->cas.at(i).top, full->cas.at(i).top);
        }
        QCOMPARE(facts->warnings.size(), full->warnings.size());
        QCOMPARE(facts->ccf.size(), full->ccf.size());
        QVERIFY(facts->otherTitles.isEmpty() && facts->abbreviations.isEmpty() && facts->extra.isEmpty());
        QVERIFY(!m_repository.rankingFacts(999999));
    }

    void warnings_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QString>("keyword");
        QTest::addColumn<int>("count");
        QTest::addRow("all") << 0 << "" << 2;
        QTest::addRow("by year") << 2024 << "" << 1;
        QTest::addRow("no list that year") << 2022 << "" << 0;
        QTest::addRow("by title") << 0 << "beta" << 2;
        QTest::addRow("by reason") << 0 << "论文工厂" << 1;
        QTest::addRow("by level") << 0 << "低" << 1;
        QTest::addRow("no match") << 0 << "alpha" << 0;
    }
    void warnings()
    {
        QFETCH(int, year);
        QFETCH(QString, keyword);
        QFETCH(int, count);
        QString error;
        const QList<WarningEntry> entries = m_repository.warnings({year, keyword}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(entries.size(), count);
        for (const WarningEntry& entry : entries)
            QCOMPARE(entry.journal.title, QStringLiteral("Beta Letters"));
    }

    void compare()
    {
        const JournalRepository::Comparison comparison =
            m_repository.compare({QStringLiteral("Alpha Journal of Testing"), QStringLiteral("2345-6789"),
                                  QStringLiteral("No Such Journal At All"), QString()});
        QCOMPARE(comparison.journals.size(), 2);
        QCOMPARE(comparison.journals.at(1).summary.title, QStringLiteral("Beta Letters"));
        QCOMPARE(comparison.notFound, QStringList{QStringLiteral("No Such Journal At All")});
    }

    void filter_data()
    {
        QTest::addColumn<QString>("major");
        QTest::addColumn<QString>("minor");
        QTest::addColumn<int>("partition");
        QTest::addColumn<QString>("quartile");
        QTest::addColumn<double>("minIf");
        QTest::addColumn<QString>("ccf");
        QTest::addColumn<int>("year");
        QTest::addColumn<QStringList>("titles");
        QTest::addRow("major category") << "工程技术"
                                        << "" << 0 << "" << -1.0 << "" << 0 << QStringList{"Alpha Journal of Testing"};
        QTest::addRow("minor category, partition 4")
            << ""
            << "HISTORY" << 4 << "" << -1.0 << "" << 0 << QStringList{"Epsilon History"};
        QTest::addRow("quartile in 2024")
            << ""
            << "" << 0 << "Q1" << -1.0 << "" << 2024 << QStringList{"Alpha Journal of Testing", "Journal of X and Y"};
        QTest::addRow("IF range, sorted by IF")
            << ""
            << "" << 0 << "" << 0.6 << "" << 2024
            << QStringList{"Alpha Journal of Testing", "Journal of X and Y", "Journal of X & Y", "Journal of Zeta"};
        QTest::addRow("CCF class") << ""
                                   << "" << 0 << "" << -1.0 << "A" << 0 << QStringList{"Alpha Journal of Testing"};
        QTest::addRow("CAS year without an edition uses the one before")
            << "综合性期刊"
            << "" << 4 << "" << -1.0 << "" << 2022 << QStringList{"Beta Letters"};
    }
    void filter()
    {
        QFETCH(QString, major);
        QFETCH(QString, minor);
        QFETCH(int, partition);
        QFETCH(QString, quartile);
        QFETCH(double, minIf);
        QFETCH(QString, ccf);
        QFETCH(int, year);
        QFETCH(QStringList, titles);
        FilterCriteria criteria;
        criteria.majorCategory = major;
        criteria.minorCategory = minor;
        criteria.casPartition = partition;
        criteria.quartile = quartile;
        if (minIf >= 0)
            criteria.minImpactFactor = minIf;
        criteria.ccfRank = ccf;
        criteria.year = year;
        const FilterResult result = m_repository.filter(criteria);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QStringList found;
        for (const FilterRow& row : result.rows)
            found << row.journal.title;
        QCOMPARE(found, titles);
        QCOMPARE(result.total, int(titles.size()));
    }

    // CCF venues by class, field and type, in the CCF edition the year gives; conferences have no JCR or CAS data.
    void filterCcfVenues_data()
    {
        QTest::addColumn<QString>("rank");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("venueType");
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("edition");
        QTest::addColumn<QString>("resolvedField");
        QTest::addColumn<QStringList>("titles"); // by title
        QTest::addRow("A journals in 人工智能")
            << "A" << QStringLiteral("人工智能") << "journal" << 0 << 2022 << QStringLiteral("人工智能")
            << QStringList{"Alpha Journal of Testing"};
        QTest::addRow("conferences in artificial intelligence")
            << ""
            << "artificial intelligence"
            << "conference" << 0 << 2022 << QStringLiteral("人工智能")
            << QStringList{"Alpha Testing Journal Conference"};
        QTest::addRow("C class in AI: the conference only")
            << "c"
            << "AI"
            << "" << 0 << 2022 << QStringLiteral("人工智能") << QStringList{"Alpha Testing Journal Conference"};
        QTest::addRow("CCF 2019 conferences by a part of the field")
            << ""
            << "software engineering"
            << "conference" << 2020 << 2019 << QStringLiteral("软件工程/系统软件/程序设计语言")
            << QStringList{"Alpha Testing Conference"};
        QTest::addRow("2026 asks for the newest list not after it") << "B"
                                                                    << ""
                                                                    << "" << 2026 << 2022 << "" << QStringList{};
        QTest::addRow("B in 2019: the conference")
            << "B"
            << ""
            << "" << 2019 << 2019 << "" << QStringList{"Alpha Testing Conference"};
        QTest::addRow("before the first list") << "A"
                                               << ""
                                               << "" << 2010 << 0 << "" << QStringList{};
        QTest::addRow("a venue in two fields is one row")
            << "A"
            << ""
            << "" << 0 << 2022 << "" << QStringList{"Alpha Journal of Testing"};
    }
    void filterCcfVenues()
    {
        QFETCH(QString, rank);
        QFETCH(QString, field);
        QFETCH(QString, venueType);
        QFETCH(int, year);
        QFETCH(int, edition);
        QFETCH(QString, resolvedField);
        QFETCH(QStringList, titles);
        FilterCriteria criteria;
        criteria.ccfRank = rank;
        criteria.ccfField = field;
        criteria.venueType = venueType;
        criteria.year = year;
        criteria.sortBy = QStringLiteral("title");
        criteria.descending = false;
        const FilterResult result = m_repository.filter(criteria);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.ccfEdition, edition);
        QCOMPARE(result.ccfField, resolvedField);
        QStringList found;
        for (const FilterRow& row : result.rows) {
            found << row.journal.title;
            // The row carries the CCF facts of that edition.
            QVERIFY(!row.ccfRank.isEmpty());
            QVERIFY(!row.ccfTitle.isEmpty());
            if (!rank.isEmpty())
                QCOMPARE(row.ccfRank, rank.toUpper());
            if (!resolvedField.isEmpty())
                QCOMPARE(row.ccfField, resolvedField);
            if (!venueType.isEmpty())
                QCOMPARE(row.journal.venueType, venueType);
        }
        QCOMPARE(found, titles);
        QCOMPARE(result.total, int(titles.size()));
    }

    void filterConferencesWithoutCcf()
    {
        // Without a CCF criterion, venue_type=conference lists every conference (they have no JCR or CAS data);
        // venue_type=journal keeps the journals of the usual list.
        FilterCriteria conferences;
        conferences.venueType = QStringLiteral("conference");
        conferences.sortBy = QStringLiteral("title");
        conferences.descending = false;
        const FilterResult result = m_repository.filter(conferences);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QStringList found;
        for (const FilterRow& row : result.rows)
            found << row.journal.title;
        QCOMPARE(found, (QStringList{"Alpha Testing Conference", "Alpha Testing Journal Conference"}));
        QCOMPARE(result.ccfEdition, 0);

        FilterCriteria journals;
        journals.venueType = QStringLiteral("journal");
        const FilterResult all = m_repository.filter(FilterCriteria());
        const FilterResult onlyJournals = m_repository.filter(journals);
        QVERIFY(onlyJournals.ok());
        QCOMPARE(onlyJournals.total, all.total);
    }

    void filterCcfRefusesBadArguments_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("venueType");
        QTest::addColumn<QString>("error");
        QTest::addRow("unknown field") << "astrology"
                                       << ""
                                       << "not a CCF field";
        QTest::addRow("venue type") << ""
                                    << "workshop"
                                    << "venue_type";
        QTest::addRow("field too long") << QString(600, u'x') << ""
                                        << "longer than";
    }
    void filterCcfRefusesBadArguments()
    {
        QFETCH(QString, field);
        QFETCH(QString, venueType);
        QFETCH(QString, error);
        FilterCriteria criteria;
        criteria.ccfField = field;
        criteria.venueType = venueType;
        const FilterResult result = m_repository.filter(criteria);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QVERIFY(result.rows.isEmpty());
    }

    void filterPagingAndValidation()
    {
        FilterCriteria criteria;
        criteria.year = 2024;
        criteria.limit = 2;
        const FilterResult first = m_repository.filter(criteria);
        QVERIFY(first.ok());
        QCOMPARE(first.rows.size(), 2);
        QVERIFY(first.total > 2);
        criteria.offset = 2;
        const FilterResult second = m_repository.filter(criteria);
        QVERIFY(second.rows.first().journal.id != first.rows.last().journal.id);

        FilterCriteria bad;
        bad.casPartition = 7;
        QVERIFY(m_repository.filter(bad).error.contains(QStringLiteral("partition")));
        bad = {};
        bad.quartile = QStringLiteral("Q9");
        QVERIFY(!m_repository.filter(bad).ok());
        bad = {};
        bad.sortBy = QStringLiteral("impact_factor; DROP TABLE journal");
        QVERIFY(!m_repository.filter(bad).ok());
        bad = {};
        bad.minImpactFactor = 5;
        bad.maxImpactFactor = 1;
        QVERIFY(!m_repository.filter(bad).ok());
    }

    void completion()
    {
        const QStringList values = m_repository.completeNames(QStringLiteral("alp"), 10);
        QVERIFY(values.contains(QStringLiteral("Alpha Journal of Testing")));
        QVERIFY(values.contains(QStringLiteral("Alpha Testing Conference")));
        QCOMPARE(m_repository.completeNames(QStringLiteral("测试"), 5).first(), QStringLiteral("测试学报"));
        QCOMPARE(m_repository.completeNames(QString(), 1).size(), 1);
        QCOMPARE(m_repository.completeNames(QStringLiteral("alp"), 1).size(), 1);
    }

    void databaseInfoAndHealth()
    {
        const DatabaseInfo info = m_repository.databaseInfo();
        QCOMPARE(info.sources.size(), 15);
        QCOMPARE(info.jcrYears, QList<int>({2020, 2021, 2023, 2024, 2025}));
        QCOMPARE(info.casYears, QList<int>({2021, 2025}));
        QCOMPARE(info.warningYears, QList<int>({2020, 2024}));
        QCOMPARE(info.ccfEditions, QList<int>({2019, 2022}));
        QCOMPARE(info.tableRows.value(QStringLiteral("jcr_fact")), 16); // Alpha 5, Beta 3, eight journals 1
        QVERIFY(info.builtAt.isValid());
        const HealthReport health = m_repository.health();
        QVERIFY(health.healthy);
        QVERIFY(health.message.isEmpty());
        QCOMPARE(health.newestDataYear, 2025);
        QCOMPARE(health.dataAgeDays, 0);
    }

    void brokenDatabaseFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::addRow("missing") << QByteArray() << "sync";
        QTest::addRow("not a database") << QByteArray("this is not a database file at all, just text\n").repeated(100)
                                        << "sync";
        QTest::addRow("empty file") << QByteArray("") << "sync";
    }
    void brokenDatabaseFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        const QString path = m_dir.filePath(QStringLiteral("broken-%1.db").arg(QTest::currentDataTag()));
        if (QByteArray(QTest::currentDataTag()) != "missing") {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        JournalRepository repository;
        QString error;
        QVERIFY(!repository.open(path, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(!repository.search(QStringLiteral("Alpha")).ok());
        const HealthReport health = JournalRepository::healthOf(path);
        QVERIFY(!health.healthy);
        QVERIFY(health.message.contains(message));
    }

    void damageOneConnectionMeetsMakesEveryOneUnhealthy()
    {
        // Two connections (two server workers) on one file. `reporter` has read everything health() asks, so its
        // own queries would still succeed from its page cache after the file is damaged; `reader` has read little.
        const QString path = m_dir.filePath(QStringLiteral("damaged.db"));
        QVERIFY(QFile::copy(m_path, path));
        JournalRepository reporter;
        JournalRepository reader;
        QString error;
        QVERIFY2(reporter.open(path, &error) && reader.open(path, &error), qPrintable(error));
        QVERIFY(reporter.health().healthy);

        // Noise over every page but the first (whose header says the file is unchanged), as a disk fault would.
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite) && file.seek(4096));
        QVERIFY(file.write(QByteArray(file.size() - 4096, '\x5a')) > 0);
        file.close();

        QVERIFY(!reader.profile(QStringLiteral("Alpha Journal of Testing"), &error));
        QVERIFY2(!error.isEmpty(), "a damaged page must give an error, not 'not found'");
        QVERIFY2(!reader.damage().isEmpty(), qPrintable(error));
        QCOMPARE(reporter.damage(), reader.damage());
        const HealthReport health = reporter.health();
        QVERIFY(!health.healthy);
        QVERIFY2(health.message.contains(reader.damage()), qPrintable(health.message));
    }

    void otherSchemaVersionIsRefused()
    {
        const QString path = m_dir.filePath(QStringLiteral("old.db"));
        QVERIFY(QFile::copy(m_path, path));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version=99"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        JournalRepository repository;
        QString error;
        QVERIFY(!repository.open(path, &error));
        QVERIFY2(error.contains(QStringLiteral("another version")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestJournalRepository)
#include "tst_journalrepository.moc"
