#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

namespace jcr::test {

/// Serves the files of a folder over HTTP/1.0 on loopback, as a ShowJCR mirror for `jcr-mcp-server sync --from
/// URL`, and holds back the answer for one file until release(): a sync is then reliably "in the middle" for as
/// long as a test needs, whatever the machine's speed. The real data set is too slow for unit tests and the
/// miniature one too fast to interrupt.
class HeldFileServer : public QObject
{
    Q_OBJECT

public:
    HeldFileServer(const QString& folder, const QString& heldFile, QObject* parent = nullptr);

    QString baseUrl() const;
    /// The file names the folder offers (for JCR_MCP_DATA_FILES).
    QStringList fileNames() const;
    /// Whether the held file was asked for (the sync now waits for it).
    bool heldRequestArrived() const { return !m_held.isEmpty(); }
    /// Answers the held requests and every later one at once.
    void release();

private:
    void serve();
    void answer(QTcpSocket* socket, const QByteArray& path);

    QTcpServer m_server;
    QString m_folder;
    QString m_heldFile;
    bool m_released = false;
    QList<QPair<QPointer<QTcpSocket>, QByteArray>> m_held;
};

} // namespace jcr::test
