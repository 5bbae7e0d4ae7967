#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace jcr::gui {

class AppSettings;

/// Edits AppSettings: transport, address, port, access token, database, data source, language and the two
/// start options. Save validates with AppSettings::validate() (and checks that the port is free); on a
/// problem the field's message is shown and nothing is saved. Asking whether to restart a running server
/// is the caller's part (settingsSaved()), so the dialog never blocks on a message box of its own.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    /// `appBinary`: the program that "start at login" starts (normally the running app).
    SettingsDialog(AppSettings& settings, const QString& appBinary, QWidget* parent = nullptr);

    /// The port our own server listens on: taken, but by us, so not reported as in use.
    void setOwnServerPort(quint16 port);

    /// Validates the fields and, when they are fine, writes them to the settings and saves them. Returns
    /// whether it saved; otherwise errorText() says why.
    bool save();
    QString errorText() const;

signals:
    /// Saved; `serverChanged` when the server has to be restarted to use the new values.
    void settingsSaved(bool serverChanged);

private:
    void load();
    void apply();
    void updateHostWarning();
    void checkPort();
    void generateToken();
    void browseDatabase();
    void browseDataSource();
    void showProblems(const QStringList& fields, const QStringList& messages);
    /// Another program listens on host:port (we try to bind it, as the server would).
    bool portIsTaken(const QString& host, quint16 port) const;

    AppSettings& m_settings;
    QString m_appBinary;
    quint16 m_ownServerPort = 0;

    QComboBox* m_transport = nullptr;
    QComboBox* m_host = nullptr;
    QLabel* m_hostWarning = nullptr;
    QSpinBox* m_port = nullptr;
    QLabel* m_portStatus = nullptr;
    QLineEdit* m_token = nullptr;
    QLineEdit* m_databasePath = nullptr;
    QLineEdit* m_dataSource = nullptr;
    QComboBox* m_language = nullptr;
    QCheckBox* m_startServer = nullptr;
    QCheckBox* m_startAtLogin = nullptr;
    QLabel* m_errors = nullptr;
};

} // namespace jcr::gui
