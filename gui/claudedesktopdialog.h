#pragma once

#include "claudedesktopconfig.h"

#include <QDialog>
#include <QString>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace jcr::gui {

class AppSettings;

/// "Connect to Claude Desktop…": adds, updates or removes this installation's entry in Claude Desktop's
/// config file (ClaudeDesktopConfig does the file work and refuses malformed files), and offers copy-ready
/// connection details for clients that speak HTTP.
class ClaudeDesktopDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr const char* EntryName = "jcr";

    /// `actualPort`: the running server's port (0: the settings' port). `configPath`: empty for Claude
    /// Desktop's own file on this system.
    ClaudeDesktopDialog(const AppSettings& settings,
                        const QString& serverBinary,
                        quint16 actualPort = 0,
                        const QString& configPath = QString(),
                        QWidget* parent = nullptr);

    /// The port HTTP clients use: the running server's, known once it is ready (0: the settings' port).
    void setActualPort(quint16 port);

    /// The buttons' actions; true when the file now is as asked.
    bool addOrUpdate();
    bool removeEntry();

    QString statusText() const;
    QString messageText() const;

private:
    void refreshStatus();
    void showMessage(const QString& text, bool isError);
    QWidget* copyRow(const QString& objectName, const QString& text);

    ClaudeDesktopConfig m_config;
    const AppSettings& m_settings;
    QString m_serverBinary;
    QString m_databasePath;

    QLabel* m_status = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPlainTextEdit* m_snippet = nullptr;
};

} // namespace jcr::gui
