#include "csvreader.h"
#include "testpaths.h"

#include <QFile>
#include <QtTest>

using jcr::CsvReader;

namespace {

using Rows = QList<QStringList>;

QByteArray bom()
{
    return QByteArrayLiteral("\xEF\xBB\xBF");
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void readAllMatchesReadRow_data();
    void readAllMatchesReadRow();
    void encodingErrors_data();
    void encodingErrors();
    void unterminatedQuote_data();
    void unterminatedQuote();
    void fixtures_data();
    void fixtures();
};

void TestCsvReader::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Rows>("expectedRows");
    // The physical line on which each row starts, as lineNumber() reports after readRow().
    QTest::addColumn<QList<int>>("expectedLines");

    QTest::addRow("LF") << QByteArray("a,b\nc,d\n") << Rows{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
    QTest::addRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << Rows{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
    QTest::addRow("CR only") << QByteArray("a,b\rc,d\r") << Rows{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
    QTest::addRow("mixed line ends") << QByteArray("a\nb\r\nc\rd") << Rows{{"a"}, {"b"}, {"c"}, {"d"}}
                                     << QList<int>{1, 2, 3, 4};
    QTest::addRow("no final line break") << QByteArray("a,b\nc,d") << Rows{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
    QTest::addRow("BOM dropped") << bom() + QByteArray("Journal,IF(2025)\nX,1\n")
                                 << Rows{{"Journal", "IF(2025)"}, {"X", "1"}} << QList<int>{1, 2};
    QTest::addRow("BOM with CRLF") << bom() + QByteArray("刊物简称,Journal\r\nTOCS,ACM\r\n")
                                   << Rows{{"刊物简称", "Journal"}, {"TOCS", "ACM"}} << QList<int>{1, 2};
    QTest::addRow("BOM only") << bom() << Rows{} << QList<int>{};
    QTest::addRow("empty input") << QByteArray() << Rows{} << QList<int>{};
    QTest::addRow("only line breaks") << QByteArray("\n\r\n\r") << Rows{} << QList<int>{};
    QTest::addRow("quoted comma") << QByteArray("X,\"COMPUTER SCIENCE, THEORY & METHODS\",Q1\n")
                                  << Rows{{"X", "COMPUTER SCIENCE, THEORY & METHODS", "Q1"}} << QList<int>{1};
    QTest::addRow("doubled quotes") << QByteArray("\"中英文期刊\"\"同质等效\"\"评价\",\"\"\"\"\n")
                                    << Rows{{"中英文期刊\"同质等效\"评价", "\""}} << QList<int>{1};
    QTest::addRow("empty quoted field") << QByteArray("\"\",a,\"\"\n") << Rows{{"", "a", ""}} << QList<int>{1};
    QTest::addRow("LF inside quotes") << QByteArray("a,\"line1\nline2\"\nb,c\n")
                                      << Rows{{"a", "line1\nline2"}, {"b", "c"}} << QList<int>{1, 3};
    QTest::addRow("CRLF inside quotes") << QByteArray("a,\"x\r\ny\r\nz\"\r\nb\r\n") << Rows{{"a", "x\r\ny\r\nz"}, {"b"}}
                                        << QList<int>{1, 4};
    QTest::addRow("CR inside quotes") << QByteArray("\"x\ry\"\rb") << Rows{{"x\ry"}, {"b"}} << QList<int>{1, 3};
    QTest::addRow("short rows") << QByteArray("a,b,c\nd\ne,f\n") << Rows{{"a", "b", "c"}, {"d"}, {"e", "f"}}
                                << QList<int>{1, 2, 3};
    QTest::addRow("trailing empty fields")
        << QByteArray("a,,\n,\n") << Rows{{"a", "", ""}, {"", ""}} << QList<int>{1, 2};
    QTest::addRow("trailing comma at end of text") << QByteArray("a,") << Rows{{"a", ""}} << QList<int>{1};
    QTest::addRow("blank lines skipped") << QByteArray("\n\na\n\n\nb\n\n") << Rows{{"a"}, {"b"}} << QList<int>{3, 6};
    QTest::addRow("blank CRLF lines skipped") << QByteArray("a\r\n\r\n\r\nb") << Rows{{"a"}, {"b"}} << QList<int>{1, 4};
    QTest::addRow("white-space-only line skipped")
        << QByteArray("a\n  \t \nb\n") << Rows{{"a"}, {"b"}} << QList<int>{1, 3};
    QTest::addRow("spaces in fields kept") << QByteArray(" a , b \n") << Rows{{" a ", " b "}} << QList<int>{1};
    QTest::addRow("quote inside unquoted field is literal")
        << QByteArray("ab\"c,d\n") << Rows{{"ab\"c", "d"}} << QList<int>{1};
    QTest::addRow("text after closing quote kept") << QByteArray("\"a\"b,c\n") << Rows{{"ab", "c"}} << QList<int>{1};
    QTest::addRow("DEL kept as is") << QByteArray("Brain\x7FX,6.4\n") << Rows{{QStringLiteral("Brain\x7FX"), "6.4"}}
                                    << QList<int>{1};
    QTest::addRow("full-width punctuation") << QByteArray("刊物名称,CCF推荐类别（国际学术刊物/会议）\n")
                                            << Rows{{"刊物名称", "CCF推荐类别（国际学术刊物/会议）"}} << QList<int>{1};
}

void TestCsvReader::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(Rows, expectedRows);
    QFETCH(QList<int>, expectedLines);
    QCOMPARE(expectedLines.size(), expectedRows.size()); // guards the table itself

    CsvReader reader(input);
    Rows rows;
    QList<int> lines;
    QStringList fields;
    while (reader.readRow(&fields)) {
        rows.append(fields);
        lines.append(reader.lineNumber());
        QVERIFY2(rows.size() <= expectedRows.size() + 1, "reader does not stop");
    }
    QCOMPARE(rows, expectedRows);
    QCOMPARE(lines, expectedLines);
    QVERIFY(!reader.hasEncodingErrors());
    QVERIFY(!reader.endedInsideQuotes());
    // Reading past the end stays at the end.
    QVERIFY(!reader.readRow(&fields));
    QVERIFY(fields.isEmpty());
}

void TestCsvReader::readAllMatchesReadRow_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("expectedRowCount");

    QTest::addRow("header and two rows") << QByteArray("Journal,IF(2021)\nA,1\nB,2\n") << 3;
    QTest::addRow("BOM, CRLF, blank line") << bom() + QByteArray("Journal\r\n\r\nA\r\n") << 2;
    QTest::addRow("multi-line field") << QByteArray("Journal,Note\n\"A\",\"x\ny\"\n") << 2;
    QTest::addRow("empty") << QByteArray() << 0;
}

void TestCsvReader::readAllMatchesReadRow()
{
    QFETCH(QByteArray, input);
    QFETCH(int, expectedRowCount);

    const Rows all = CsvReader::readAll(input);
    QCOMPARE(all.size(), expectedRowCount);

    CsvReader reader(input);
    Rows oneByOne;
    QStringList fields;
    while (reader.readRow(&fields))
        oneByOne.append(fields);
    QCOMPARE(all, oneByOne);
    if (expectedRowCount > 0)
        QCOMPARE(all.first().first(), QStringLiteral("Journal")); // the header is included, without BOM
}

void TestCsvReader::encodingErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("expectedError");

    QTest::addRow("valid ASCII") << QByteArray("a,b\n") << false;
    QTest::addRow("valid Chinese") << QByteArray("计算机学报,是\n") << false;
    QTest::addRow("valid with BOM") << bom() + QByteArray("a\n") << false;
    QTest::addRow("0xFF byte") << QByteArray("a,\xFF\xFE"
                                             "b\n")
                               << true;
    QTest::addRow("Latin-1 e acute") << QByteArray("Caf\xE9,1\n") << true;
    QTest::addRow("truncated sequence at end") << QByteArray("a,\xE4\xB8") << true;
    QTest::addRow("overlong encoding") << QByteArray("a,\xC0\xAF\n") << true;
}

void TestCsvReader::encodingErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, expectedError);

    CsvReader reader(input);
    QStringList fields;
    bool sawReplacement = false;
    while (reader.readRow(&fields)) {
        for (const QString& field : std::as_const(fields))
            sawReplacement = sawReplacement || field.contains(QChar(QChar::ReplacementCharacter));
    }
    QCOMPARE(reader.hasEncodingErrors(), expectedError);
    // Invalid bytes must stay visible in the text rather than vanish.
    QCOMPARE(sawReplacement, expectedError);
}

void TestCsvReader::unterminatedQuote_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Rows>("expectedRows");
    QTest::addColumn<bool>("expectedUnterminated");

    QTest::addRow("closed") << QByteArray("a,\"b\"\n") << Rows{{"a", "b"}} << false;
    QTest::addRow("open at end") << QByteArray("a,\"bc") << Rows{{"a", "bc"}} << true;
    QTest::addRow("open across lines") << QByteArray("h\n\"x,\ny") << Rows{{"h"}, {"x,\ny"}} << true;
    QTest::addRow("doubled quote then end") << QByteArray("\"a\"\"") << Rows{{"a\""}} << true;
    QTest::addRow("lone quote") << QByteArray("\"") << Rows{{""}} << true;
}

void TestCsvReader::unterminatedQuote()
{
    QFETCH(QByteArray, input);
    QFETCH(Rows, expectedRows);
    QFETCH(bool, expectedUnterminated);

    CsvReader reader(input);
    Rows rows;
    QStringList fields;
    while (reader.readRow(&fields))
        rows.append(fields);
    QCOMPARE(rows, expectedRows);
    QCOMPARE(reader.endedInsideQuotes(), expectedUnterminated);
}

void TestCsvReader::fixtures_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QList<int>>("expectedFieldCounts");
    QTest::addColumn<QList<int>>("expectedLines");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expectedValue");
    QTest::addColumn<bool>("expectedEncodingErrors");
    QTest::addColumn<bool>("expectedUnterminated");

    QTest::addRow("BOM, CRLF, quotes: header") << "csv_quoted_crlf_bom.csv" << QList<int>{4, 4, 4, 4, 2, 4}
                                               << QList<int>{1, 2, 4, 5, 7, 8} << 0 << 0 << "Journal" << false << false;
    QTest::addRow("BOM, CRLF, quotes: quoted comma")
        << "csv_quoted_crlf_bom.csv" << QList<int>{4, 4, 4, 4, 2, 4} << QList<int>{1, 2, 4, 5, 7, 8} << 1 << 2
        << "GEOSCIENCES, MULTIDISCIPLINARY" << false << false;
    QTest::addRow("BOM, CRLF, quotes: doubled quotes")
        << "csv_quoted_crlf_bom.csv" << QList<int>{4, 4, 4, 4, 2, 4} << QList<int>{1, 2, 4, 5, 7, 8} << 2 << 3
        << "says \"hi\"" << false << false;
    QTest::addRow("BOM, CRLF, quotes: CRLF in field")
        << "csv_quoted_crlf_bom.csv" << QList<int>{4, 4, 4, 4, 2, 4} << QList<int>{1, 2, 4, 5, 7, 8} << 3 << 0
        << "Multi\r\nLine Journal" << false << false;
    QTest::addRow("short rows, no BOM, no final LF")
        << "csv_lf_nobom_short_rows.csv" << QList<int>{8, 6, 8, 6} << QList<int>{1, 2, 3, 4} << 3 << 0
        << QStringLiteral("大数据挖掘与分析（英文）") << false << false;
    QTest::addRow("short rows: doubled quotes")
        << "csv_lf_nobom_short_rows.csv" << QList<int>{8, 6, 8, 6} << QList<int>{1, 2, 3, 4} << 2 << 0
        << "Journal of Chinese \"Big Data\"" << false << false;
    QTest::addRow("CR line ends") << "csv_cr_line_ends.csv" << QList<int>{2, 2, 2} << QList<int>{1, 2, 4} << 1 << 1
                                  << "d\re" << false << false;
    QTest::addRow("invalid UTF-8") << "csv_invalid_utf8.csv" << QList<int>{2, 2} << QList<int>{1, 2} << 1 << 1 << "1.0"
                                   << true << false;
    QTest::addRow("unterminated quote") << "csv_unterminated_quote.csv" << QList<int>{2, 1} << QList<int>{1, 2} << 1
                                        << 0 << "Truncated, Jour" << false << true;
}

void TestCsvReader::fixtures()
{
    QFETCH(QString, fileName);
    QFETCH(QList<int>, expectedFieldCounts);
    QFETCH(QList<int>, expectedLines);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expectedValue);
    QFETCH(bool, expectedEncodingErrors);
    QFETCH(bool, expectedUnterminated);

    QFile file(jcr::test::fixturesDir() + QLatin1Char('/') + fileName);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName() + QLatin1String(": ") + file.errorString()));
    const QByteArray data = file.readAll();

    CsvReader reader(data);
    Rows rows;
    QList<int> fieldCounts;
    QList<int> lines;
    QStringList fields;
    while (reader.readRow(&fields)) {
        rows.append(fields);
        fieldCounts.append(int(fields.size()));
        lines.append(reader.lineNumber());
    }
    QCOMPARE(fieldCounts, expectedFieldCounts);
    QCOMPARE(lines, expectedLines);
    QVERIFY(row < rows.size());
    QVERIFY(column < rows.at(row).size());
    QCOMPARE(rows.at(row).at(column), expectedValue);
    QCOMPARE(reader.hasEncodingErrors(), expectedEncodingErrors);
    QCOMPARE(reader.endedInsideQuotes(), expectedUnterminated);
    QCOMPARE(CsvReader::readAll(data), rows);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
