#pragma once

#include "serversupervisor.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace jcr::gui {

class AppSettings;
class StatusWindow;

/// The tray app: owns the ServerSupervisor, the menu's actions, the tray icon (or, where the desktop has no
/// tray, the StatusWindow in its place) and opens the app's windows. The rules for what the icon, tooltip and
/// actions show live in StatusPresentation; this class only applies them.
class TrayController : public QObject
{
    Q_OBJECT

public:
    enum class ActionId {
        Start,
        Stop,
        Restart,
        Settings,
        ConnectClaude,
        CopyUrl,
        CopyClientConfig,
        UpdateData,
        Lookup,
        OpenLog,
        About,
        Quit
    };

    TrayController(AppSettings& settings, const QString& serverBinary, QObject* parent = nullptr);
    ~TrayController() override;

    /// Shows the tray icon, or the status window when there is no system tray.
    void show();
    /// Opens a window by the name used by `--open`: lookup, settings, claude, log, update, menu, window,
    /// about. False for an unknown name.
    bool open(const QString& name);
    static QStringList windowNames();

    ServerSupervisor& supervisor() { return m_supervisor; }
    QAction* action(ActionId id) const;
    bool hasSystemTray() const { return m_tray != nullptr; }

    void startServer();
    void stopServer();
    void restartServer();
    void openSettings();
    void openClaudeDesktop();
    void copyUrl();
    void copyClientConfig();
    void openUpdateData();
    void openLookup();
    void openLog();
    void openAbout();
    void showStatusWindow();
    void showMenu();
    /// Quits the app; the supervisor's destructor then stops the server.
    void quit();
    /// When there is no journal database yet: asks the first-run question (FirstRunPrompt) and returns true.
    bool offerFirstRun();
    /// The open first-run question, if any (tests answer it).
    QWidget* firstRunPrompt() const;
    /// The reason the status shows now (the server's, or the app's plainer words for it).
    QString statusReason() const { return m_lastReason; }
    /// The open "Update journal data" dialog, if any.
    QWidget* updateDialog() const;

private:
    void createActions();
    void applyState(ServerSupervisor::State state, const QString& reason);
    void notify(const QString& title, const QString& message, bool warning);
    void handleSettingsSaved(bool serverChanged);
    bool databaseExists() const;
    void chooseDataFolder();
    QString clientAddress() const;
    /// Shows an app window that is kept until closed and reused while open.
    void present(QWidget* window);

    AppSettings& m_settings;
    QString m_serverBinary;
    ServerSupervisor m_supervisor;
    std::unique_ptr<QMenu> m_menu;
    QList<QAction*> m_actions; // indexed by ActionId
    QSystemTrayIcon* m_tray = nullptr;
    std::unique_ptr<StatusWindow> m_statusWindow;
    ServerSupervisor::State m_lastState = ServerSupervisor::State::Stopped;
    QString m_lastReason;
    int m_menuPlacementChecks = 0;

    QPointer<QWidget> m_settingsDialog;
    QPointer<QWidget> m_claudeDialog;
    QPointer<QWidget> m_logWindow;
    QPointer<QWidget> m_aboutDialog;
    QPointer<QWidget> m_lookupWindow;
    QPointer<QWidget> m_updateDialog;
    QPointer<QWidget> m_firstRunPrompt;
};

} // namespace jcr::gui
