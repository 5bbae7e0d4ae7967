// What the lookup window shows of a journal (JournalProfilePresenter, ProfileTableModel), on the fixture database:
// every journal's profile as tables, checked against the repository and against the fixture CSV files.

#include "csvreader.h"
#include "fixturedatabase.h"
#include "journalprofilepresenter.h"
#include "journalrepository.h"
#include "profiletablemodel.h"
#include "sourcefile.h"
#include "testpaths.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using jcr::gui::Highlight;
using jcr::gui::JournalProfilePresenter;
using jcr::gui::ProfileCell;
using jcr::gui::ProfileTable;
using P = jcr::gui::JournalProfilePresenter;

Q_DECLARE_METATYPE(jcr::gui::Highlight)

namespace {

/// One fixture CSV file: its header and rows, with the year and kind its name gives.
struct CsvFile
{
    QString name;
    jcr::SourceFile::Kind kind;
    int year = 0;
    QStringList header;
    QList<QStringList> rows;

    /// The first column whose header matches `pattern`, or -1.
    int column(const QString& pattern) const
    {
        const QRegularExpression expression(pattern, QRegularExpression::CaseInsensitiveOption);
        for (int i = 0; i < header.size(); ++i) {
            if (expression.match(header.at(i).trimmed()).hasMatch())
                return i;
        }
        return -1;
    }
};

QList<CsvFile> fixtureFiles(jcr::SourceFile::Kind kind)
{
    QList<CsvFile> files;
    const QDir dir(jcr::test::miniDataDir());
    for (const QString& name : dir.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        CsvFile file;
        file.name = name;
        file.kind = jcr::SourceFile::kindOf(name, &file.year);
        if (file.kind != kind)
            continue;
        QFile csv(dir.filePath(name));
        if (!csv.open(QIODevice::ReadOnly))
            continue;
        QList<QStringList> rows = jcr::CsvReader::readAll(csv.readAll());
        if (rows.isEmpty())
            continue;
        file.header = rows.takeFirst();
        file.rows = rows;
        files << file;
    }
    return files;
}

/// The row of `table` whose first cell is `year`.
std::optional<QList<ProfileCell>> rowOfYear(const ProfileTable& table, int year)
{
    for (const QList<ProfileCell>& row : table.rows) {
        if (row.value(0).text == QString::number(year))
            return row;
    }
    return std::nullopt;
}

QList<int> years(const ProfileTable& table)
{
    QList<int> result;
    for (const QList<ProfileCell>& row : table.rows)
        result << row.value(0).text.toInt();
    return result;
}

bool newestFirst(const QList<int>& values)
{
    return std::is_sorted(values.cbegin(), values.cend(), std::greater<int>());
}

} // namespace

class TestJournalProfilePresenter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyJournal_data();
    void everyJournal();
    void impactFactorsMatchTheCsv_data();
    void impactFactorsMatchTheCsv();
    void casPartitionsMatchTheCsv_data();
    void casPartitionsMatchTheCsv();
    void warningsMatchTheCsv_data();
    void warningsMatchTheCsv();
    void modelGivesTextsAndHighlights_data();
    void modelGivesTextsAndHighlights();
    void citationAbbreviationsInTheIdentity_data();
    void citationAbbreviationsInTheIdentity();

private:
    /// The identity table's value for `field`, or a null string when the table has no such row.
    static QString identityValue(const JournalProfilePresenter& presenter, const QString& field);
    std::optional<jcr::JournalProfile> profileOf(const QString& name);

    QTemporaryDir m_dir;
    QString m_database;
    jcr::JournalRepository m_repository;
};

void TestJournalProfilePresenter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    // With the fixture JabRef lists, as sync imports them beside the ShowJCR files.
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error,
                                      jcr::test::fixturesDir() + QStringLiteral("/abbrv")),
             qPrintable(error));
    QVERIFY2(m_repository.open(m_database, &error), qPrintable(error));
}

void TestJournalProfilePresenter::cleanupTestCase()
{
    m_repository.close();
}

std::optional<jcr::JournalProfile> TestJournalProfilePresenter::profileOf(const QString& name)
{
    // The fixture has titles that only differ in "&" / "and" (two journals): take the one with this very title.
    const jcr::SearchResult result = m_repository.search(name, {50, 0});
    for (const jcr::JournalMatch& match : result.matches) {
        if (match.journal.title.compare(name.simplified(), Qt::CaseInsensitive) == 0)
            return m_repository.profile(match.journal.id);
    }
    QString error;
    std::optional<jcr::JournalProfile> profile = m_repository.profile(name, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return profile;
}

void TestJournalProfilePresenter::everyJournal_data()
{
    QTest::addColumn<qint64>("journalId");
    const QString connection = QStringLiteral("presenter-test-ids");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_database);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        QSqlQuery query(QStringLiteral("SELECT id, title FROM journal ORDER BY id"), db);
        while (query.next())
            QTest::addRow("%s", qPrintable(query.value(1).toString())) << query.value(0).toLongLong();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestJournalProfilePresenter::everyJournal()
{
    QFETCH(qint64, journalId);
    QString error;
    const std::optional<jcr::JournalProfile> profile = m_repository.profile(journalId, &error);
    QVERIFY2(profile, qPrintable(error));
    const JournalProfilePresenter presenter(*profile);
    QCOMPARE(presenter.title(), profile->summary.title);

    const ProfileTable jcr = presenter.impactFactors();
    QCOMPARE(jcr.rows.size(), profile->jcr.size());
    QVERIFY(newestFirst(years(jcr)));
    for (qsizetype i = 0; i < profile->jcr.size(); ++i) {
        const jcr::JcrFact& fact = profile->jcr.at(i);
        const QList<ProfileCell>& row = jcr.rows.at(i);
        QCOMPARE(row.size(), int(P::JcrColumnCount));
        QCOMPARE(row.at(P::JcrYear).text, QString::number(fact.year));
        if (fact.impactFactor)
            QCOMPARE(row.at(P::JcrImpactFactor).text.toDouble(), *fact.impactFactor);
        else
            QVERIFY2(!row.at(P::JcrImpactFactor).text.isEmpty(), "a missing IF shows its text or a dash");
        if (!fact.quartile.isEmpty())
            QCOMPARE(row.at(P::JcrQuartile).text, fact.quartile);
        QCOMPARE(row.at(P::JcrQuartile).highlight,
                 fact.quartile == QLatin1String("Q1") ? Highlight::Good : Highlight::None);
        for (const jcr::JcrCategory& category : fact.categories)
            QVERIFY2(row.at(P::JcrCategories).text.contains(category.name), qPrintable(category.name));
    }

    const ProfileTable cas = presenter.casPartitions();
    QCOMPARE(cas.rows.size(), profile->cas.size());
    QVERIFY(newestFirst(years(cas)));
    for (qsizetype i = 0; i < profile->cas.size(); ++i) {
        const jcr::CasFact& fact = profile->cas.at(i);
        const QList<ProfileCell>& row = cas.rows.at(i);
        QCOMPARE(row.size(), int(P::CasColumnCount));
        QCOMPARE(row.at(P::CasMajorCategory).text, fact.majorCategory);
        QVERIFY(row.at(P::CasPartition).text.startsWith(P::casPartitionText(fact.partition)));
        QCOMPARE(row.at(P::CasPartition).highlight, fact.partition == 1 ? Highlight::Good : Highlight::None);
        QCOMPARE(row.at(P::CasTop).text, P::yesNo(fact.top));
        QCOMPARE(row.at(P::CasTop).highlight, fact.top ? Highlight::Good : Highlight::None);
        for (const jcr::CasCategory& minor : fact.minorCategories)
            QVERIFY2(row.at(P::CasMinorCategories).text.contains(minor.name.trimmed()), qPrintable(minor.name));
    }

    const ProfileTable warnings = presenter.warnings();
    QCOMPARE(warnings.rows.size(), profile->warnings.size());
    QCOMPARE(presenter.isOnWarningList(), !profile->warnings.isEmpty());
    for (const QList<ProfileCell>& row : warnings.rows) {
        for (const ProfileCell& cell : row)
            QCOMPARE(cell.highlight, Highlight::Warning);
    }

    const ProfileTable ccf = presenter.ccfRanks();
    QCOMPARE(ccf.rows.size(), profile->ccf.size() + profile->ccft.size());
    for (qsizetype i = 0; i < profile->ccf.size(); ++i) {
        QCOMPARE(ccf.rows.at(i).at(P::CcfRank).text, profile->ccf.at(i).rank);
        QCOMPARE(ccf.rows.at(i).at(P::CcfRank).highlight,
                 profile->ccf.at(i).rank == QLatin1String("A") ? Highlight::Good : Highlight::None);
    }

    QStringList identityValues;
    for (const QList<ProfileCell>& row : presenter.identity().rows)
        identityValues << row.at(P::IdentityValue).text;
    for (const QString& value : {profile->summary.issn, profile->summary.eissn, profile->cn}) {
        if (!value.isEmpty())
            QVERIFY2(identityValues.contains(value), qPrintable(value));
    }
    for (const QString& value : {profile->summary.issn, profile->summary.eissn}) {
        if (!value.isEmpty())
            QVERIFY2(presenter.identifiers().contains(value), qPrintable(presenter.identifiers()));
    }
    const QString cited = identityValue(presenter, P::tr("Citation abbreviations"));
    QCOMPARE(cited.isNull(), profile->citationAbbreviations.isEmpty());
    for (const jcr::CitationAbbreviation& entry : profile->citationAbbreviations)
        QVERIFY2(cited.contains(entry.abbreviation), qPrintable(cited));

    // The headline names the newest IF and the warning, the facts a researcher looks for first.
    if (!profile->jcr.isEmpty())
        QVERIFY(presenter.headline().contains(P::impactFactorText(profile->jcr.first())));
    const QString warned = P::tr("On the warning list (%1)").arg(profile->warnings.value(0).year);
    QCOMPARE(presenter.headline().contains(warned), !profile->warnings.isEmpty());

    const QList<ProfileTable> sections = presenter.sections();
    QCOMPARE(sections.first().objectName, QStringLiteral("warnings")); // never overlooked
}

void TestJournalProfilePresenter::impactFactorsMatchTheCsv_data()
{
    QTest::addColumn<QString>("journal");
    QTest::addColumn<int>("year");
    QTest::addColumn<double>("impactFactor");
    for (const CsvFile& file : fixtureFiles(jcr::SourceFile::Kind::Jcr)) {
        const int journal = file.column(QStringLiteral("^Journal$"));
        const int impact = file.column(QStringLiteral("^IF\\s*\\(\\d{4}\\)$"));
        QVERIFY2(journal >= 0 && impact >= 0, qPrintable(file.name));
        for (const QStringList& row : file.rows) {
            bool numeric = false;
            const double value = row.value(impact).toDouble(&numeric);
            if (numeric) // "N/A", "<0.1", "Not Available" have no number to compare
                QTest::addRow("%s %s", qPrintable(file.name), qPrintable(row.value(journal)))
                    << row.value(journal) << file.year << value;
        }
    }
}

void TestJournalProfilePresenter::impactFactorsMatchTheCsv()
{
    QFETCH(QString, journal);
    QFETCH(int, year);
    QFETCH(double, impactFactor);
    const std::optional<jcr::JournalProfile> profile = profileOf(journal);
    QVERIFY2(profile, qPrintable(journal));
    const std::optional<QList<ProfileCell>> row = rowOfYear(JournalProfilePresenter(*profile).impactFactors(), year);
    QVERIFY2(row, qPrintable(QStringLiteral("no %1 row for %2").arg(year).arg(journal)));
    QCOMPARE(row->at(P::JcrImpactFactor).text.toDouble(), impactFactor);
}

void TestJournalProfilePresenter::casPartitionsMatchTheCsv_data()
{
    QTest::addColumn<QString>("journal");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("partition");
    QTest::addColumn<bool>("top");
    for (const CsvFile& file : fixtureFiles(jcr::SourceFile::Kind::Cas)) {
        const int journal = file.column(QStringLiteral("^Journal$"));
        const int partition = file.column(QStringLiteral("^大类分区$"));
        const int top = file.column(QStringLiteral("^Top$"));
        QVERIFY2(journal >= 0 && partition >= 0 && top >= 0, qPrintable(file.name));
        for (const QStringList& row : file.rows) {
            // "1" until 2023, "1 [15/495]" from 2025: the partition is the leading number.
            const int value = row.value(partition).section(QLatin1Char(' '), 0, 0).toInt();
            QTest::addRow("%s %s", qPrintable(file.name), qPrintable(row.value(journal)))
                << row.value(journal) << file.year << value << (row.value(top).trimmed() == QStringLiteral("是"));
        }
    }
}

void TestJournalProfilePresenter::casPartitionsMatchTheCsv()
{
    QFETCH(QString, journal);
    QFETCH(int, year);
    QFETCH(int, partition);
    QFETCH(bool, top);
    const std::optional<jcr::JournalProfile> profile = profileOf(journal);
    QVERIFY2(profile, qPrintable(journal));
    const std::optional<QList<ProfileCell>> row = rowOfYear(JournalProfilePresenter(*profile).casPartitions(), year);
    QVERIFY2(row, qPrintable(QStringLiteral("no %1 row for %2").arg(year).arg(journal)));
    QVERIFY2(row->at(P::CasPartition).text.startsWith(P::casPartitionText(partition)),
             qPrintable(row->at(P::CasPartition).text));
    QCOMPARE(row->at(P::CasPartition).highlight, partition == 1 ? Highlight::Good : Highlight::None);
    QCOMPARE(row->at(P::CasTop).text, P::yesNo(top));
    QCOMPARE(row->at(P::CasTop).highlight, top ? Highlight::Good : Highlight::None);
}

void TestJournalProfilePresenter::warningsMatchTheCsv_data()
{
    QTest::addColumn<QString>("journal");
    QTest::addColumn<int>("year");
    QTest::addColumn<QString>("text"); // the level (until 2023) or the reasons (from 2024)
    for (const CsvFile& file : fixtureFiles(jcr::SourceFile::Kind::Warning)) {
        const int journal = file.column(QStringLiteral("^Journal$"));
        const int text = file.column(QStringLiteral("^预警(等级|原因)"));
        QVERIFY2(journal >= 0 && text >= 0, qPrintable(file.name));
        for (const QStringList& row : file.rows)
            QTest::addRow("%s %s", qPrintable(file.name), qPrintable(row.value(journal)))
                << row.value(journal) << file.year << row.value(text).trimmed();
    }
}

void TestJournalProfilePresenter::warningsMatchTheCsv()
{
    QFETCH(QString, journal);
    QFETCH(int, year);
    QFETCH(QString, text);
    const std::optional<jcr::JournalProfile> profile = profileOf(journal);
    QVERIFY2(profile, qPrintable(journal));
    const JournalProfilePresenter presenter(*profile);
    QVERIFY(presenter.isOnWarningList());
    const std::optional<QList<ProfileCell>> row = rowOfYear(presenter.warnings(), year);
    QVERIFY2(row, qPrintable(QStringLiteral("no %1 warning for %2").arg(year).arg(journal)));
    const QString shown = row->at(P::WarningLevel).text + u'|' + row->at(P::WarningReason).text;
    QVERIFY2(shown.contains(text), qPrintable(shown));
    for (const ProfileCell& cell : *row)
        QCOMPARE(cell.highlight, Highlight::Warning);
    QVERIFY(presenter.headline().contains(P::tr("On the warning list (%1)").arg(profile->warnings.first().year)));
}

void TestJournalProfilePresenter::modelGivesTextsAndHighlights_data()
{
    QTest::addColumn<QString>("journal");
    QTest::addColumn<int>("section");
    // Journals of the fixture with a warning, a Q1, a CAS 1区 Top and a CCF rank (read from their files above).
    for (const CsvFile& file : fixtureFiles(jcr::SourceFile::Kind::Warning)) {
        for (const QStringList& row : file.rows)
            QTest::addRow("%s warnings", qPrintable(row.value(0))) << row.value(0) << 0;
    }
    for (const CsvFile& file : fixtureFiles(jcr::SourceFile::Kind::Cas)) {
        for (const QStringList& row : file.rows) {
            for (int section = 1; section <= 3; ++section)
                QTest::addRow("%s section %d", qPrintable(row.value(0)), section) << row.value(0) << section;
        }
    }
}

void TestJournalProfilePresenter::modelGivesTextsAndHighlights()
{
    QFETCH(QString, journal);
    QFETCH(int, section);
    const std::optional<jcr::JournalProfile> profile = profileOf(journal);
    QVERIFY2(profile, qPrintable(journal));
    const ProfileTable table = JournalProfilePresenter(*profile).sections().at(section);
    jcr::gui::ProfileTableModel model;
    model.setTable(table);
    QCOMPARE(model.rowCount(), table.rows.size());
    QCOMPARE(model.columnCount(), table.headers.size());
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), table.headers.at(column));
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const ProfileCell& cell = table.rows.at(row).at(column);
            QCOMPARE(index.data().toString(), cell.text);
            QCOMPARE(Highlight(index.data(jcr::gui::ProfileTableModel::HighlightRole).toInt()), cell.highlight);
            QCOMPARE(index.data(Qt::BackgroundRole).isValid(), cell.highlight != Highlight::None);
            QCOMPARE(index.data(Qt::ForegroundRole).isValid(), cell.highlight != Highlight::None);
        }
    }
}

QString TestJournalProfilePresenter::identityValue(const JournalProfilePresenter& presenter, const QString& field)
{
    for (const QList<ProfileCell>& row : presenter.identity().rows) {
        if (row.at(P::IdentityField).text == field)
            return row.at(P::IdentityValue).text;
    }
    return QString();
}

void TestJournalProfilePresenter::citationAbbreviationsInTheIdentity_data()
{
    // What tests/data/fixtures/abbrv gives these fixture journals (tst_journalrepository checks the profiles).
    QTest::addColumn<QString>("journal");
    QTest::addColumn<QString>("expected"); ///< the row's value; empty: no row
    QTest::addRow("ISO 4, MEDLINE and another list, once each")
        << "Alpha Journal of Testing"
        << "Alpha J. Test. (ISO 4) · Alpha J Test (MEDLINE) · AJT (other list)";
    QTest::addRow("one list") << "Canadian Journal of Zeta-Annales"
                              << "Can. J. Zeta Ann. (ISO 4)";
    QTest::addRow("in no list") << "Beta Letters"
                                << "";
}

void TestJournalProfilePresenter::citationAbbreviationsInTheIdentity()
{
    QFETCH(QString, journal);
    QFETCH(QString, expected);
    const std::optional<jcr::JournalProfile> profile = profileOf(journal);
    QVERIFY2(profile, qPrintable(journal));
    const JournalProfilePresenter presenter(*profile);
    const QString shown = identityValue(presenter, P::tr("Citation abbreviations"));
    if (expected.isEmpty())
        QVERIFY2(shown.isNull(), qPrintable(shown));
    else
        QCOMPARE(shown, expected);
    // Below the CCF/XR short names, where a reader of the identity table looks for other names.
    QStringList fields;
    for (const QList<ProfileCell>& row : presenter.identity().rows)
        fields << row.at(P::IdentityField).text;
    if (!shown.isNull() && fields.contains(P::tr("Abbreviations")))
        QVERIFY(fields.indexOf(P::tr("Citation abbreviations")) == fields.indexOf(P::tr("Abbreviations")) + 1);
}

QTEST_MAIN(TestJournalProfilePresenter) // QApplication: the model hands out fonts and brushes
#include "tst_journalprofilepresenter.moc"
