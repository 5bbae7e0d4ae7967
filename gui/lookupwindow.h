#pragma once

#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QStandardItemModel;
class QTableView;
class QVBoxLayout;

namespace jcr {
class JournalRepository;
struct JournalProfile;
} // namespace jcr

namespace jcr::gui {

class ProfileTableModel;
class TrendChartWidget;
class ReferenceCheckWidget;

/// The journal lookup window: a search box that completes journal names, ISSNs and Chinese titles, and the
/// chosen journal's profile laid out like ShowJCR (IF and quartile per year, CAS partitions, warning-list
/// entries, CCF rank). Reads the database read-only through JournalRepository, the same queries the MCP tools
/// use; a missing or broken database gives a message with what to do, never a crash.
class LookupWindow : public QWidget
{
    Q_OBJECT

public:
    explicit LookupWindow(const QString& databasePath, QWidget* parent = nullptr);
    ~LookupWindow() override;

    /// Whether the database could be opened (otherwise the window shows why and what to do).
    bool isDatabaseOpen() const;
    /// The message shown instead of a profile (missing database, no match), empty while a profile is shown.
    QString message() const;
    QString databasePath() const { return m_databasePath; }
    /// Reads another database file from now on (the settings named another one).
    void setDatabasePath(const QString& databasePath);

public slots:
    /// Opens the database again, e.g. after "Update journal data" replaced it. Keeps the shown journal.
    void reload();
    /// Shows the best match for `text` (a name, ISSN or Chinese title), or a "not found" message.
    void lookUp(const QString& text);
    /// The reference list check window (opened by its button or by dropping a file here), created on first use.
    ReferenceCheckWidget* openReferenceCheck();

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void openDatabase();
    void updateCompletions();
    void completionActivated(const QModelIndex& index);
    void showJournal(qint64 journalId);
    void showProfile(const JournalProfile& profile);
    /// The impact factor chart of the shown journal; hidden when it has no impact factor.
    void showTrend(qint64 journalId);
    void showMessage(const QString& text);
    void updateDatabaseStatus();

    QString m_databasePath;
    std::unique_ptr<JournalRepository> m_repository;
    QString m_openError;
    QString m_shownTitle; ///< title of the journal on the profile page, to find it again after a reload

    QLineEdit* m_searchEdit = nullptr;
    QPushButton* m_referencesButton = nullptr;
    ReferenceCheckWidget* m_referenceWindow = nullptr;
    QCompleter* m_completer = nullptr;
    QStandardItemModel* m_completions = nullptr;
    QTimer m_completionTimer;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_titleLabel = nullptr;
    QLabel* m_chineseTitleLabel = nullptr;
    QLabel* m_identifiersLabel = nullptr;
    QLabel* m_headlineLabel = nullptr;
    TrendChartWidget* m_trendChart = nullptr;
    QLabel* m_statusLabel = nullptr;

    struct Section
    {
        QLabel* heading = nullptr;
        QTableView* view = nullptr;
        ProfileTableModel* model = nullptr;
    };
    QList<Section> m_sections;
    QVBoxLayout* m_sectionLayout = nullptr;
};

} // namespace jcr::gui
