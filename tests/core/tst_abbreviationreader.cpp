// Tests of AbbreviationReader on small JabRef-style lists written for these tests (tests/data/fixtures/abbrv).
#include "abbreviationreader.h"
#include "testpaths.h"

#include <QFile>
#include <QtTest>

using jcr::AbbreviationReader;
using jcr::AbbreviationRow;

namespace {

QByteArray fixture(const QString& name)
{
    QFile file(jcr::test::fixturesDir() + QStringLiteral("/abbrv/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

AbbreviationRow row(const QString& full,
                    const QString& abbreviation,
                    const QString& shortest,
                    const QString& file,
                    AbbreviationRow::Kind kind)
{
    return {full, abbreviation, shortest, file, kind};
}

} // namespace

Q_DECLARE_METATYPE(AbbreviationRow::Kind)

class TestAbbreviationReader : public QObject
{
    Q_OBJECT

private slots:
    void kindOf_data();
    void kindOf();
    void quotedFieldsColumnsBlankLinesDuplicates();
    void medlineRowsWithCrlf();
    void conflictingRowsAreKept();
};

void TestAbbreviationReader::kindOf_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<AbbreviationRow::Kind>("kind");
    QTest::newRow("general") << "journal_abbreviations_general.csv" << AbbreviationRow::Kind::Iso4;
    QTest::newRow("ieee") << "journal_abbreviations_ieee.csv" << AbbreviationRow::Kind::Iso4;
    QTest::newRow("entrez") << "journal_abbreviations_entrez.csv" << AbbreviationRow::Kind::Medline;
    QTest::newRow("medicus") << "journal_abbreviations_medicus.csv" << AbbreviationRow::Kind::Medline;
    QTest::newRow("annee") << "journal_abbreviations_annee-philologique.csv" << AbbreviationRow::Kind::Other;
    QTest::newRow("dainst") << "journal_abbreviations_dainst.csv" << AbbreviationRow::Kind::Other;
    QTest::newRow("astronomy (AAS short forms)")
        << "journal_abbreviations_astronomy.csv" << AbbreviationRow::Kind::Other;
    QTest::newRow("ieee_strings (BibTeX macro names)")
        << "journal_abbreviations_ieee_strings.csv" << AbbreviationRow::Kind::Other;
}

void TestAbbreviationReader::kindOf()
{
    QFETCH(QString, fileName);
    QFETCH(AbbreviationRow::Kind, kind);
    QCOMPARE(AbbreviationReader::kindOf(fileName), kind);
}

void TestAbbreviationReader::quotedFieldsColumnsBlankLinesDuplicates()
{
    const QString name = QStringLiteral("journal_abbreviations_general.csv");
    const AbbreviationReader::Result result = AbbreviationReader::read(name, fixture(name));
    const auto iso = AbbreviationRow::Kind::Iso4;
    const QList<AbbreviationRow> expected{
        row("Nature Communications", "Nat. Commun.", "Nat. Commun.", name, iso),             // four columns
        row("Journal of the American Chemical Society", "J. Am. Chem. Soc.", "", name, iso), // two columns
        // commas and doubled quotes inside quoted fields, three columns
        row("Physics, Chemistry and Biology \"Letters\"", "Phys., Chem. Biol. \"Lett.\"", "Phys. Chem. Biol. Lett.",
            name, iso),
        row("Nature Communications", "Nature Commun.", "", name, iso), // a conflicting abbreviation is kept
        row("Journal of Fixtures", "J. Fixt.", "", name, iso),
        row("Alpha Journal of Testing", "Alpha J. Test.", "", name, iso), // also in the ams list
    };
    QCOMPARE(result.rows, expected);
    QCOMPARE(result.duplicates, 1);  // the second "Nature Communications","Nat. Commun."
    QCOMPARE(result.skippedRows, 2); // one column only; empty full name
}

void TestAbbreviationReader::medlineRowsWithCrlf()
{
    const QString name = QStringLiteral("journal_abbreviations_entrez.csv");
    const AbbreviationReader::Result result = AbbreviationReader::read(name, fixture(name));
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.rows.at(0).abbreviation, QStringLiteral("IEEE Trans Pattern Anal Mach Intell"));
    QCOMPARE(result.rows.at(1).fullName, QStringLiteral("Nature communications"));
    QCOMPARE(result.rows.at(1).kind, AbbreviationRow::Kind::Medline);
    QCOMPARE(AbbreviationReader::kindName(result.rows.at(1).kind), QStringLiteral("medline"));
}

void TestAbbreviationReader::conflictingRowsAreKept()
{
    // The same abbreviation for two journals, and two abbreviations of one journal: every pair stays.
    const QByteArray text = "\"Journal A\",\"J. X.\"\n\"Journal B\",\"J. X.\"\n\"Journal A\",\"J. A.\"\n";
    const AbbreviationReader::Result result = AbbreviationReader::read(QStringLiteral("x.csv"), text);
    QCOMPARE(result.rows.size(), 3);
    QCOMPARE(result.duplicates, 0);
}

QTEST_GUILESS_MAIN(TestAbbreviationReader)
#include "tst_abbreviationreader.moc"
