#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;

namespace jcr::gui {

class StatusPresentation;

/// A small main window with the server's status and the tray menu's actions as buttons. Shown where there
/// is no system tray (instead of doing nothing), when the tray icon is clicked, and with `--open window`.
class StatusWindow : public QWidget
{
    Q_OBJECT

public:
    /// `serverActions`: Start, Stop, Restart (a row of their own); `otherActions`: the rest, in menu order.
    StatusWindow(const QList<QAction*>& serverActions, const QList<QAction*>& otherActions, QWidget* parent = nullptr);

    void setStatus(const StatusPresentation& status, const QString& address);
    /// A passing message (the tray's notifications when there is no tray).
    void showNotice(const QString& text);
    /// Without a tray, closing this window is the only way out: it quits the app.
    void setQuitOnClose(bool quit) { m_quitOnClose = quit; }

signals:
    void quitRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    QLabel* m_icon = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
    QLabel* m_notice = nullptr;
    bool m_quitOnClose = false;
};

} // namespace jcr::gui
