// Tests of the reference list readers (BibTeX, RIS, CSL-JSON, plain lines), the format detection and limits of
// ReferenceListParser, LatexDecoder and ReferenceClassifier, on fixtures in tests/data/fixtures/references and
// on hostile input built here.
#include "latexdecoder.h"
#include "referenceclassifier.h"
#include "referencelistparser.h"
#include "testpaths.h"

#include <QFile>
#include <QtTest>

using jcr::LatexDecoder;
using jcr::ReferenceClassifier;
using jcr::ReferenceEntry;
using jcr::ReferenceListParser;

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(jcr::test::fixturesDir() + QStringLiteral("/references/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// "key|venue|classification" of each entry: one string per entry, easy to compare and to read on failure.
QStringList summarise(const QList<ReferenceEntry>& entries)
{
    QStringList lines;
    for (const ReferenceEntry& entry : entries) {
        const ReferenceClassifier::Verdict verdict = ReferenceClassifier::classify(entry);
        QString line =
            entry.key + QLatin1Char('|') + entry.venue + QLatin1Char('|') + ReferenceClassifier::kindName(verdict.kind);
        if (verdict.kind == ReferenceClassifier::Kind::Preprint)
            line += QLatin1Char(':') + verdict.detail;
        lines << line;
    }
    return lines;
}

} // namespace

class TestReferenceListParser : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void lines_data();
    void lines();
    void latex_data();
    void latex();
    void placeholder_data();
    void placeholder();
    void hostile_data();
    void hostile();
    void tooManyEntries_data();
    void tooManyEntries();
    void exactlyTheLimitIsAccepted();
};

void TestReferenceListParser::fixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bibtex oddities")
        << "oddities.bib"
        << "bibtex"
        << QStringList{
               "braced|Nature|venue",
               "quoted|Science|venue",
               "macro|Nature Communications|venue",
               "concat|IEEE Transactions on Pattern Analysis and Machine Intelligence|venue",
               "escapes|Physical Review Letters|venue",
               "ampersand|Journal of Materials Science & Technology|venue",
               "accent|Revue d'Économie Politique|venue",
               "tie|J. Am. Chem. Soc.|venue",
               "parens|Journal of the American Chemical Society|venue",
               "biblatex|Cell|venue",
               "conf|Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition (CVPR)|venue",
               "book||no_venue",
               "chapter||no_venue",
               "thesis||no_venue",
               "arxiv||preprint:arXiv",
               "arxivjournal|arXiv preprint arXiv:2101.00001|preprint:arXiv",
               "corr|CoRR|preprint:arXiv",
               "biorxiv|bioRxiv|preprint:bioRxiv",
               "ssrn||preprint:SSRN",
               "fill|[FILL]|placeholder",
               "todo|TODO|placeholder",
               "questions|??|placeholder",
               "nojournal||missing_venue",
               "issnonly||venue",
           };
    QTest::newRow("bibtex unbalanced braces resume at the next entry")
        << "unbalanced.bib"
        << "bibtex" << QStringList{"good1|Nature|venue", "broken||invalid", "good2|Cell|venue", "good3||invalid"};
    QTest::newRow("bibtex crlf") << "crlf.bib"
                                 << "bibtex" << QStringList{"crlf1|Nature|venue", "crlf2|Cell|venue"};
    QTest::newRow("ris") << "sample.ris"
                         << "ris"
                         << QStringList{
                                "ris1|Nature Communications|venue",
                                "line 10|Phys. Rev. Lett.|venue",
                                "line 15|The Lancet|venue",
                                "ris4|International Conference on Machine Learning|venue",
                                "line 25||no_venue",
                                "line 29||no_venue",
                                "line 33||preprint:arXiv",
                                "line 37|[FILL]|placeholder",
                                "line 41|J Am Chem Soc|venue", // never closed by ER: still returned
                            };
    QTest::newRow("csl-json")
        << "sample.json"
        << "csl-json"
        << QStringList{
               "csl1|Nature|venue",       "csl2|Physical Review Letters|venue",
               "csl3|Nat. Commun.|venue", "csl4|International Conference on Machine Learning|venue",
               "csl5||no_venue",          "csl6||preprint:arXiv",
               "csl7|TODO|placeholder",   "item 8|J Am Chem Soc|venue",
           };
    QTest::newRow("plain") << "sample.txt"
                           << "plain"
                           << QStringList{
                                  "line 2|Nature|venue",    "line 3|Nat. Commun.|venue", "line 4|J Am Chem Soc|venue",
                                  "line 5|0028-0836|venue", "line 6|3 Biotech|venue",    "line 9|arXiv|preprint:arXiv",
                              };
}

void TestReferenceListParser::fixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(QStringList, expected);
    const ReferenceListParser::Result result = ReferenceListParser::parse(fixture(file));
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.format, format);
    QCOMPARE(summarise(result.entries), expected);
}

void TestReferenceListParser::lines_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("line");
    QTest::newRow("bibtex first") << "oddities.bib"
                                  << "braced" << 12;
    QTest::newRow("bibtex after parentheses") << "oddities.bib"
                                              << "biblatex" << 45;
    QTest::newRow("bibtex after a broken entry") << "unbalanced.bib"
                                                 << "good2" << 5;
    QTest::newRow("ris") << "sample.ris"
                         << "ris4" << 20;
    QTest::newRow("crlf") << "crlf.bib"
                          << "crlf2" << 2;
}

void TestReferenceListParser::lines()
{
    QFETCH(QString, file);
    QFETCH(QString, key);
    QFETCH(int, line);
    const ReferenceListParser::Result result = ReferenceListParser::parse(fixture(file));
    for (const ReferenceEntry& entry : result.entries) {
        if (entry.key == key) {
            QCOMPARE(entry.line, line);
            return;
        }
    }
    QFAIL("key not found");
}

void TestReferenceListParser::latex_data()
{
    QTest::addColumn<QString>("latex");
    QTest::addColumn<QString>("text");
    QTest::newRow("braced umlaut") << R"({\"u}ber)"
                                   << "über";
    QTest::newRow("umlaut with braced argument") << R"(\"{o}l)"
                                                 << "öl";
    QTest::newRow("acute") << R"(Caf\'e)"
                           << "Café";
    QTest::newRow("grave circumflex tilde") << R"(\`a \^o \~n)"
                                            << "à ô ñ";
    QTest::newRow("eszett") << R"(Stra{\ss}e)"
                            << "Straße";
    QTest::newRow("eszett before a letter") << R"(Stra\ss e)"
                                            << "Straße";
    QTest::newRow("ampersand percent") << R"(A \& B 100\%)"
                                       << "A & B 100%";
    QTest::newRow("cedilla caron") << R"(Fran\c{c}ais \v{C}esk\'y)"
                                   << "Français Český";
    QTest::newRow("dotless i") << R"(\'{\i}ndice)"
                               << "índice";
    QTest::newRow("en dash") << "1--2"
                             << "1–2";
    QTest::newRow("em dash") << "a---b"
                             << "a—b";
    QTest::newRow("tie") << "J.~Am."
                         << "J. Am.";
    QTest::newRow("formatting command keeps text") << R"(\emph{Nature} \textit{Physics})"
                                                   << "Nature Physics";
    QTest::newRow("grouping braces") << "{IEEE} {T}ransactions"
                                     << "IEEE Transactions";
    QTest::newRow("special letters") << R"(\o\ae\AA)"
                                     << "øæÅ";
    QTest::newRow("trailing backslash") << "abc\\"
                                        << "abc\\";
    QTest::newRow("accent at the end") << R"(abc\')"
                                       << "abc";
    QTest::newRow("unclosed accent brace") << R"(\"{u)"
                                           << "u";
}

void TestReferenceListParser::latex()
{
    QFETCH(QString, latex);
    QFETCH(QString, text);
    QCOMPARE(LatexDecoder::decode(latex), text);
}

void TestReferenceListParser::placeholder_data()
{
    QTest::addColumn<QString>("venue");
    QTest::addColumn<bool>("placeholder");
    for (const char* yes : {"[FILL]", "[fill in]", "TODO", "todo: find", "??", "???", "XXX", "TBD", "...", "<journal>",
                            "Journal Name", "Nature [FILL]", "J. ?? Lett."})
        QTest::newRow(yes) << QString::fromUtf8(yes) << true;
    for (const char* no : {"Nature", "Revista para todo", "Journal of Physics", "3 Biotech", "Cell"})
        QTest::newRow(no) << QString::fromUtf8(no) << false;
}

void TestReferenceListParser::placeholder()
{
    QFETCH(QString, venue);
    QFETCH(bool, placeholder);
    QCOMPARE(ReferenceClassifier::isPlaceholder(venue), placeholder);
}

void TestReferenceListParser::hostile_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("errorOrFormat"); // a word of the error, or the format when accepted

    QTest::newRow("empty") << QByteArray() << false << "empty";
    QTest::newRow("white space") << QByteArray(" \n\t\n") << false << "empty";
    QTest::newRow("NUL byte") << QByteArray("Nature\n\0Science", 15) << false << "binary";
    QTest::newRow("PNG header") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << false << "UTF-8";
    QTest::newRow("invalid UTF-8 (Latin-1)") << QByteArray("Journal f\xfcr Chemie\n") << false << "UTF-8";
    QTest::newRow("control characters") << QByteArray("Nature\x01\x02\n") << false << "binary";
    QTest::newRow("just over 2 MB") << QByteArray(ReferenceListParser::MaxBytes + 1, 'a') << false << "2 MB";
    QTest::newRow("2 MB single line of text") << QByteArray(ReferenceListParser::MaxBytes - 10, 'a') << true << "plain";
    QTest::newRow("2 MB single brace") << (QByteArray("@article{x, journal = {") +
                                           QByteArray(ReferenceListParser::MaxBytes - 40, '{'))
                                       << true << "bibtex";
    QTest::newRow("2 MB of closing braces")
        << (QByteArray("@article{x,") + QByteArray(ReferenceListParser::MaxBytes - 40, '}')) << true << "bibtex";
    QTest::newRow("2 MB of @") << QByteArray(ReferenceListParser::MaxBytes - 10, '@') << true << "plain";
    // One broken entry (no ',' after its key) and nothing after it on the line to resume at.
    QTest::newRow("2 MB of @a{") << QByteArray("@a{").repeated(ReferenceListParser::MaxBytes / 4) << true << "bibtex";
    QTest::newRow("@a{ on 10,000 lines") << QByteArray("@a{\n").repeated(10000) << false << "5,000";
    QTest::newRow("2 MB of RIS tags") << QByteArray("TY  - \n").repeated(ReferenceListParser::MaxBytes / 8) << false
                                      << "5,000";
    QTest::newRow("deep JSON") << QByteArray(100000, '[') << false << "JSON";
    QTest::newRow("JSON of numbers") << QByteArray("[{\"id\": 1}, 2, 3]") << false << "not an object";
    QTest::newRow("truncated JSON") << QByteArray("[{\"id\": \"a\", \"container-title\": \"Nat") << false << "JSON";
    QTest::newRow("only @string") << QByteArray("@string{a = {b}}") << false << "No entries";
    QTest::newRow("lone @ in text") << QByteArray("write to me@example.org\n") << true << "plain";
}

void TestReferenceListParser::hostile()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, accepted);
    QFETCH(QString, errorOrFormat);
    const ReferenceListParser::Result result = ReferenceListParser::parse(input);
    QCOMPARE(result.ok(), accepted);
    if (accepted) {
        QCOMPARE(result.format, errorOrFormat);
        QVERIFY(!result.entries.isEmpty());
    } else {
        QVERIFY2(result.error.contains(errorOrFormat), qPrintable(result.error));
        QVERIFY(result.entries.isEmpty());
    }
}

void TestReferenceListParser::tooManyEntries_data()
{
    QTest::addColumn<QByteArray>("input");
    QByteArray bib, ris, json("["), plain;
    for (int i = 0; i < 10000; ++i) {
        bib += "@article{k" + QByteArray::number(i) + ", journal = {Nature}}\n";
        ris += "TY  - JOUR\nJO  - Nature\nER  - \n";
        json += QByteArray(i ? "," : "") + "{\"id\":\"k" + QByteArray::number(i) + "\",\"container-title\":\"Nature\"}";
        plain += "Nature\n";
    }
    json += "]";
    QTest::newRow("bibtex") << bib;
    QTest::newRow("ris") << ris;
    QTest::newRow("csl-json") << json;
    QTest::newRow("plain") << plain;
}

void TestReferenceListParser::tooManyEntries()
{
    QFETCH(QByteArray, input);
    const ReferenceListParser::Result result = ReferenceListParser::parse(input);
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(QStringLiteral("more than 5,000 entries")), qPrintable(result.error));
    QVERIFY(result.entries.isEmpty());
}

void TestReferenceListParser::exactlyTheLimitIsAccepted()
{
    QByteArray plain;
    for (int i = 0; i < ReferenceListParser::MaxEntries; ++i)
        plain += "Nature\n";
    const ReferenceListParser::Result result = ReferenceListParser::parse(plain);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.entries.size(), ReferenceListParser::MaxEntries);
}

QTEST_GUILESS_MAIN(TestReferenceListParser)
#include "tst_referencelistparser.moc"
