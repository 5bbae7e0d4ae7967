#include "referencecheckwidget.h"

#include "journalrepository.h"
#include "profiletablemodel.h"
#include "referencechecker.h"
#include "referencelistparser.h"
#include "referencereportformatter.h"
#include "referencereportpresenter.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace jcr::gui {

namespace {
constexpr int MaxColumnWidth = 280;
} // namespace

ReferenceCheckWidget::ReferenceCheckWidget(const QString& databasePath, QWidget* parent)
    : QWidget(parent), m_databasePath(databasePath)
{
    setAcceptDrops(true);
    buildUi();
    retranslateUi();
    resize(1000, 700);
}

void ReferenceCheckWidget::buildUi()
{
    auto* layout = new QVBoxLayout(this);
    m_input = new QPlainTextEdit(this);
    m_input->setObjectName(QStringLiteral("referenceInput"));
    m_input->setMaximumHeight(140);
    m_input->setTabChangesFocus(true); // Tab moves on to the buttons, as in a form
    layout->addWidget(m_input);

    auto* buttons = new QHBoxLayout;
    m_openButton = new QPushButton(this);
    m_openButton->setObjectName(QStringLiteral("openReferencesButton"));
    m_checkButton = new QPushButton(this);
    m_checkButton->setObjectName(QStringLiteral("checkReferencesButton"));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportButton->setEnabled(false);
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_checkButton);
    buttons->addStretch();
    buttons->addWidget(m_exportButton);
    layout->addLayout(buttons);
    connect(m_openButton, &QPushButton::clicked, this, &ReferenceCheckWidget::openFileDialog);
    connect(m_checkButton, &QPushButton::clicked, this, [this] { checkText(m_input->toPlainText()); });
    connect(m_exportButton, &QPushButton::clicked, this, &ReferenceCheckWidget::exportCsvDialog);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("referenceSummary"));
    m_summaryLabel->setTextFormat(Qt::PlainText);
    m_summaryLabel->setWordWrap(true);
    m_summaryLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summaryLabel);

    m_model = new ProfileTableModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("referencesTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::ContiguousSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
}

void ReferenceCheckWidget::retranslateUi()
{
    setWindowTitle(tr("Check a reference list"));
    m_input->setPlaceholderText(tr("Paste a reference list (BibTeX, RIS, CSL-JSON, or one journal per line), or "
                                   "drop a .bib, .ris, .json or .txt file here."));
    m_openButton->setText(tr("Open file…"));
    m_checkButton->setText(tr("Check"));
    m_exportButton->setText(tr("Export CSV…"));
    if (!m_report.entries.isEmpty() || !m_report.ok())
        showReport(m_report);
}

void ReferenceCheckWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

QString ReferenceCheckWidget::summary() const
{
    return m_summaryLabel->text();
}

bool ReferenceCheckWidget::loadFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_report = ReferenceReport();
        m_report.error = tr("Cannot read %1: %2").arg(path, file.errorString());
        showReport(m_report);
        return false;
    }
    const QByteArray content = file.read(ReferenceListParser::MaxBytes + 1);
    // Show what was read, unless it is too big or not text to show.
    const ReferenceListParser::Result parsed = ReferenceListParser::parse(content);
    m_input->setPlainText(parsed.ok() ? QString::fromUtf8(content) : QString());
    check(content);
    return m_report.ok();
}

void ReferenceCheckWidget::checkText(const QString& text)
{
    check(text.toUtf8());
}

void ReferenceCheckWidget::check(const QByteArray& content)
{
    JournalRepository repository;
    QString error;
    if (!repository.open(m_databasePath, &error)) {
        m_report = ReferenceReport();
        m_report.error = tr("The journal database cannot be opened: %1").arg(error);
    } else {
        ReferenceChecker checker(repository);
        m_report = checker.check(content, 0);
    }
    showReport(m_report);
}

void ReferenceCheckWidget::showReport(const ReferenceReport& report)
{
    const ReferenceReportPresenter presenter(report);
    m_summaryLabel->setText(presenter.summary());
    m_summaryLabel->setStyleSheet(
        report.ok() && !report.hasWarningHits() ? QString() : QStringLiteral("color: #b71c1c; font-weight: bold"));
    m_model->setTable(report.ok() ? presenter.table() : ProfileTable());
    m_view->resizeColumnsToContents();
    // Long venue and journal titles would push the facts out of sight: cap the text columns, the tooltip and
    // the CSV have them in full.
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), MaxColumnWidth));
    m_exportButton->setEnabled(report.ok() && !report.entries.isEmpty());
}

bool ReferenceCheckWidget::exportCsv(const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(ReferenceReportFormatter::csv(m_report)) < 0 || !file.commit()) {
        m_summaryLabel->setText(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void ReferenceCheckWidget::openFileDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a reference list"), QString(),
                                                      tr("Reference lists (*.bib *.ris *.json *.txt);;All files (*)"));
    if (!path.isEmpty())
        loadFile(path);
}

void ReferenceCheckWidget::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export as CSV"), QStringLiteral("references.csv"),
                                                      tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

bool ReferenceCheckWidget::canAccept(const QMimeData* mime)
{
    if (!mime)
        return false;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        return urls.size() == 1 && urls.first().isLocalFile();
    }
    return mime->hasText();
}

void ReferenceCheckWidget::dragEnterEvent(QDragEnterEvent* event)
{
    if (canAccept(event->mimeData()))
        event->acceptProposedAction();
}

void ReferenceCheckWidget::dropEvent(QDropEvent* event)
{
    const QMimeData* mime = event->mimeData();
    if (!canAccept(mime))
        return;
    event->acceptProposedAction();
    if (mime->hasUrls()) {
        loadFile(mime->urls().first().toLocalFile());
    } else {
        m_input->setPlainText(mime->text());
        checkText(mime->text());
    }
}

} // namespace jcr::gui
