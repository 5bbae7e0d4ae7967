#pragma once

#include "referencereport.h"

#include <QString>
#include <QWidget>

class QDragEnterEvent;
class QDropEvent;
class QLabel;
class QMimeData;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace jcr::gui {

class ProfileTableModel;

/// Checks a whole reference list: a .bib, .ris, CSL-JSON or .txt file opened or dropped on the window, or text
/// pasted into it, checked with ReferenceChecker against the database, one row per entry with the highlights of
/// the profile view; the table can be exported as CSV. Opens its own read-only connection to the database.
class ReferenceCheckWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ReferenceCheckWidget(const QString& databasePath, QWidget* parent = nullptr);

    /// Reads `path` and checks it; false (and the reason shown) when it cannot be read or checked.
    bool loadFile(const QString& path);
    /// Checks `text` (also what the text box holds after a paste).
    void checkText(const QString& text);
    /// Writes the last report as CSV (UTF-8 with BOM, for spreadsheets); false with the reason shown.
    bool exportCsv(const QString& path);
    const ReferenceReport& report() const { return m_report; }
    QString summary() const;
    void setDatabasePath(const QString& databasePath) { m_databasePath = databasePath; }

    /// Whether a drop carries something this window can check (a local file, or text).
    static bool canAccept(const QMimeData* mime);

public slots:
    void openFileDialog();
    void exportCsvDialog();

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildUi();
    void retranslateUi();
    void check(const QByteArray& content);
    void showReport(const ReferenceReport& report);

    QString m_databasePath;
    ReferenceReport m_report;
    QPlainTextEdit* m_input = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_checkButton = nullptr;
    QPushButton* m_exportButton = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QTableView* m_view = nullptr;
    ProfileTableModel* m_model = nullptr;
};

} // namespace jcr::gui
