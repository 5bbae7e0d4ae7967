// The journal lookup window, offscreen, on the fixture database: typing offers the journal in the completion
// list, choosing it shows its profile; a missing or broken database shows what to do instead.

#include "fixturedatabase.h"
#include "journalprofilepresenter.h"
#include "journalrepository.h"
#include "lookupwindow.h"
#include "testpaths.h"
#include "trendchartwidget.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::LookupWindow;

namespace {

constexpr int PopupTimeout = 5000;

QCompleter* completerOf(LookupWindow& window)
{
    return window.findChild<QCompleter*>();
}

QString labelText(LookupWindow& window, const char* name)
{
    const QLabel* label = window.findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

int tableRows(LookupWindow& window, const char* name)
{
    const QTableView* view = window.findChild<QTableView*>(QLatin1String(name));
    return view && view->model() ? view->model()->rowCount() : -1;
}

/// Types like a user: key by key for Latin text, and Chinese as an input method commits it (a pinyin IME
/// sends the chosen characters in one QInputMethodEvent; QTest::keyClicks knows only ASCII keys).
void typeText(QLineEdit* edit, const QString& text)
{
    bool ascii = true;
    for (const QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(edit, text);
        return;
    }
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(edit, &event);
}

/// The completion row whose text starts with `title`, or an invalid index.
QModelIndex completionRow(QCompleter* completer, const QString& title)
{
    QAbstractItemModel* model = completer->completionModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data().toString().startsWith(title))
            return index;
    }
    return {};
}

} // namespace

class TestLookupWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void typingOffersTheJournal_data();
    void typingOffersTheJournal();
    void returnShowsTheBestMatch();
    void unknownJournalSaysSo();
    void unusableDatabaseShowsWhatToDo_data();
    void unusableDatabaseShowsWhatToDo();
    void reloadFindsANewDatabase();
    void chartFollowsTheJournal_data();
    void chartFollowsTheJournal();

private:
    void verifyProfileShown(LookupWindow& window, const jcr::JournalProfile& profile);
    void verifyTrendChart(LookupWindow& window, const jcr::JournalProfile& profile);

    QTemporaryDir m_dir;
    QString m_database;
    jcr::JournalRepository m_repository;
};

void TestLookupWindow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error,
                                      jcr::test::fixturesDir() + QStringLiteral("/abbrv")),
             qPrintable(error));
    QVERIFY2(m_repository.open(m_database, &error), qPrintable(error));
}

void TestLookupWindow::cleanupTestCase()
{
    m_repository.close();
}

void TestLookupWindow::verifyProfileShown(LookupWindow& window, const jcr::JournalProfile& profile)
{
    QCOMPARE(window.message(), QString());
    QCOMPARE(labelText(window, "profileTitle"), profile.summary.title);
    const jcr::gui::JournalProfilePresenter presenter(profile);
    QCOMPARE(labelText(window, "profileHeadline"), presenter.headline());
    QCOMPARE(labelText(window, "profileIdentifiers"), presenter.identifiers());
    QCOMPARE(tableRows(window, "jcrTable"), presenter.impactFactors().rows.size());
    QCOMPARE(tableRows(window, "casTable"), presenter.casPartitions().rows.size());
    QCOMPARE(tableRows(window, "warningsTable"), presenter.warnings().rows.size());
    QCOMPARE(tableRows(window, "ccfTable"), presenter.ccfRanks().rows.size());
    // Empty sections are hidden, the others shown.
    const QTableView* warnings = window.findChild<QTableView*>(QStringLiteral("warningsTable"));
    QCOMPARE(warnings->isVisible(), !profile.warnings.isEmpty());
    verifyTrendChart(window, profile);
}

void TestLookupWindow::verifyTrendChart(LookupWindow& window, const jcr::JournalProfile& profile)
{
    // The chart under the headline: shown exactly when the journal has an IF, with one point per such year.
    const auto* chart = window.findChild<jcr::gui::TrendChartWidget*>(QStringLiteral("trendChart"));
    QVERIFY(chart);
    QList<int> yearsWithIf;
    for (const jcr::JcrFact& fact : profile.jcr) {
        if (fact.impactFactor)
            yearsWithIf.prepend(fact.year); // the profile is newest first, the chart oldest first
    }
    QCOMPARE(chart->isVisible(), !yearsWithIf.isEmpty());
    QCOMPARE(chart->hasData(), !yearsWithIf.isEmpty());
    QList<int> pointYears;
    const jcr::gui::TrendChartLayout layout = chart->chartLayout(chart->size());
    for (const jcr::gui::TrendChartLayout::Point& point : layout.points())
        pointYears.append(point.year);
    QCOMPARE(pointYears, yearsWithIf);
}

void TestLookupWindow::chartFollowsTheJournal_data()
{
    QTest::addColumn<QString>("journal");
    QTest::addColumn<bool>("hasChart");
    QTest::addRow("journal with IFs") << "Alpha Journal of Testing" << true;
    QTest::addRow("conference without IF") << "Alpha Testing Conference" << false;
}

void TestLookupWindow::chartFollowsTheJournal()
{
    QFETCH(QString, journal);
    QFETCH(bool, hasChart);
    const std::optional<jcr::JournalProfile> expected = m_repository.profile(journal);
    QVERIFY(expected);
    LookupWindow window(m_database);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.lookUp(journal);
    QCOMPARE(labelText(window, "profileTitle"), expected->summary.title);
    const auto* chart = window.findChild<jcr::gui::TrendChartWidget*>(QStringLiteral("trendChart"));
    QCOMPARE(chart->isVisible(), hasChart);
    verifyProfileShown(window, *expected);
    // Another journal after this one replaces the chart rather than keeping the old points.
    const QString other =
        hasChart ? QStringLiteral("Alpha Testing Conference") : QStringLiteral("Alpha Journal of Testing");
    const std::optional<jcr::JournalProfile> otherProfile = m_repository.profile(other);
    QVERIFY(otherProfile);
    window.lookUp(other);
    verifyProfileShown(window, *otherProfile);
    QCOMPARE(chart->isVisible(), !hasChart);
}

void TestLookupWindow::typingOffersTheJournal_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("journal"); // a name or ISSN the repository resolves, to find the expected title
    QTest::addRow("part of a name") << "alpha jour"
                                    << "Alpha Journal of Testing";
    QTest::addRow("ISSN") << "2345-6789"
                          << "2345-6789";
    QTest::addRow("eISSN without hyphen") << "8765432X"
                                          << "8765-432X";
    QTest::addRow("Chinese title") << "测试学"
                                   << "测试学报";
    QTest::addRow("abbreviation") << "ATC"
                                  << "Alpha Testing Conference";
    // The JabRef lists: the journal's ISO 4 abbreviation, as typed halfway and without dots in lower case.
    QTest::addRow("ISO 4 abbreviation, halfway") << "Alpha J. Te"
                                                 << "Alpha Journal of Testing";
    QTest::addRow("ISO 4 abbreviation, dotless lower case") << "alpha j test"
                                                            << "Alpha Journal of Testing";
}

void TestLookupWindow::typingOffersTheJournal()
{
    QFETCH(QString, typed);
    QFETCH(QString, journal);
    QString error;
    const std::optional<jcr::JournalProfile> expected = m_repository.profile(journal, &error);
    QVERIFY2(expected, qPrintable(journal + u' ' + error));

    LookupWindow window(m_database);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isDatabaseOpen());
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    QVERIFY(edit);
    QCompleter* completer = completerOf(window);
    QVERIFY(completer);
    edit->setFocus();
    typeText(edit, typed);
    QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), PopupTimeout);
    QModelIndex row;
    QTRY_VERIFY_WITH_TIMEOUT((row = completionRow(completer, expected->summary.title)).isValid(), PopupTimeout);

    // Choose it the way a user does: highlight it in the list and press Enter.
    completer->popup()->setCurrentIndex(row);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QTRY_VERIFY(!completer->popup()->isVisible());
    QCOMPARE(edit->text(), expected->summary.title);
    verifyProfileShown(window, *expected);
}

void TestLookupWindow::returnShowsTheBestMatch()
{
    // The journal on the warning list of the fixture: its profile must show the warning rows.
    QList<jcr::WarningEntry> listed = m_repository.warnings({});
    QVERIFY(!listed.isEmpty());
    const QString issn =
        listed.first().journal.issn.isEmpty() ? listed.first().journal.eissn : listed.first().journal.issn;
    const std::optional<jcr::JournalProfile> expected = m_repository.profile(listed.first().journal.id);
    QVERIFY(expected);

    LookupWindow window(m_database);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    edit->setText(issn.isEmpty() ? expected->summary.title : issn);
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(labelText(window, "profileTitle"), expected->summary.title);
    verifyProfileShown(window, *expected);
    QVERIFY(tableRows(window, "warningsTable") > 0);
}

void TestLookupWindow::unknownJournalSaysSo()
{
    LookupWindow window(m_database);
    const QString query = QStringLiteral("Zzqx Nonexistent Periodical 9876");
    QVERIFY(!m_repository.findBest(query)); // the fixture really has no such journal
    window.lookUp(query);
    QVERIFY2(window.message().contains(query), qPrintable(window.message()));
}

void TestLookupWindow::unusableDatabaseShowsWhatToDo_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addRow("missing") << QByteArray();
    QTest::addRow("not a database") << QByteArray("this is not an SQLite file\n").repeated(100);
    QTest::addRow("empty file") << QByteArray("");
}

void TestLookupWindow::unusableDatabaseShowsWhatToDo()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("jcr.db"));
    if (QByteArrayLiteral("missing") != QTest::currentDataTag()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    LookupWindow window(path);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isDatabaseOpen());
    QVERIFY2(window.message().contains(QStringLiteral("Update journal data")), qPrintable(window.message()));
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("messageLabel"))->isVisible());
    QCOMPARE(QFileInfo::exists(path), QByteArrayLiteral("missing") != QTest::currentDataTag()); // opened read-only
    // Searching does not crash and keeps the explanation.
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("searchEdit"));
    QTest::keyClicks(edit, QStringLiteral("alpha"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::qWait(300);
    QVERIFY(!completerOf(window)->popup()->isVisible());
    QVERIFY2(window.message().contains(QStringLiteral("Update journal data")), qPrintable(window.message()));
}

void TestLookupWindow::reloadFindsANewDatabase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("jcr.db"));
    LookupWindow window(path);
    QVERIFY(!window.isDatabaseOpen());
    QVERIFY(QFile::copy(m_database, path));
    window.reload();
    QVERIFY(window.isDatabaseOpen());
    const QString title = m_repository.databaseInfo().journals > 0
                              ? m_repository.search(QStringLiteral("alpha")).matches.value(0).journal.title
                              : QString();
    QVERIFY(!title.isEmpty());
    window.lookUp(title);
    QCOMPARE(labelText(window, "profileTitle"), title);
}

QTEST_MAIN(TestLookupWindow)
#include "tst_lookupwindow.moc"
