#include "textnormalizer.h"

#include <QtTest>

using jcr::TextNormalizer;

class TestTextNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void cleanTitle_data();
    void cleanTitle();
    void titleKey_data();
    void titleKey();
    void sameKey_data();
    void sameKey();
    void normalizeIssn_data();
    void normalizeIssn();
    void formatIssn_data();
    void formatIssn();
    void issnsIn_data();
    void issnsIn();
    void parseYesNo_data();
    void parseYesNo();
    void shortNameOf_data();
    void shortNameOf();
    void acronymsOf_data();
    void acronymsOf();
};

void TestTextNormalizer::cleanTitle_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");

    QTest::addRow("unchanged") << "Nature"
                               << "Nature";
    QTest::addRow("DEL becomes hyphen") << QStringLiteral("Brain\x7FX") << "Brain-X";
    QTest::addRow("DEL between words") << QStringLiteral("Sisyphus\x7FJournal of Education")
                                       << "Sisyphus-Journal of Education";
    QTest::addRow("NBSP") << QStringLiteral("Nature\u00A0Reviews") << "Nature Reviews";
    QTest::addRow("ideographic space") << QStringLiteral("计算机\u3000学报") << QStringLiteral("计算机 学报");
    QTest::addRow("doubled spaces collapsed") << "Journal  of   Physics"
                                              << "Journal of Physics";
    QTest::addRow("trimmed") << "  \t Lancet \u00A0"
                             << "Lancet";
    QTest::addRow("tab and line break are spaces") << "Acta\tMath\r\nSinica"
                                                   << "Acta Math Sinica";
    QTest::addRow("control characters dropped") << QStringLiteral("Ce\x01ll\x1F") << "Cell";
    QTest::addRow("C1 control dropped") << QStringLiteral("Sci\u0090ence") << "Science";
    QTest::addRow("next line (NEL) is white space") << QStringLiteral("Sci\u0085ence") << "Sci ence";
    QTest::addRow("BOM and zero-width space dropped")
        << QStringLiteral("\uFEFFPhysical\u200B Review") << "Physical Review";
    QTest::addRow("punctuation and case kept") << "CA-A Cancer Journal (Clinicians) & Co."
                                               << "CA-A Cancer Journal (Clinicians) & Co.";
    QTest::addRow("empty") << ""
                           << "";
    QTest::addRow("white space only") << QStringLiteral(" \u3000 ") << "";
}

void TestTextNormalizer::cleanTitle()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(TextNormalizer::cleanTitle(title), expected);
}

void TestTextNormalizer::titleKey_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");

    QTest::addRow("ampersand") << "Nature Reviews Earth & Environment"
                               << "naturereviewsearthandenvironment";
    QTest::addRow("and, upper case") << "NATURE REVIEWS EARTH AND ENVIRONMENT"
                                     << "naturereviewsearthandenvironment";
    QTest::addRow("ampersand without spaces") << "R&D Management"
                                              << "randdmanagement";
    QTest::addRow("leading the") << "The Lancet"
                                 << "lancet";
    QTest::addRow("no the") << "LANCET"
                            << "lancet";
    QTest::addRow("THE upper case") << "THE LANCET"
                                    << "lancet";
    QTest::addRow("the only at the start") << "Journal of the American Chemical Society"
                                           << "journaloftheamericanchemicalsociety";
    QTest::addRow("Theory keeps its first word") << "Theory of Computing"
                                                 << "theoryofcomputing";
    QTest::addRow("Therapeutic keeps its first word") << "THERAPEUTIC ADVANCES"
                                                      << "therapeuticadvances";
    QTest::addRow("the alone is kept") << "The"
                                       << "the";
    QTest::addRow("the after leading spaces") << "  the  Journal"
                                              << "journal";
    QTest::addRow("hyphen") << "CA-A CANCER JOURNAL FOR CLINICIANS"
                            << "caacancerjournalforclinicians";
    QTest::addRow("DEL as hyphen") << QStringLiteral("Brain\x7FX") << "brainx";
    QTest::addRow("punctuation") << "Proceedings of the IEEE, Part A: (Special)."
                                 << "proceedingsoftheieeepartaspecial";
    QTest::addRow("digits kept") << "Journal of Physics A: Mathematical and Theoretical 2"
                                 << "journalofphysicsamathematicalandtheoretical2";
    QTest::addRow("accents kept, case folded")
        << QStringLiteral("REVUE D'ÉCONOMIE") << QStringLiteral("revuedéconomie");
    QTest::addRow("decomposed accent composed by NFKC")
        << QStringLiteral("Revue d'E\u0301conomie") << QStringLiteral("revuedéconomie");
    QTest::addRow("full-width Latin") << QStringLiteral("ＮＡＴＵＲＥ") << "nature";
    QTest::addRow("Chinese") << QStringLiteral("计算机学报") << QStringLiteral("计算机学报");
    QTest::addRow("Chinese with full-width suffix")
        << QStringLiteral("大数据挖掘与分析（英文）") << QStringLiteral("大数据挖掘与分析英文");
    QTest::addRow("variant 图象 folded") << QStringLiteral("中国图象图形学报") << QStringLiteral("中国图像图形学报");
    QTest::addRow("象 alone is not folded") << QStringLiteral("气象学报") << QStringLiteral("气象学报");
    QTest::addRow("empty") << ""
                           << "";
    QTest::addRow("punctuation only") << " - & - "
                                      << "and";
}

void TestTextNormalizer::titleKey()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(TextNormalizer::titleKey(title), expected);
}

void TestTextNormalizer::sameKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");

    QTest::addRow("& vs and") << "Nature Reviews Earth & Environment"
                              << "NATURE REVIEWS EARTH AND ENVIRONMENT" << true;
    QTest::addRow("The Lancet vs LANCET") << "The Lancet"
                                          << "LANCET" << true;
    QTest::addRow("hyphen comes and goes") << "CA-A CANCER JOURNAL FOR CLINICIANS"
                                           << "CA A Cancer Journal for Clinicians" << true;
    QTest::addRow("DEL vs hyphen") << QStringLiteral("Plant\x7F"
                                                     "Environment Interactions")
                                   << "Plant-Environment Interactions" << true;
    QTest::addRow("doubled spaces") << "Journal  of Physics"
                                    << "Journal of Physics" << true;
    QTest::addRow("图象 vs 图像") << QStringLiteral("中国图象图形学报") << QStringLiteral("中国图像图形学报") << true;
    QTest::addRow("different journals") << "Theory of Computing"
                                        << "Computing" << false;
    QTest::addRow("a letter differs") << "Cell"
                                      << "Cells" << false;
}

void TestTextNormalizer::sameKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(TextNormalizer::titleKey(a) == TextNormalizer::titleKey(b), same);
}

void TestTextNormalizer::normalizeIssn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("hyphenated") << "0028-0836"
                                << "00280836";
    QTest::addRow("no hyphen") << "00280836"
                               << "00280836";
    QTest::addRow("lower-case x") << "0028-083x"
                                  << "0028083X";
    QTest::addRow("upper-case X") << "2662-138X"
                                  << "2662138X";
    QTest::addRow("ISSN prefix") << "ISSN 0028-0836"
                                 << "00280836";
    QTest::addRow("issn: prefix") << "issn:0028-0836"
                                  << "00280836";
    QTest::addRow("ISSN: with space") << "ISSN: 1234-567X"
                                      << "1234567X";
    QTest::addRow("space instead of hyphen, padded") << " 0028 0836 "
                                                     << "00280836";
    QTest::addRow("spaces around hyphen") << "0028 - 0836"
                                          << "00280836";
    QTest::addRow("en dash") << QStringLiteral("0028\u20130836") << "00280836";
    QTest::addRow("full-width digits") << QStringLiteral("００２８－０８３６") << "00280836";
    QTest::addRow("N/A") << "N/A"
                         << "";
    QTest::addRow("empty") << ""
                           << "";
    QTest::addRow("7 digits") << "0028-083"
                              << "";
    QTest::addRow("9 digits") << "0028-08361"
                              << "";
    QTest::addRow("letters") << "ABCD-EFGH"
                             << "";
    QTest::addRow("X not last") << "002X-0836"
                                << "";
    QTest::addRow("two hyphens") << "0028--0836"
                                 << "";
    QTest::addRow("hyphen in wrong place") << "002-80836"
                                           << "";
    QTest::addRow("title text") << "Nature"
                                << "";
    QTest::addRow("two ISSNs") << "0028-0836/1476-4687"
                               << "";
}

void TestTextNormalizer::normalizeIssn()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString issn = TextNormalizer::normalizeIssn(text);
    QCOMPARE(issn, expected);
    QCOMPARE(TextNormalizer::looksLikeIssn(text), !expected.isEmpty());
    if (!issn.isEmpty())
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{7}[\\dX]$")).match(issn).hasMatch());
}

void TestTextNormalizer::formatIssn_data()
{
    QTest::addColumn<QString>("issn");
    QTest::addColumn<QString>("expected");

    QTest::addRow("digits") << "00280836"
                            << "0028-0836";
    QTest::addRow("check X") << "0028083X"
                             << "0028-083X";
    QTest::addRow("too short unchanged") << "0028083"
                                         << "0028083";
    QTest::addRow("already formatted unchanged") << "0028-0836"
                                                 << "0028-0836";
    QTest::addRow("empty unchanged") << ""
                                     << "";
}

void TestTextNormalizer::formatIssn()
{
    QFETCH(QString, issn);
    QFETCH(QString, expected);
    QCOMPARE(TextNormalizer::formatIssn(issn), expected);
}

void TestTextNormalizer::issnsIn_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("CAS 2025 pair") << "2649-664X/2649-6100" << QStringList{"2649664X", "26496100"};
    QTest::addRow("single") << "0007-9235" << QStringList{"00079235"};
    QTest::addRow("comma and space") << "0028-0836, 1476-4687" << QStringList{"00280836", "14764687"};
    QTest::addRow("semicolon") << "0028-0836;1476-4687" << QStringList{"00280836", "14764687"};
    QTest::addRow("white space only") << "0028-0836 1476-4687" << QStringList{"00280836", "14764687"};
    QTest::addRow("one ISSN written with a space") << "ISSN 0028 0836" << QStringList{"00280836"};
    QTest::addRow("duplicates removed, order kept")
        << "2835-3153/2835-3153/0028-0836" << QStringList{"28353153", "00280836"};
    QTest::addRow("same ISSN in two spellings") << "0028-083x/0028083X" << QStringList{"0028083X"};
    QTest::addRow("invalid parts skipped") << "N/A/0028-0836/123" << QStringList{"00280836"};
    QTest::addRow("N/A") << "N/A" << QStringList{};
    QTest::addRow("empty") << "" << QStringList{};
}

void TestTextNormalizer::issnsIn()
{
    QFETCH(QString, cell);
    QFETCH(QStringList, expected);
    QCOMPARE(TextNormalizer::issnsIn(cell), expected);
}

void TestTextNormalizer::parseYesNo_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    QTest::addRow("是") << QStringLiteral("是") << 1;
    QTest::addRow("否") << QStringLiteral("否") << 0;
    QTest::addRow("是 padded") << QStringLiteral(" 是 ") << 1;
    QTest::addRow("Yes") << "Yes" << 1;
    QTest::addRow("NO") << "NO" << 0;
    QTest::addRow("y") << "y" << 1;
    QTest::addRow("N") << "N" << 0;
    QTest::addRow("true") << "TRUE" << 1;
    QTest::addRow("false") << "false" << 0;
    QTest::addRow("1") << "1" << 1;
    QTest::addRow("0") << "0" << 0;
    QTest::addRow("empty") << "" << -1;
    QTest::addRow("N/A") << "N/A" << -1;
    QTest::addRow("Top") << "Top" << -1;
    QTest::addRow("yes no") << "yes no" << -1;
    QTest::addRow("2") << "2" << -1;
}

void TestTextNormalizer::parseYesNo()
{
    QFETCH(QString, text);
    QFETCH(int, expected);
    QCOMPARE(TextNormalizer::parseYesNo(text), expected);
}

void TestTextNormalizer::shortNameOf_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::addRow("upper case: initials") << "JAMA-JOURNAL OF THE AMERICAN MEDICAL ASSOCIATION"
                                          << "JAMA";
    QTest::addRow("upper case: subtitle with A") << "CA-A CANCER JOURNAL FOR CLINICIANS"
                                                 << "CA";
    QTest::addRow("mixed case") << "BMJ-British Medical Journal"
                                << "BMJ";
    QTest::addRow("with &") << "ETR&D-EDUCATIONAL TECHNOLOGY RESEARCH AND DEVELOPMENT"
                            << "ETR&D";
    QTest::addRow("two publishers") << "IEEE-ACM Transactions on Networking"
                                    << "";
    QTest::addRow("compound word, mixed case") << "Nano-Micro Letters"
                                               << "";
    QTest::addRow("compound word, upper case") << "EARTH-SCIENCE REVIEWS"
                                               << "";
    QTest::addRow("upper-case compound with letters in order") << "MINI-REVIEWS IN MEDICINAL CHEMISTRY"
                                                               << "";
    QTest::addRow("one letter") << "C-Journal of Carbon Research"
                                << "";
    QTest::addRow("no hyphen") << "Nature"
                               << "";
    QTest::addRow("words before the hyphen") << "Canadian Journal of History-Annales Canadiennes d Histoire"
                                             << "";
}

void TestTextNormalizer::shortNameOf()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(TextNormalizer::shortNameOf(title), expected);
}

void TestTextNormalizer::acronymsOf_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("initials without of/the") << "NEW ENGLAND JOURNAL OF MEDICINE" << QStringList{"nejm"};
    QTest::addRow("initials, mixed case") << "Journal of the American Chemical Society" << QStringList{"jacs"};
    QTest::addRow("upper-case word whole") << "Communications of the ACM" << QStringList{"cacm"};
    QTest::addRow("from an abbreviation") << "Commun. ACM" << QStringList{"cacm"};
    QTest::addRow("without the publisher") << "IEEE Transactions on Pattern Analysis and Machine Intelligence"
                                           << QStringList{"itpami", "tpami"}; // "ieeetpami" is longer than 8
    QTest::addRow("too short") << "Nature Communications" << QStringList{};
    QTest::addRow("Chinese") << "计算机学报" << QStringList{};
}

void TestTextNormalizer::acronymsOf()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QCOMPARE(TextNormalizer::acronymsOf(text), expected);
}

QTEST_GUILESS_MAIN(TestTextNormalizer)
#include "tst_textnormalizer.moc"
