#pragma once

#include "httpsettings.h"

#include <QTcpServer>

namespace jcr::http {

/// The listening socket, with the protections QAbstractHttpServer (Qt 6.4) does not have:
/// - a connection must send a complete request head within headerTimeoutSeconds, and a connection with
///   nothing in flight is closed after idleConnectionSeconds (slow or idle clients cannot hold sockets);
/// - a request whose Content-Length exceeds the body limit is answered 413 and the connection closed
///   before the body is read, so a huge upload is never buffered (QAbstractHttpServer reads whole bodies
///   before it hands a request over; larger bodies without Content-Length are still refused after).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(const HttpSettings& settings, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void watch(QTcpSocket* socket);

    HttpSettings m_settings;
};

} // namespace jcr::http
