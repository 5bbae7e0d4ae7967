#include "csvheader.h"

#include <QtTest>

using jcr::CsvHeader;

namespace {

// Header rows as they appear in the ShowJCR files (names only, typed here; the data stays outside the repo).
const QStringList jcr2020{"Journal", "IF (2020)"};
const QStringList jcr2021{"Journal", "IF(2021)"};
const QStringList jcr2022{QStringLiteral("\uFEFFJournal"), "IF(2022)", "IF Quartile(2022)"};
const QStringList jcr2023{QStringLiteral("\uFEFFJournal"),
                          "Country",
                          "ISSN",
                          "EISSN",
                          "Web of Science",
                          " IF(2023)",
                          "Category",
                          "IF Quartile(2023)",
                          "Category Rank(2023)"};
const QStringList jcr2024{"Journal", "ISSN", "eISSN", "Category", "IF(2024)", "IF Quartile(2024)", "IF Rank(2024)"};
const QStringList jcr2025{"Journal",
                          "ISSN",
                          "EISSN",
                          "Web of Science",
                          "IF(2025)",
                          "Category_1",
                          "IF Quartile(2025)_1",
                          "IF Rank(2025)_1",
                          "Category_2",
                          "IF Quartile(2025)_2",
                          "IF Rank(2025)_2",
                          "Category_3",
                          "IF Quartile(2025)_3",
                          "IF Rank(2025)_3",
                          "Category_4",
                          "IF Quartile(2025)_4",
                          "IF Rank(2025)_4",
                          "Category_5",
                          "IF Quartile(2025)_5",
                          "IF Rank(2025)_5",
                          "Category_6",
                          "IF Quartile(2025)_6",
                          "IF Rank(2025)_6"};
const QStringList fqb2021{QStringLiteral("\uFEFFJournal"),
                          "年份",
                          "ISSN",
                          "Review",
                          "Open Access",
                          "Web of Science",
                          "大类",
                          "大类分区",
                          "Top",
                          "小类1",
                          "小类1分区",
                          "小类2",
                          "小类2分区",
                          "小类3",
                          "小类3分区",
                          "小类4",
                          "小类4分区",
                          "小类5",
                          "小类5分区",
                          "小类6",
                          "小类6分区"};
const QStringList fqb2025{
    "Journal",     "年份",           "ISSN/EISSN", "Review",    QStringLiteral("OA Journal Index（OAJ）"),
    "Open Access", "Web of Science", "标注",       "大类",      "大类分区",
    "Top",         "小类1",          "小类1分区",  "小类2",     "小类2分区",
    "小类3",       "小类3分区",      "小类4",      "小类4分区", "小类5",
    "小类5分区",   "小类6",          "小类6分区"};
const QStringList warning2020{QStringLiteral("\uFEFFJournal"), QStringLiteral("预警等级（2020）")};
const QStringList warning2024{"Journal", QStringLiteral("预警原因（2024）")};
const QStringList ccf2019{QStringLiteral("\uFEFF刊物简称"),
                          "Journal",
                          "年份",
                          "出版社",
                          "网址",
                          "领域",
                          QStringLiteral("CCF推荐类别（国际学术刊物/会议）"),
                          "CCF推荐类型",
                          "合并/更名为"};
const QStringList ccf2022{
    "刊物名称",   "Journal", "年份", "出版社", "网址", "领域", QStringLiteral("CCF推荐类别（国际学术刊物/会议）"),
    "CCF推荐类型"};

const QString ifPattern = QStringLiteral("if\\(\\d{4}\\)");

} // namespace

class TestCsvHeader : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void indexOf_data();
    void indexOf();
    void indexesOf_data();
    void indexesOf();
    void yearIn_data();
    void yearIn();
    void names_data();
    void names();
    void fieldAt_data();
    void fieldAt();
};

void TestCsvHeader::normalize_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::addRow("space before parenthesis") << "IF (2020)"
                                              << "if(2020)";
    QTest::addRow("no space") << "IF(2021)"
                              << "if(2021)";
    QTest::addRow("leading space") << " IF(2023)"
                                   << "if(2023)";
    QTest::addRow("group suffix") << "IF Quartile(2025)_1"
                                  << "ifquartile(2025)_1";
    QTest::addRow("eISSN") << "eISSN"
                           << "eissn";
    QTest::addRow("EISSN") << "EISSN"
                           << "eissn";
    QTest::addRow("slash kept") << "ISSN/EISSN"
                                << "issn/eissn";
    QTest::addRow("inner spaces") << "Web of Science"
                                  << "webofscience";
    QTest::addRow("full-width parentheses") << QStringLiteral("预警等级（2020）") << QStringLiteral("预警等级(2020)");
    QTest::addRow("full-width parentheses, Latin")
        << QStringLiteral("OA Journal Index（OAJ）") << "oajournalindex(oaj)";
    QTest::addRow("CCF category") << QStringLiteral("CCF推荐类别（国际学术刊物/会议）")
                                  << QStringLiteral("ccf推荐类别(国际学术刊物/会议)");
    QTest::addRow("BOM glued to first name") << QStringLiteral("\uFEFF刊物简称") << QStringLiteral("刊物简称");
    QTest::addRow("BOM and Latin") << QStringLiteral("\uFEFFJournal") << "journal";
    QTest::addRow("ideographic and no-break spaces") << QStringLiteral("\u3000Open\u00A0Access\t") << "openaccess";
    QTest::addRow("full-width letters") << QStringLiteral("ＩＦ（２０２５）") << "if(2025)";
    QTest::addRow("empty") << ""
                           << "";
}

void TestCsvHeader::normalize()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(CsvHeader::normalize(name), expected);
}

void TestCsvHeader::indexOf_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<int>("expected");

    QTest::addRow("IF (2020)") << jcr2020 << ifPattern << 1;
    QTest::addRow("IF(2021)") << jcr2021 << ifPattern << 1;
    QTest::addRow("IF(2022) not the quartile") << jcr2022 << ifPattern << 1;
    QTest::addRow(" IF(2023) with leading space") << jcr2023 << ifPattern << 5;
    QTest::addRow("IF(2024)") << jcr2024 << ifPattern << 4;
    QTest::addRow("IF(2025)") << jcr2025 << ifPattern << 4;
    QTest::addRow("pattern in upper case") << jcr2025 << "IF\\(\\d{4}\\)" << 4;
    QTest::addRow("quartile 2022") << jcr2022 << "ifquartile\\(\\d{4}\\)" << 2;
    QTest::addRow("no quartile in 2020") << jcr2020 << "ifquartile\\(\\d{4}\\)" << -1;
    QTest::addRow("ISSN is not EISSN") << jcr2023 << "issn" << 2;
    QTest::addRow("EISSN 2023") << jcr2023 << "eissn" << 3;
    QTest::addRow("eISSN 2024") << jcr2024 << "eissn" << 2;
    QTest::addRow("EISSN 2025") << jcr2025 << "eissn" << 2;
    QTest::addRow("ISSN/EISSN") << fqb2025 << "issn/eissn" << 2;
    QTest::addRow("no plain ISSN in CAS 2025") << fqb2025 << "issn" << -1;
    QTest::addRow("Journal with BOM") << jcr2023 << "journal" << 0;
    QTest::addRow("Web of Science") << jcr2023 << "webofscience" << 4;
    QTest::addRow("Category exact, not the rank") << jcr2023 << "category" << 6;
    QTest::addRow("Category Rank(2023)") << jcr2023 << "categoryrank\\(\\d{4}\\)" << 8;
    QTest::addRow("IF Rank(2024)") << jcr2024 << "ifrank\\(\\d{4}\\)" << 6;
    QTest::addRow("Category_1") << jcr2025 << "category_1" << 5;
    QTest::addRow("optional group suffix, 2023") << jcr2023 << "category(_\\d)?" << 6;
    QTest::addRow("optional group suffix, 2025") << jcr2025 << "category(_\\d)?" << 5;
    QTest::addRow("IF Rank(2025)_1") << jcr2025 << "ifrank\\(\\d{4}\\)_1" << 7;
    QTest::addRow("IF Quartile(2025)_6") << jcr2025 << "ifquartile\\(\\d{4}\\)_6" << 21;
    QTest::addRow("预警等级（2020）") << warning2020 << QStringLiteral("预警(等级|原因)\\(\\d{4}\\)") << 1;
    QTest::addRow("预警原因（2024）") << warning2024 << QStringLiteral("预警(等级|原因)\\(\\d{4}\\)") << 1;
    QTest::addRow("刊物简称 with BOM") << ccf2019 << QStringLiteral("刊物(简称|名称)") << 0;
    QTest::addRow("刊物名称") << ccf2022 << QStringLiteral("刊物(简称|名称)") << 0;
    QTest::addRow("CCF推荐类别（国际学术刊物/会议）")
        << ccf2022 << QStringLiteral("ccf推荐类别\\(国际学术刊物/会议\\)") << 6;
    QTest::addRow("CCF推荐类型 is a different column") << ccf2022 << QStringLiteral("ccf推荐类型") << 7;
    QTest::addRow("大类分区") << fqb2021 << QStringLiteral("大类分区") << 7;
    QTest::addRow("大类 exact") << fqb2021 << QStringLiteral("大类") << 6;
    QTest::addRow("小类1分区") << fqb2021 << QStringLiteral("小类1分区") << 10;
    QTest::addRow("OA Journal Index（OAJ）") << fqb2025 << "oajournalindex\\(oaj\\)" << 4;
    QTest::addRow("Open Access after OAJ") << fqb2025 << "openaccess" << 5;
    QTest::addRow("partial name does not match") << jcr2025 << "category" << -1;
    QTest::addRow("missing column") << jcr2021 << "issn" << -1;
    QTest::addRow("invalid pattern") << jcr2025 << "if(" << -1;
    QTest::addRow("short header") << QStringList{"Journal"} << ifPattern << -1;
    QTest::addRow("empty header") << QStringList{} << "journal" << -1;
}

void TestCsvHeader::indexOf()
{
    QFETCH(QStringList, names);
    QFETCH(QString, pattern);
    QFETCH(int, expected);

    // An invalid pattern is a programming error: it must be reported, not silently match nothing.
    if (!QRegularExpression(pattern).isValid())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid column pattern")));

    const CsvHeader header(names);
    QCOMPARE(header.size(), int(names.size()));
    QCOMPARE(header.indexOf(pattern), expected);
}

void TestCsvHeader::indexesOf_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QList<int>>("expected");

    QTest::addRow("Category_1.._6") << jcr2025 << "category_\\d" << QList<int>{5, 8, 11, 14, 17, 20};
    QTest::addRow("IF Quartile(2025)_1.._6")
        << jcr2025 << "ifquartile\\(\\d{4}\\)_\\d" << QList<int>{6, 9, 12, 15, 18, 21};
    QTest::addRow("IF Rank(2025)_1.._6") << jcr2025 << "ifrank\\(\\d{4}\\)_\\d" << QList<int>{7, 10, 13, 16, 19, 22};
    QTest::addRow("小类1..6") << fqb2021 << QStringLiteral("小类\\d") << QList<int>{9, 11, 13, 15, 17, 19};
    QTest::addRow("小类1..6分区") << fqb2025 << QStringLiteral("小类\\d分区") << QList<int>{12, 14, 16, 18, 20, 22};
    QTest::addRow("both ISSN columns") << jcr2024 << "e?issn" << QList<int>{1, 2};
    QTest::addRow("single match") << jcr2020 << ifPattern << QList<int>{1};
    QTest::addRow("no match") << jcr2020 << "category_\\d" << QList<int>{};
    QTest::addRow("invalid pattern") << jcr2025 << "[" << QList<int>{};
}

void TestCsvHeader::indexesOf()
{
    QFETCH(QStringList, names);
    QFETCH(QString, pattern);
    QFETCH(QList<int>, expected);

    // An invalid pattern is a programming error: it must be reported, not silently match nothing.
    if (!QRegularExpression(pattern).isValid())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("invalid column pattern")));

    QCOMPARE(CsvHeader(names).indexesOf(pattern), expected);
}

void TestCsvHeader::yearIn_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("expected");

    QTest::addRow("IF (2020)") << jcr2020 << 1 << 2020;
    QTest::addRow("IF(2021)") << jcr2021 << 1 << 2021;
    QTest::addRow(" IF(2023)") << jcr2023 << 5 << 2023;
    QTest::addRow("Category Rank(2023)") << jcr2023 << 8 << 2023;
    QTest::addRow("IF Rank(2025)_1") << jcr2025 << 7 << 2025;
    QTest::addRow("IF Quartile(2025)_6") << jcr2025 << 21 << 2025;
    QTest::addRow("预警等级（2020）") << warning2020 << 1 << 2020;
    QTest::addRow("预警原因（2024）") << warning2024 << 1 << 2024;
    QTest::addRow("full-width digits") << QStringList{QStringLiteral("IF（２０２２）")} << 0 << 2022;
    QTest::addRow("no year") << jcr2025 << 0 << 0;
    QTest::addRow("group number is not a year") << jcr2025 << 5 << 0;
    QTest::addRow("小类1分区") << fqb2021 << 10 << 0;
    QTest::addRow("longer number is not a year") << QStringList{"Code 120215"} << 0 << 0;
    QTest::addRow("index -1") << jcr2025 << -1 << 0;
    QTest::addRow("index past the end") << jcr2020 << 2 << 0;
}

void TestCsvHeader::yearIn()
{
    QFETCH(QStringList, names);
    QFETCH(int, index);
    QFETCH(int, expected);

    QCOMPARE(CsvHeader(names).yearIn(index), expected);
}

void TestCsvHeader::names_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expectedOriginal");
    QTest::addColumn<QString>("expectedNormalized");

    QTest::addRow("BOM kept in original only")
        << ccf2019 << 0 << QStringLiteral("\uFEFF刊物简称") << QStringLiteral("刊物简称");
    QTest::addRow("leading space kept in original only") << jcr2023 << 5 << " IF(2023)"
                                                         << "if(2023)";
    QTest::addRow("full-width") << warning2024 << 1 << QStringLiteral("预警原因（2024）")
                                << QStringLiteral("预警原因(2024)");
    QTest::addRow("index -1") << jcr2020 << -1 << ""
                              << "";
    QTest::addRow("index past the end of a short header") << QStringList{"Journal"} << 1 << ""
                                                          << "";
}

void TestCsvHeader::names()
{
    QFETCH(QStringList, names);
    QFETCH(int, index);
    QFETCH(QString, expectedOriginal);
    QFETCH(QString, expectedNormalized);

    const CsvHeader header(names);
    QCOMPARE(header.originalName(index), expectedOriginal);
    QCOMPARE(header.normalizedName(index), expectedNormalized);
}

void TestCsvHeader::fieldAt_data()
{
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("expected");

    QTest::addRow("plain") << QStringList{"Nature", "50.5"} << 1 << "50.5";
    QTest::addRow("trimmed") << QStringList{"  Nature \t", "x"} << 0 << "Nature";
    QTest::addRow("ideographic space trimmed")
        << QStringList{QStringLiteral("\u3000计算机学报\u3000")} << 0 << QStringLiteral("计算机学报");
    QTest::addRow("inner spaces kept") << QStringList{" Web  of Science "} << 0 << "Web  of Science";
    QTest::addRow("index -1") << QStringList{"a"} << -1 << "";
    QTest::addRow("short row") << QStringList{"a", "b"} << 5 << "";
    QTest::addRow("empty row") << QStringList{} << 0 << "";
}

void TestCsvHeader::fieldAt()
{
    QFETCH(QStringList, row);
    QFETCH(int, index);
    QFETCH(QString, expected);

    const QString value = jcr::fieldAt(row, index);
    QCOMPARE(value, expected);
}

QTEST_GUILESS_MAIN(TestCsvHeader)
#include "tst_csvheader.moc"
