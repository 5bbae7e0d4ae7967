#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QTcpServer>

#include <functional>

namespace jcr::test {

/// A minimal HTTP/1.0 server on loopback whose answers a test decides. Written on QTcpServer rather than
/// QHttpServer because tests need what no well-behaved server does, such as closing the connection in the
/// middle of the announced body.
class CannedHttpServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray path;                       ///< percent-decoded
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
    };
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = "application/json";
        bool cutBodyInHalf = false; ///< announce the whole body, send half, close
    };
    using Handler = std::function<Reply(const Request&)>;

    explicit CannedHttpServer(Handler handler, QObject* parent = nullptr);

    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString& path) const;
    QList<Request> requests() const { return m_requests; }

private:
    void serve();

    QTcpServer m_server;
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace jcr::test
