#include "lookupwindow.h"

#include "journalprofilepresenter.h"
#include "journalrepository.h"
#include "profiletablemodel.h"
#include "referencecheckwidget.h"
#include "trendchartwidget.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace jcr::gui {

namespace {

constexpr int MaxCompletions = 12;
constexpr int CompletionDelayMs = 150; // wait for a pause in typing instead of searching every keystroke
constexpr int WarmUpDelayMs = 100;
constexpr int JournalIdRole = Qt::UserRole + 1;
constexpr int JournalTitleRole = Qt::UserRole + 2;
enum Page { MessagePage, ProfilePage };

/// What a completion row shows: the title plus what tells similar titles apart (ISSN, Chinese title, the name
/// that matched when it is another spelling or an abbreviation).
QString completionText(const JournalMatch& match)
{
    const JournalSummary& journal = match.journal;
    QStringList parts{journal.title};
    if (!journal.titleZh.isEmpty() && journal.titleZh != journal.title)
        parts << journal.titleZh;
    if (!journal.issn.isEmpty())
        parts << journal.issn;
    else if (!journal.eissn.isEmpty())
        parts << journal.eissn;
    if (!match.matchedName.isEmpty() && match.matchedName.compare(journal.title, Qt::CaseInsensitive) != 0 &&
        !parts.contains(match.matchedName, Qt::CaseInsensitive))
        parts << QStringLiteral("(%1)").arg(match.matchedName);
    return parts.join(QStringLiteral("  ·  "));
}

/// Makes a table exactly as tall as its rows, so the scroll area around all sections scrolls, not each table.
void fitHeightToRows(QTableView* view)
{
    view->resizeColumnsToContents();
    view->resizeRowsToContents();
    int height = view->horizontalHeader()->sizeHint().height() + 2 * view->frameWidth();
    for (int row = 0; row < view->model()->rowCount(); ++row)
        height += view->rowHeight(row);
    view->setFixedHeight(height);
}

} // namespace

LookupWindow::LookupWindow(const QString& databasePath, QWidget* parent) : QWidget(parent), m_databasePath(databasePath)
{
    m_completionTimer.setSingleShot(true);
    m_completionTimer.setInterval(CompletionDelayMs);
    connect(&m_completionTimer, &QTimer::timeout, this, &LookupWindow::updateCompletions);
    buildUi();
    retranslateUi();
    openDatabase();
    resize(900, 700);
}

LookupWindow::~LookupWindow() = default;

void LookupWindow::buildUi()
{
    auto* layout = new QVBoxLayout(this);

    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    // A reference list is checked in its own window: a button beside the search box, or a file dropped here.
    m_referencesButton = new QPushButton(this);
    m_referencesButton->setObjectName(QStringLiteral("referencesButton"));
    connect(m_referencesButton, &QPushButton::clicked, this, [this] { openReferenceCheck(); });
    setAcceptDrops(true);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_searchEdit, 1);
    searchRow->addWidget(m_referencesButton);
    layout->addLayout(searchRow);

    m_completions = new QStandardItemModel(this);
    m_completer = new QCompleter(m_completions, this);
    // The repository ranks the matches (names, ISSNs, abbreviations, Chinese titles, typos), so the completer
    // shows its list as it is instead of filtering it by prefix again.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(JournalTitleRole);
    m_completer->setMaxVisibleItems(MaxCompletions);
    m_completer->setWidget(m_searchEdit);
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            &LookupWindow::completionActivated);
    connect(m_searchEdit, &QLineEdit::textEdited, this, [this] { m_completionTimer.start(); });
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_completer->popup()->isVisible() && m_completer->popup()->currentIndex().isValid())
            return; // the completer activates the highlighted journal
        m_completionTimer.stop();
        m_completer->popup()->hide();
        lookUp(m_searchEdit->text());
    });

    m_pages = new QStackedWidget(this);
    m_messageLabel = new QLabel(m_pages);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setAlignment(Qt::AlignCenter);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pages->insertWidget(MessagePage, m_messageLabel);

    auto* scroll = new QScrollArea(m_pages);
    scroll->setWidgetResizable(true);
    auto* content = new QWidget(scroll);
    m_sectionLayout = new QVBoxLayout(content);
    m_titleLabel = new QLabel(content);
    m_titleLabel->setObjectName(QStringLiteral("profileTitle"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_chineseTitleLabel = new QLabel(content);
    m_chineseTitleLabel->setObjectName(QStringLiteral("profileChineseTitle"));
    m_identifiersLabel = new QLabel(content);
    m_identifiersLabel->setObjectName(QStringLiteral("profileIdentifiers"));
    m_headlineLabel = new QLabel(content);
    m_headlineLabel->setObjectName(QStringLiteral("profileHeadline"));
    for (QLabel* label : {m_titleLabel, m_chineseTitleLabel, m_identifiersLabel, m_headlineLabel}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_sectionLayout->addWidget(label);
    }
    m_trendChart = new TrendChartWidget(content);
    m_trendChart->hide();
    m_sectionLayout->addWidget(m_trendChart);

    // One heading and table per section, in the presenter's order.
    for (const ProfileTable& table : JournalProfilePresenter(JournalProfile()).sections()) {
        Section section;
        section.heading = new QLabel(content);
        QFont headingFont = section.heading->font();
        headingFont.setBold(true);
        section.heading->setFont(headingFont);
        section.model = new ProfileTableModel(this);
        section.view = new QTableView(content);
        section.view->setObjectName(table.objectName + QStringLiteral("Table"));
        section.view->setModel(section.model);
        section.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        section.view->setSelectionMode(QAbstractItemView::ContiguousSelection);
        section.view->setWordWrap(true);
        section.view->verticalHeader()->hide();
        section.view->horizontalHeader()->setStretchLastSection(true);
        section.view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_sectionLayout->addSpacing(8);
        m_sectionLayout->addWidget(section.heading);
        m_sectionLayout->addWidget(section.view);
        m_sections.append(section);
    }
    m_sectionLayout->addStretch();
    scroll->setWidget(content);
    m_pages->insertWidget(ProfilePage, scroll);
    layout->addWidget(m_pages, 1);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_statusLabel);
}

void LookupWindow::retranslateUi()
{
    setWindowTitle(tr("Journal lookup"));
    m_searchEdit->setPlaceholderText(tr("Journal name, ISSN or Chinese title, e.g. Nature or 0028-0836"));
    m_referencesButton->setText(tr("Check a reference list…"));
    m_referencesButton->setToolTip(tr("Check every journal of a .bib, .ris or .txt reference list; you can also "
                                      "drop the file on this window."));
}

void LookupWindow::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    retranslateUi();
    updateDatabaseStatus();
    if (m_pages->currentIndex() == ProfilePage && !m_shownTitle.isEmpty())
        lookUp(m_shownTitle);
}

bool LookupWindow::isDatabaseOpen() const
{
    return m_repository != nullptr;
}

QString LookupWindow::message() const
{
    return m_pages->currentIndex() == MessagePage ? m_messageLabel->text() : QString();
}

void LookupWindow::openDatabase()
{
    m_repository = std::make_unique<JournalRepository>();
    m_openError.clear();
    if (!m_repository->open(m_databasePath, &m_openError))
        m_repository.reset();
    updateDatabaseStatus();
    // The search index takes a moment to build on the full data set (about 0.2 s): build it right after the
    // window appears rather than on the first keystroke.
    if (m_repository)
        QTimer::singleShot(WarmUpDelayMs, this, [this] {
            if (m_repository)
                m_repository->warmUp();
        });
}

void LookupWindow::setDatabasePath(const QString& databasePath)
{
    if (databasePath == m_databasePath)
        return;
    m_databasePath = databasePath;
    reload();
}

void LookupWindow::reload()
{
    const QString shown = m_pages->currentIndex() == ProfilePage ? m_shownTitle : QString();
    openDatabase();
    // Journal ids change when the database is rebuilt, so the shown journal is found again by its title.
    if (isDatabaseOpen() && !shown.isEmpty())
        lookUp(shown);
}

void LookupWindow::updateDatabaseStatus()
{
    if (!m_repository) {
        m_statusLabel->clear();
        showMessage(tr("The journal database cannot be opened, so there is nothing to look up yet.\n\n"
                       "Choose \"Update journal data\" in the tray menu to download the journal lists.\n\n"
                       "Details: %1")
                        .arg(m_openError));
        return;
    }
    QString error;
    const DatabaseInfo info = m_repository->databaseInfo(&error);
    QStringList parts{tr("%n journal(s)", nullptr, int(info.journals))};
    if (!info.jcrYears.isEmpty())
        parts << tr("JCR up to %1").arg(*std::max_element(info.jcrYears.cbegin(), info.jcrYears.cend()));
    if (!info.casYears.isEmpty())
        parts << tr("CAS partitions up to %1").arg(*std::max_element(info.casYears.cbegin(), info.casYears.cend()));
    if (info.builtAt.isValid())
        parts << tr("data updated %1").arg(QLocale().toString(info.builtAt.toLocalTime().date(), QLocale::ShortFormat));
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
    if (m_pages->currentIndex() == MessagePage)
        showMessage(tr("Type a journal name, an ISSN or a Chinese title above."));
}

void LookupWindow::updateCompletions()
{
    const QString text = m_searchEdit->text().trimmed();
    m_completions->clear();
    if (text.isEmpty() || !m_repository) {
        m_completer->popup()->hide();
        return;
    }
    const SearchResult result = m_repository->search(text, {MaxCompletions, 0});
    for (const JournalMatch& match : result.matches) {
        auto* item = new QStandardItem(completionText(match));
        item->setData(match.journal.id, JournalIdRole);
        item->setData(match.journal.title, JournalTitleRole);
        m_completions->appendRow(item);
    }
    if (m_completions->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void LookupWindow::completionActivated(const QModelIndex& index)
{
    m_completionTimer.stop();
    m_searchEdit->setText(index.data(JournalTitleRole).toString());
    showJournal(index.data(JournalIdRole).toLongLong());
}

void LookupWindow::lookUp(const QString& text)
{
    const QString query = text.trimmed();
    if (!m_repository) {
        updateDatabaseStatus();
        return;
    }
    if (query.isEmpty())
        return;
    QString error;
    const std::optional<JournalSummary> best = m_repository->findBest(query, &error);
    if (best) {
        showJournal(best->id);
    } else if (!error.isEmpty()) {
        showMessage(tr("The search failed: %1").arg(error));
    } else {
        showMessage(
            tr("No journal matches \"%1\". Check the spelling, or search for the ISSN (e.g. 1234-5678).").arg(query));
    }
}

void LookupWindow::showJournal(qint64 journalId)
{
    if (!m_repository)
        return;
    QString error;
    const std::optional<JournalProfile> profile = m_repository->profile(journalId, &error);
    if (profile) {
        showProfile(*profile);
        showTrend(journalId);
    } else {
        showMessage(tr("This journal cannot be shown: %1").arg(error));
    }
}

void LookupWindow::showProfile(const JournalProfile& profile)
{
    const JournalProfilePresenter presenter(profile);
    m_shownTitle = presenter.title();
    m_titleLabel->setText(presenter.title());
    m_chineseTitleLabel->setText(presenter.chineseTitle());
    m_chineseTitleLabel->setVisible(!presenter.chineseTitle().isEmpty());
    m_identifiersLabel->setText(presenter.identifiers());
    m_identifiersLabel->setVisible(!presenter.identifiers().isEmpty());
    m_headlineLabel->setText(presenter.headline());
    // A journal on the warning list says so in red right under its title.
    m_headlineLabel->setStyleSheet(presenter.isOnWarningList() ? QStringLiteral("color: #b71c1c; font-weight: bold")
                                                               : QString());
    const QList<ProfileTable> tables = presenter.sections();
    for (int i = 0; i < m_sections.size() && i < tables.size(); ++i) {
        const Section& section = m_sections.at(i);
        section.model->setTable(tables.at(i));
        section.heading->setText(tables.at(i).title);
        section.heading->setVisible(!tables.at(i).isEmpty());
        section.view->setVisible(!tables.at(i).isEmpty());
        fitHeightToRows(section.view);
    }
    m_pages->setCurrentIndex(ProfilePage);
}

void LookupWindow::showTrend(qint64 journalId)
{
    // The same years, IFs, quartiles and CAS zones that get_partition_trends reports.
    QString error;
    const std::optional<JournalTrend> trend = m_repository->trend(journalId, &error);
    if (!trend && !error.isEmpty())
        qWarning("lookup: no trend chart for journal %lld: %s", journalId, qPrintable(error));
    m_trendChart->setTrend(trend ? trend->points : QList<TrendPoint>());
    m_trendChart->setSuggestedFileName(m_shownTitle);
    m_trendChart->setVisible(m_trendChart->hasData());
}

void LookupWindow::showMessage(const QString& text)
{
    m_messageLabel->setText(text);
    m_pages->setCurrentIndex(MessagePage);
}

ReferenceCheckWidget* LookupWindow::openReferenceCheck()
{
    if (!m_referenceWindow) {
        m_referenceWindow = new ReferenceCheckWidget(m_databasePath, this);
        m_referenceWindow->setWindowFlag(Qt::Window);
    }
    m_referenceWindow->setDatabasePath(m_databasePath);
    m_referenceWindow->show();
    m_referenceWindow->raise();
    m_referenceWindow->activateWindow();
    return m_referenceWindow;
}

void LookupWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (ReferenceCheckWidget::canAccept(event->mimeData()) && event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void LookupWindow::dropEvent(QDropEvent* event)
{
    // A dropped file is a reference list to check; dropped text stays for the search box.
    if (!event->mimeData()->hasUrls() || !ReferenceCheckWidget::canAccept(event->mimeData()))
        return;
    event->acceptProposedAction();
    openReferenceCheck()->loadFile(event->mimeData()->urls().first().toLocalFile());
}

} // namespace jcr::gui
