#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace jcr::gui {

class AppSettings;
class DataSyncJob;

/// "Update journal data": runs `jcr-mcp-server sync` with the settings' database and data source, shows its
/// progress, lets the user cancel, and says in plain words how it ended. A sync starts whenever the dialog is
/// opened (shown, not merely restored from minimised) and none is running. A running server keeps answering
/// from the old data until the new database is complete.
class UpdateDataDialog : public QDialog
{
    Q_OBJECT

public:
    /// The settings are read at every start (database, data source, environment), so they must outlive the dialog.
    UpdateDataDialog(const QString& serverBinary, const AppSettings& settings, QWidget* parent = nullptr);
    ~UpdateDataDialog() override;

    /// The job that runs the sync, e.g. to watch its state.
    const DataSyncJob* job() const { return m_job; }

public slots:
    /// Starts (or retries) the sync; does nothing while one runs.
    void startSync();
    /// Cancels a running sync, else closes the dialog.
    void reject() override;

signals:
    /// The new database is in place (the lookup window should reload it).
    void dataUpdated();

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showSource();
    void showProgress(int done, int total, const QString& message);
    void syncFinished();
    void updateButtons();

    DataSyncJob* m_job = nullptr;
    const AppSettings& m_settings;
    bool m_closeWhenFinished = false;

    QLabel* m_introLabel = nullptr;
    QLabel* m_sourceLabel = nullptr;
    QProgressBar* m_progressBar = nullptr;
    QLabel* m_statusLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace jcr::gui
