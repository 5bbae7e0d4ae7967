// The reference list check of the lookup window, offscreen, on the miniature data set: a file opened or dropped
// (on the check window or on the lookup window), or text pasted, gives one row per entry with the profile view's
// highlights; the table exports as CSV; a file that is not a reference list says why.
#include "fixturedatabase.h"
#include "lookupwindow.h"
#include "profiletablemodel.h"
#include "referencecheckwidget.h"
#include "referencereportpresenter.h"
#include "testpaths.h"

#include <QDropEvent>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using jcr::gui::Highlight;
using jcr::gui::LookupWindow;
using jcr::gui::ProfileTableModel;
using jcr::gui::ReferenceCheckWidget;
using jcr::gui::ReferenceReportPresenter;

Q_DECLARE_METATYPE(jcr::gui::Highlight)

namespace {

QString fixture(const QString& name)
{
    return jcr::test::fixturesDir() + QStringLiteral("/references/") + name;
}

QAbstractItemModel* tableOf(QWidget& widget)
{
    const QTableView* view = widget.findChild<QTableView*>(QStringLiteral("referencesTable"));
    return view ? view->model() : nullptr;
}

Highlight highlightAt(QAbstractItemModel* model, int row, int column)
{
    return Highlight(model->index(row, column).data(ProfileTableModel::HighlightRole).toInt());
}

/// Drops `mime` on `target` as a drag from elsewhere would.
void drop(QWidget* target, QMimeData* mime)
{
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent event(QPointF(5, 5), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &event);
}

} // namespace

class TestReferenceCheckWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void openedFile_data();
    void openedFile();
    void pastedText();
    void droppedFileOnTheCheckWindow();
    void droppedFileOnTheLookupWindow();
    void exportsCsv();
    void refusesBinaryFile();

private:
    QTemporaryDir m_dir;
    QString m_database;
};

void TestReferenceCheckWidget::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_database = m_dir.filePath(QStringLiteral("jcr.db"));
    QString error;
    QVERIFY2(jcr::test::buildDatabase(jcr::test::miniDataDir(), m_database, &error), qPrintable(error));
}

void TestReferenceCheckWidget::openedFile_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");
    QTest::addColumn<Highlight>("highlight");
    using P = ReferenceReportPresenter;
    QTest::newRow("key") << 0 << int(P::Key) << "alpha" << Highlight::None;
    QTest::newRow("journal") << 0 << int(P::Journal) << "Alpha Journal of Testing" << Highlight::None;
    QTest::newRow("Q1 is good") << 0 << int(P::Quartile) << "Q1" << Highlight::Good;
    QTest::newRow("CCF A is good") << 0 << int(P::CcfRank) << "A" << Highlight::Good;
    QTest::newRow("warning list is a warning") << 1 << int(P::WarningList) << "2024, 2020" << Highlight::Warning;
    QTest::newRow("preprint") << 2 << int(P::Status) << "Preprint (arXiv)" << Highlight::None;
    QTest::newRow("preprint has no journal") << 2 << int(P::Journal) << "" << Highlight::None;
}

void TestReferenceCheckWidget::openedFile()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    QFETCH(Highlight, highlight);
    ReferenceCheckWidget widget(m_database);
    QVERIFY(widget.loadFile(fixture(QStringLiteral("mini-warned.bib"))));
    QAbstractItemModel* model = tableOf(widget);
    QVERIFY(model);
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(row, column).data().toString(), text);
    QCOMPARE(highlightAt(model, row, column), highlight);
    QVERIFY2(widget.summary().contains(QStringLiteral("1 on the warning list")), qPrintable(widget.summary()));
}

void TestReferenceCheckWidget::pastedText()
{
    ReferenceCheckWidget widget(m_database);
    widget.findChild<QPlainTextEdit*>(QStringLiteral("referenceInput"))
        ->setPlainText(QStringLiteral("Alpha Journal of Testing\n[FILL]\n"));
    QTest::mouseClick(widget.findChild<QPushButton*>(QStringLiteral("checkReferencesButton")), Qt::LeftButton);
    QAbstractItemModel* model = tableOf(widget);
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(1, ReferenceReportPresenter::Status).data().toString(),
             QStringLiteral("Placeholder: [FILL]"));
    QCOMPARE(highlightAt(model, 1, ReferenceReportPresenter::Status), Highlight::Warning);
    QVERIFY(widget.findChild<QPushButton*>(QStringLiteral("exportCsvButton"))->isEnabled());
}

void TestReferenceCheckWidget::droppedFileOnTheCheckWindow()
{
    ReferenceCheckWidget widget(m_database);
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("sample.ris")))});
    drop(&widget, mime);
    QCOMPARE(widget.report().format, QStringLiteral("ris"));
    QCOMPARE(tableOf(widget)->rowCount(), 9);
    delete mime;
}

void TestReferenceCheckWidget::droppedFileOnTheLookupWindow()
{
    LookupWindow window(m_database);
    auto* mime = new QMimeData;
    mime->setUrls({QUrl::fromLocalFile(fixture(QStringLiteral("mini-clean.txt")))});
    drop(&window, mime);
    delete mime;
    auto* check = window.findChild<ReferenceCheckWidget*>();
    QVERIFY(check);
    QVERIFY(check->isVisible());
    QCOMPARE(check->report().format, QStringLiteral("plain"));
    QCOMPARE(tableOf(*check)->rowCount(), 2);
    QCOMPARE(tableOf(*check)->index(1, ReferenceReportPresenter::Status).data().toString(),
             QStringLiteral("Resolved (issn)"));
    // The button opens the same window.
    QTest::mouseClick(window.findChild<QPushButton*>(QStringLiteral("referencesButton")), Qt::LeftButton);
    QCOMPARE(window.findChildren<ReferenceCheckWidget*>().size(), 1);
}

void TestReferenceCheckWidget::exportsCsv()
{
    ReferenceCheckWidget widget(m_database);
    QVERIFY(widget.loadFile(fixture(QStringLiteral("mini-warned.bib"))));
    const QString path = m_dir.filePath(QStringLiteral("references.csv"));
    QVERIFY(widget.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.at(0).startsWith("\xEF\xBB\xBFkey,line,type,venue_as_written,status"));
    QVERIFY2(lines.at(2).startsWith("\"beta\",\"3\",\"article\",\"Beta Letters\",\"resolved\""),
             lines.at(2).constData());
    QVERIFY(!widget.exportCsv(m_dir.filePath(QStringLiteral("no/such/folder/x.csv"))));
}

void TestReferenceCheckWidget::refusesBinaryFile()
{
    ReferenceCheckWidget widget(m_database);
    QVERIFY(!widget.loadFile(fixture(QStringLiteral("not-text.bin"))));
    QVERIFY2(widget.summary().contains(QStringLiteral("UTF-8")), qPrintable(widget.summary()));
    QCOMPARE(tableOf(widget)->rowCount(), 0);
    QVERIFY(!widget.findChild<QPushButton*>(QStringLiteral("exportCsvButton"))->isEnabled());
    QVERIFY(!widget.loadFile(m_dir.filePath(QStringLiteral("missing.bib"))));
    QVERIFY(widget.summary().contains(QStringLiteral("Cannot read")));
}

QTEST_MAIN(TestReferenceCheckWidget)
#include "tst_referencecheckwidget.moc"
