#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QLocalServer;

namespace jcr::gui {

/// One tray app per user: a second start (e.g. a .desktop action `jcr-mcp-tray --open lookup`) hands its
/// request to the running app over a local socket and exits, instead of starting a second server on the same
/// port. A QLocalServer works on every platform (style-anchors: "one QLocalServer guard").
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    /// `socketPath`: a per-user name; defaultSocketPath() in the app.
    explicit SingleInstance(const QString& socketPath, QObject* parent = nullptr);

    /// The user's runtime folder (XDG_RUNTIME_DIR on Linux) with a fixed file name.
    static QString defaultSocketPath();

    /// Becomes the running instance (true), or, when another one answers, sends it `message` and returns false.
    bool claim(const QByteArray& message);

signals:
    /// A later start asked for something (its `message`: a window name from --open, or empty).
    void messageReceived(const QByteArray& message);

private:
    void acceptConnection();

    QString m_socketPath;
    QLocalServer* m_server = nullptr;
};

} // namespace jcr::gui
