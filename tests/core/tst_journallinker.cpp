// Unit tests of JournalLinker: which rows of which files are the same journal.

#include "journallinker.h"
#include "textnormalizer.h"

#include <QTest>

using jcr::JournalLinker;
using Venue = JournalLinker::Venue;
using IssnKind = JournalLinker::IssnKind;

class TestJournalLinker : public QObject
{
    Q_OBJECT

private:
    /// Links one row the way the importer does: link, then record its ISSNs.
    static int
    linkRow(JournalLinker& linker, const QString& title, const QStringList& issns, Venue venue = Venue::Journal)
    {
        const int journal = linker.link(title, issns, venue);
        for (const QString& issn : issns)
            linker.addIssn(journal, issn, IssnKind::Print);
        return journal;
    }

private slots:
    void sameJournalAcrossFiles_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QStringList>("firstIssns");
        QTest::addColumn<QString>("second");
        QTest::addColumn<QStringList>("secondIssns");
        QTest::addColumn<bool>("same");

        const QStringList a{QStringLiteral("12345678")};
        const QStringList b{QStringLiteral("87654321")};
        QTest::addRow("case differs") << "CA-A CANCER JOURNAL FOR CLINICIANS" << a
                                      << "Ca-A Cancer Journal for Clinicians" << QStringList() << true;
        QTest::addRow("ampersand vs and, no ISSN") << "Nature Reviews Earth & Environment" << a
                                                   << "NATURE REVIEWS EARTH AND ENVIRONMENT" << QStringList() << true;
        QTest::addRow("hyphen comes and goes")
            << "Bio-Medical Letters" << QStringList() << "BIO MEDICAL LETTERS" << QStringList() << true;
        QTest::addRow("DEL where a hyphen belongs")
            << QStringLiteral("Brain\x7FX") << QStringList() << "BRAIN-X" << QStringList() << true;
        QTest::addRow("renamed, same ISSN")
            << "Global Mental Health" << a << "Cambridge Prisms-Global Mental Health" << a << true;
        QTest::addRow("ISSN decides a title collision")
            << "Journal of X & Y" << a << "Journal of X and Y" << b << false;
        QTest::addRow("different titles") << "Alpha" << QStringList() << "Beta" << QStringList() << false;
    }
    void sameJournalAcrossFiles()
    {
        QFETCH(QString, first);
        QFETCH(QStringList, firstIssns);
        QFETCH(QString, second);
        QFETCH(QStringList, secondIssns);
        QFETCH(bool, same);

        JournalLinker linker;
        linker.beginFile();
        const int a = linkRow(linker, first, firstIssns);
        linker.beginFile();
        const int b = linkRow(linker, second, secondIssns);
        QVERIFY(a >= 0 && b >= 0);
        QCOMPARE(a == b, same);
        QCOMPARE(int(linker.journals().size()), same ? 1 : 2);
    }

    void oneIssnUnderTwoNamesInOneFile()
    {
        // JCR 2024 lists ISSN 0008-4107 under two names: the second row must not be merged into the first;
        // both journals keep the ISSN, as the file says.
        JournalLinker linker;
        linker.beginFile();
        const QStringList issns{QStringLiteral("00084107")};
        const int first = linkRow(linker, QStringLiteral("Canadian Journal of History-Annales"), issns);
        const int second = linkRow(linker, QStringLiteral("Journal of History"), issns);
        QVERIFY(first != second);
        QCOMPARE(linker.journalsWithIssn(QStringLiteral("00084107")), QList<int>({first, second}));
    }

    void sharedIssnRoutesRowsBySpelling_data()
    {
        QTest::addColumn<bool>("newNameFirst");
        QTest::addRow("new name first in the shared file") << true;
        QTest::addRow("old name first in the shared file") << false;
    }
    void sharedIssnRoutesRowsBySpelling()
    {
        // Newest file: the new name alone. Middle file: both names with one ISSN. Oldest file: the old name
        // with the ISSN, and an older file without ISSNs. Each row must land on the journal of its name.
        QFETCH(bool, newNameFirst);
        const QStringList issns{QStringLiteral("00084107")};
        const QString newName = QStringLiteral("Journal of History");
        const QString oldName = QStringLiteral("Canadian Journal of History");
        JournalLinker linker;
        linker.beginFile();
        const int renamed = linkRow(linker, newName, issns);

        linker.beginFile();
        const QStringList order = newNameFirst ? QStringList{newName, oldName} : QStringList{oldName, newName};
        for (const QString& title : order)
            linker.reserve(title, issns);
        QHash<QString, int> inSharedFile;
        for (const QString& title : order)
            inSharedFile.insert(title, linkRow(linker, title, issns));
        QCOMPARE(inSharedFile.value(newName), renamed);
        const int old = inSharedFile.value(oldName);
        QVERIFY(old != renamed);

        linker.beginFile();
        linker.reserve(oldName, issns);
        QCOMPARE(linkRow(linker, oldName.toUpper(), issns), old);
        linker.beginFile();
        QCOMPARE(linkRow(linker, oldName, {}), old);
        QCOMPARE(int(linker.journals().size()), 2);
    }

    void duplicateRowInOneFileIsSameJournal()
    {
        JournalLinker linker;
        linker.beginFile();
        QCOMPARE(linkRow(linker, QStringLiteral("COMPUTER MUSIC JOURNAL"), {}),
                 linkRow(linker, QStringLiteral("COMPUTER MUSIC JOURNAL"), {}));
    }

    void venuesStayApart()
    {
        JournalLinker linker;
        linker.beginFile();
        const int journal = linkRow(linker, QStringLiteral("Software Testing"), {}, Venue::Journal);
        const int conference = linkRow(linker, QStringLiteral("Software Testing"), {}, Venue::Conference);
        QVERIFY(journal != conference);
        linker.beginFile();
        QCOMPARE(linkRow(linker, QStringLiteral("software testing"), {}, Venue::Any), journal);
    }

    void canonicalTitlePrefersMixedCase_data()
    {
        QTest::addColumn<QStringList>("spellings");
        QTest::addColumn<QString>("expected");
        QTest::addRow("upper then mixed") << QStringList{"LANCET ONCOLOGY", "Lancet Oncology"} << "Lancet Oncology";
        QTest::addRow("mixed then upper") << QStringList{"Lancet Oncology", "LANCET ONCOLOGY"} << "Lancet Oncology";
        QTest::addRow("upper only") << QStringList{"LANCET ONCOLOGY"} << "LANCET ONCOLOGY";
    }
    void canonicalTitlePrefersMixedCase()
    {
        QFETCH(QStringList, spellings);
        QFETCH(QString, expected);
        JournalLinker linker;
        int journal = -1;
        for (const QString& spelling : spellings) {
            linker.beginFile();
            journal = linkRow(linker, spelling, {});
        }
        QCOMPARE(linker.journals().at(journal).title, expected);
    }

    void emptyTitleIsNotAJournal()
    {
        JournalLinker linker;
        linker.beginFile();
        QCOMPARE(linker.link(QString(), {}, Venue::Journal), -1);
        QCOMPARE(linker.link(QStringLiteral(" - "), {}, Venue::Journal), -1);
        QVERIFY(linker.journals().isEmpty());
    }

    void printAndElectronicIssns()
    {
        JournalLinker linker;
        linker.beginFile();
        const int journal = linker.link(QStringLiteral("Alpha"), {QStringLiteral("12345678")}, Venue::Journal);
        linker.addIssn(journal, QStringLiteral("12345678"), IssnKind::Print);
        linker.addIssn(journal, QStringLiteral("8765432X"), IssnKind::Electronic);
        QCOMPARE(linker.journals().at(journal).issn, QStringLiteral("12345678"));
        QCOMPARE(linker.journals().at(journal).eissn, QStringLiteral("8765432X"));
        QCOMPARE(linker.journalWithIssn(QStringLiteral("8765432X")), journal);
    }
};

QTEST_GUILESS_MAIN(TestJournalLinker)
#include "tst_journallinker.moc"
