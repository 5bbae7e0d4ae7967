#include "traycontroller.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "claudedesktopconfig.h"
#include "claudedesktopdialog.h"
#include "firstrunprompt.h"
#include "logwindow.h"
#include "settingsdialog.h"
#include "statuspresentation.h"
#include "statuswindow.h"
#include "trayicons.h"

#ifdef JCR_HAVE_LOOKUP
#include "lookupwindow.h"
#include "updatedatadialog.h"
#endif

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCursor>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTimer>

namespace jcr::gui {

using State = ServerSupervisor::State;
using Action = StatusPresentation::Action;

TrayController::TrayController(AppSettings& settings, const QString& serverBinary, QObject* parent)
    : QObject(parent), m_settings(settings), m_serverBinary(serverBinary), m_supervisor(serverBinary),
      m_menu(std::make_unique<QMenu>())
{
    createActions();
    connect(&m_supervisor, &ServerSupervisor::stateChanged, this, &TrayController::applyState);
    connect(&m_supervisor, &ServerSupervisor::ready, this,
            [this] { applyState(m_supervisor.state(), m_supervisor.reason()); });
}

TrayController::~TrayController()
{
    // Windows first: some of them watch the supervisor, which goes next (and stops the server).
    for (QWidget* window : {m_settingsDialog.data(), m_claudeDialog.data(), m_logWindow.data(), m_aboutDialog.data(),
                            m_lookupWindow.data(), m_updateDialog.data(), m_firstRunPrompt.data()})
        delete window;
}

void TrayController::createActions()
{
    const auto add = [this](const QString& text, void (TrayController::*slot)()) {
        auto* action = new QAction(text, this);
        connect(action, &QAction::triggered, this, slot);
        m_actions.append(action);
        return action;
    };
    add(tr("&Start server"), &TrayController::startServer);
    add(tr("S&top server"), &TrayController::stopServer);
    add(tr("&Restart server"), &TrayController::restartServer);
    add(tr("S&ettings…"), &TrayController::openSettings);
    add(tr("&Connect to Claude Desktop…"), &TrayController::openClaudeDesktop);
    add(tr("Copy connection &URL"), &TrayController::copyUrl);
    add(tr("Copy client &config (JSON)"), &TrayController::copyClientConfig);
    add(tr("&Update journal data…"), &TrayController::openUpdateData);
    add(tr("&Look up a journal…"), &TrayController::openLookup);
    add(tr("Open &log"), &TrayController::openLog);
    add(tr("&About"), &TrayController::openAbout);
    add(tr("&Quit"), &TrayController::quit);
    action(ActionId::Quit)->setMenuRole(QAction::QuitRole);
#ifndef JCR_HAVE_LOOKUP
    for (ActionId id : {ActionId::Lookup, ActionId::UpdateData}) {
        action(id)->setEnabled(false);
        action(id)->setToolTip(tr("Not part of this build."));
    }
#endif

    m_menu->setObjectName(QStringLiteral("trayMenu"));
    const auto section = [this](std::initializer_list<ActionId> ids) {
        for (ActionId id : ids)
            m_menu->addAction(action(id));
        m_menu->addSeparator();
    };
    m_menu->addSection(tr("JCR MCP"));
    section({ActionId::Start, ActionId::Stop, ActionId::Restart});
    section({ActionId::Lookup, ActionId::UpdateData});
    section({ActionId::ConnectClaude, ActionId::CopyUrl, ActionId::CopyClientConfig});
    section({ActionId::Settings, ActionId::OpenLog, ActionId::About});
    m_menu->addAction(action(ActionId::Quit));
    applyState(m_supervisor.state(), m_supervisor.reason());
}

QAction* TrayController::action(ActionId id) const
{
    return m_actions.at(int(id));
}

QStringList TrayController::windowNames()
{
    return {QStringLiteral("lookup"), QStringLiteral("settings"), QStringLiteral("claude"), QStringLiteral("log"),
            QStringLiteral("update"), QStringLiteral("menu"),     QStringLiteral("window"), QStringLiteral("about")};
}

void TrayController::show()
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                showStatusWindow();
        });
        applyState(m_supervisor.state(), m_supervisor.reason());
        m_tray->show();
        return;
    }
    // No tray to live in: the status window is the app, and closing it quits.
    showStatusWindow();
    m_statusWindow->setQuitOnClose(true);
}

bool TrayController::open(const QString& name)
{
    static const QHash<QString, void (TrayController::*)()> windows{
        {QStringLiteral("lookup"), &TrayController::openLookup},
        {QStringLiteral("settings"), &TrayController::openSettings},
        {QStringLiteral("claude"), &TrayController::openClaudeDesktop},
        {QStringLiteral("log"), &TrayController::openLog},
        {QStringLiteral("update"), &TrayController::openUpdateData},
        {QStringLiteral("menu"), &TrayController::showMenu},
        {QStringLiteral("window"), &TrayController::showStatusWindow},
        {QStringLiteral("about"), &TrayController::openAbout},
    };
    const auto found = windows.constFind(name);
    if (found == windows.cend())
        return false;
    (this->*found.value())();
    return true;
}

QString TrayController::clientAddress() const
{
    return ClaudeDesktopConfig::httpUrl(m_settings, m_supervisor.port());
}

void TrayController::applyState(State state, const QString& givenReason)
{
    // Without a database the server's own reason names a command line; say what to do in the app instead.
    const QString reason = state == State::Unhealthy && m_supervisor.isProcessRunning() && !databaseExists()
                               ? tr("No journal data yet. Choose “Update journal data…” to download it.")
                               : givenReason;
    const StatusPresentation status(state, reason, m_supervisor.isProcessRunning(), clientAddress());
    action(ActionId::Start)->setEnabled(status.isEnabled(Action::Start));
    action(ActionId::Stop)->setEnabled(status.isEnabled(Action::Stop));
    action(ActionId::Restart)->setEnabled(status.isEnabled(Action::Restart));
    const QIcon icon = TrayIcons::icon(status.iconPath());
    if (m_tray) {
        m_tray->setIcon(icon);
        m_tray->setToolTip(status.toolTip());
    }
    if (m_statusWindow)
        m_statusWindow->setStatus(status, state == State::Running ? clientAddress() : QString());
    // Without a tray the status window shows the state itself; a notice would repeat it.
    if (m_tray && status.deservesNotification(m_lastState, m_lastReason))
        notify(status.notificationTitle(), status.notificationMessage(), status.isProblem());
    m_lastState = state;
    m_lastReason = reason;
}

bool TrayController::databaseExists() const
{
    return QFileInfo::exists(m_settings.databasePath());
}

bool TrayController::offerFirstRun()
{
    if (databaseExists())
        return false;
    if (!m_firstRunPrompt) {
        auto* prompt = new FirstRunPrompt;
        prompt->setWindowIcon(TrayIcons::appIcon());
        connect(prompt, &FirstRunPrompt::chosen, this, [this](FirstRunPrompt::Choice choice) {
            if (choice == FirstRunPrompt::Choice::Download)
                openUpdateData();
            else if (choice == FirstRunPrompt::Choice::ChooseFolder)
                chooseDataFolder();
        });
        m_firstRunPrompt = prompt;
    }
    m_firstRunPrompt->show();
    m_firstRunPrompt->raise();
    m_firstRunPrompt->activateWindow();
    return true;
}

QWidget* TrayController::firstRunPrompt() const
{
    return m_firstRunPrompt;
}

QWidget* TrayController::updateDialog() const
{
    return m_updateDialog;
}

void TrayController::chooseDataFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(nullptr, tr("The folder with the ShowJCR files"));
    if (folder.isEmpty())
        return;
    m_settings.setDataSource(folder);
    m_settings.save();
    openUpdateData();
}

void TrayController::notify(const QString& title, const QString& message, bool warning)
{
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(title, message, warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 8000);
    else if (m_statusWindow)
        m_statusWindow->showNotice(message.isEmpty() ? title : title + QStringLiteral(": ") + message);
}

void TrayController::present(QWidget* window)
{
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowIcon(TrayIcons::appIcon());
    window->show();
    window->raise();
    window->activateWindow();
}

void TrayController::startServer()
{
    m_supervisor.start(m_settings);
}

void TrayController::stopServer()
{
    m_supervisor.stop();
}

void TrayController::restartServer()
{
    m_supervisor.restart(m_settings);
}

void TrayController::openSettings()
{
    if (!m_settingsDialog) {
        auto* dialog = new SettingsDialog(m_settings, QCoreApplication::applicationFilePath());
        dialog->setOwnServerPort(m_supervisor.port());
        // The port is known once the server is ready (and may change with every start).
        connect(&m_supervisor, &ServerSupervisor::ready, dialog,
                [this, dialog] { dialog->setOwnServerPort(m_supervisor.port()); });
        connect(dialog, &SettingsDialog::settingsSaved, this, &TrayController::handleSettingsSaved);
        m_settingsDialog = dialog;
    }
    present(m_settingsDialog);
}

void TrayController::handleSettingsSaved(bool serverChanged)
{
    applyState(m_supervisor.state(), m_supervisor.reason()); // the address may have changed
#ifdef JCR_HAVE_LOOKUP
    if (auto* lookup = qobject_cast<LookupWindow*>(m_lookupWindow.data()))
        lookup->setDatabasePath(m_settings.databasePath()); // the database may have moved
#endif
    if (!serverChanged || !m_supervisor.isProcessRunning())
        return;
    const auto answer = QMessageBox::question(
        m_settingsDialog, tr("Restart the server?"),
        tr("The server uses the new settings only after a restart. Clients that are connected now will have to "
           "connect again.\n\nRestart the server now?"),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer == QMessageBox::Yes)
        m_supervisor.restart(m_settings);
}

void TrayController::openClaudeDesktop()
{
    if (!m_claudeDialog) {
        auto* dialog = new ClaudeDesktopDialog(m_settings, m_serverBinary, m_supervisor.port());
        connect(&m_supervisor, &ServerSupervisor::ready, dialog,
                [this, dialog] { dialog->setActualPort(m_supervisor.port()); });
        m_claudeDialog = dialog;
    }
    present(m_claudeDialog);
}

void TrayController::copyUrl()
{
    QGuiApplication::clipboard()->setText(clientAddress());
}

void TrayController::copyClientConfig()
{
    QGuiApplication::clipboard()->setText(ClaudeDesktopConfig::httpClientSnippet(
        QString::fromLatin1(ClaudeDesktopDialog::EntryName), m_settings, m_supervisor.port()));
}

void TrayController::openUpdateData()
{
#ifdef JCR_HAVE_LOOKUP
    if (!m_updateDialog) {
        auto* dialog = new UpdateDataDialog(m_serverBinary, m_settings);
        connect(dialog, &UpdateDataDialog::dataUpdated, this, [this] {
            notify(tr("Journal data updated"), tr("The lookup window and the server use the new data."), false);
            if (auto* lookup = qobject_cast<LookupWindow*>(m_lookupWindow.data()))
                lookup->reload();
        });
        m_updateDialog = dialog;
    }
    present(m_updateDialog);
#endif
}

void TrayController::openLookup()
{
#ifdef JCR_HAVE_LOOKUP
    if (!m_lookupWindow)
        m_lookupWindow = new LookupWindow(m_settings.databasePath());
    present(m_lookupWindow);
#endif
}

void TrayController::openLog()
{
    if (!m_logWindow)
        m_logWindow = new LogWindow(m_supervisor);
    present(m_logWindow);
}

void TrayController::openAbout()
{
    if (!m_aboutDialog)
        m_aboutDialog = new AboutDialog(m_settings.databasePath());
    present(m_aboutDialog);
}

void TrayController::showStatusWindow()
{
    if (!m_statusWindow) {
        const QList<QAction*> serverActions{action(ActionId::Start), action(ActionId::Stop), action(ActionId::Restart)};
        QList<QAction*> others;
        for (ActionId id :
             {ActionId::Lookup, ActionId::UpdateData, ActionId::ConnectClaude, ActionId::CopyUrl,
              ActionId::CopyClientConfig, ActionId::Settings, ActionId::OpenLog, ActionId::About, ActionId::Quit})
            others << action(id);
        m_statusWindow = std::make_unique<StatusWindow>(serverActions, others);
        connect(m_statusWindow.get(), &StatusWindow::quitRequested, this, &TrayController::quit);
        applyState(m_supervisor.state(), m_supervisor.reason());
    }
    m_statusWindow->show();
    m_statusWindow->raise();
    m_statusWindow->activateWindow();
}

void TrayController::showMenu()
{
    // Next to the tray icon once the tray has placed it (not yet right after start: wait a little), else in
    // the middle of the screen.
    constexpr int PlacementChecks = 10;
    if (m_tray && !m_tray->geometry().isValid() && m_menuPlacementChecks < PlacementChecks) {
        ++m_menuPlacementChecks;
        QTimer::singleShot(200, this, &TrayController::showMenu);
        return;
    }
    m_menuPlacementChecks = 0;
    // An icon embedded in an X11 tray may report its place relative to the tray (near 0,0), not the screen.
    const QRect icon = m_tray ? m_tray->geometry() : QRect();
    QPoint position;
    if (icon.isValid() && icon.x() + icon.y() > 8) {
        position = icon.bottomLeft();
    } else {
        const QScreen* screen = QGuiApplication::primaryScreen();
        position = screen ? screen->availableGeometry().center() : QCursor::pos();
    }
    m_menu->popup(position);
}

void TrayController::quit()
{
    QCoreApplication::quit();
}

} // namespace jcr::gui
