// Unit tests of SourceParser's cell parsers: the values whose spelling varies between the ShowJCR files.

#include "sourceparser.h"

#include <QTest>

using jcr::SourceParser;

class TestSourceParser : public QObject
{
    Q_OBJECT

private slots:
    void impactFactor_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("hasValue");
        QTest::addColumn<double>("value");
        QTest::addRow("decimal") << "56.1" << true << 56.1;
        QTest::addRow("whole number without .0") << "109" << true << 109.0;
        QTest::addRow("three decimals") << "0.688" << true << 0.688;
        QTest::addRow("surrounding space") << " 3.5 " << true << 3.5;
        QTest::addRow("N/A") << "N/A" << false << 0.0;
        QTest::addRow("Not Available") << "Not Available" << false << 0.0;
        QTest::addRow("below 0.1") << "<0.1" << false << 0.0;
        QTest::addRow("empty") << "" << false << 0.0;
        QTest::addRow("negative is not an IF") << "-1" << false << 0.0;
    }
    void impactFactor()
    {
        QFETCH(QString, text);
        QFETCH(bool, hasValue);
        QFETCH(double, value);
        const std::optional<double> parsed = SourceParser::parseImpactFactor(text);
        QCOMPARE(parsed.has_value(), hasValue);
        if (hasValue)
            QCOMPARE(*parsed, value);
    }

    void rank_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rank");
        QTest::addColumn<int>("total");
        QTest::addRow("rank") << "1/333" << 1 << 333;
        QTest::addRow("spaces") << " 12 / 40 " << 12 << 40;
        QTest::addRow("Excel date serial") << "45321" << 0 << 0;
        QTest::addRow("N/A") << "N/A" << 0 << 0;
        QTest::addRow("empty") << "" << 0 << 0;
    }
    void rank()
    {
        QFETCH(QString, text);
        QFETCH(int, rank);
        QFETCH(int, total);
        const QPair<int, int> parsed = SourceParser::parseRank(text);
        QCOMPARE(parsed.first, rank);
        QCOMPARE(parsed.second, total);
    }

    void partition_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("partition");
        QTest::addColumn<int>("rank");
        QTest::addColumn<int>("total");
        QTest::addRow("until 2023") << "1" << 1 << 0 << 0;
        QTest::addRow("2025 with rank") << "4 [625/778]" << 4 << 625 << 778;
        QTest::addRow("no space") << "2[15/495]" << 2 << 15 << 495;
        QTest::addRow("out of range") << "5" << 0 << 0 << 0;
        QTest::addRow("empty") << "" << 0 << 0 << 0;
        QTest::addRow("text") << "一区" << 0 << 0 << 0;
    }
    void partition()
    {
        QFETCH(QString, text);
        QFETCH(int, partition);
        QFETCH(int, rank);
        QFETCH(int, total);
        int p = -1, r = -1, t = -1;
        SourceParser::parsePartition(text, &p, &r, &t);
        QCOMPARE(p, partition);
        QCOMPARE(r, rank);
        QCOMPARE(t, total);
    }

    void webOfScience_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("one") << "SCIE"
                             << "SCIE";
        QTest::addRow("semicolon") << "SCIE;SSCI"
                                   << "SCIE, SSCI";
        QTest::addRow("comma") << "SSCI, AHCI"
                               << "SSCI, AHCI";
        QTest::addRow("glued") << "SSCI;AHCISCIE"
                               << "SSCI, AHCI, SCIE";
        QTest::addRow("on hold") << "SCIEOnHold"
                                 << "SCIE (on hold)";
        QTest::addRow("suppressed") << "ESCISuppressed"
                                    << "ESCI (suppressed)";
        QTest::addRow("repeated") << "SCIE;SCIE"
                                  << "SCIE";
        QTest::addRow("empty") << ""
                               << "";
    }
    void webOfScience()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SourceParser::normalizeWebOfScience(text), expected);
    }

    void quartile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("Q1") << "Q1"
                            << "Q1";
        QTest::addRow("lower case") << "q3"
                                    << "Q3";
        QTest::addRow("N/A stays empty") << "N/A"
                                         << "";
        QTest::addRow("Q5 is not a quartile") << "Q5"
                                              << "";
    }
    void quartile()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(SourceParser::normalizeQuartile(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestSourceParser)
#include "tst_sourceparser.moc"
