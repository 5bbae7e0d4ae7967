#pragma once

#include "httpsettings.h"
#include "requestframer.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace jcr::http {

/// The checks every HTTP request passes before it reaches MCP: DNS-rebinding protection (Host and Origin),
/// the optional bearer token, and the content negotiation of Streamable HTTP. Stateless apart from the
/// settings, so each rule is tested on its own.
class RequestGuard
{
public:
    explicit RequestGuard(const HttpSettings& settings) : m_settings(settings) {}

    /// Why a request is answered with an error instead of being served.
    struct Refusal
    {
        int status = 0; ///< HTTP status
        int code = 0;   ///< JSON-RPC error code of the body
        QString message;
        QList<QPair<QByteArray, QByteArray>> headers; ///< e.g. WWW-Authenticate
    };
    /// The checks that need only a request's head, made before its body is read: Host and Origin (403),
    /// then the token (401) except for CORS preflights (browsers send them without credentials) and /health
    /// (load balancers).
    std::optional<Refusal> admit(const RequestFramer::Head& head) const;

    /// When bound to loopback, Host must name loopback (localhost, 127.0.0.1, [::1]; any port): a page on
    /// another site that rebinds its name to 127.0.0.1 then still fails.
    bool hostAllowed(const QByteArray& host) const;
    /// No Origin (not a browser) is allowed; otherwise loopback origins, any port, and the configured list.
    /// `Origin: null` (sandboxed frames, file://) is not.
    bool originAllowed(const QByteArray& origin) const;
    /// Compares in constant time, so the token cannot be guessed byte by byte from response times.
    bool tokenAccepted(const QByteArray& authorization) const;
    bool tokenRequired() const { return !m_settings.token.isEmpty(); }

    /// The CORS headers of an answer to a request from `origin` (none without one). Only allowed origins get
    /// this far: the others are refused.
    static QList<QPair<QByteArray, QByteArray>> corsHeaders(const QByteArray& origin);

    /// True when the Accept header lists `type` (or a wildcard covering it) with a non-zero q value.
    static bool accepts(const QByteArray& accept, const QByteArray& type);
    /// application/json with or without parameters (charset).
    static bool isJsonContentType(const QByteArray& contentType);

private:
    static bool isLoopbackName(const QByteArray& host);

    HttpSettings m_settings;
};

} // namespace jcr::http
