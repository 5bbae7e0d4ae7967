#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace jcr::http {

/// Streamable HTTP session ids that every replica of a deployment can verify on its own, so consecutive
/// requests of one session may land on different servers behind a load balancer (docs/http-transport.md,
/// "Several replicas"). Enabled by a secret shared by the replicas (JCR_MCP_SESSION_SECRET).
///
/// An id is `s1.<payload>.<mac>`: the payload (base64url) carries what a session needs to go on elsewhere —
/// the negotiated protocol version and the time it was issued — plus 128 random bits; the MAC is
/// HMAC-SHA-256 over the payload with the secret (QMessageAuthenticationCode). Without the secret an id can
/// neither be forged nor altered. A replica that has never seen a valid id takes the session up as
/// initialized with that protocol version. What is not carried (the log level a client set) is per replica.
class SessionToken
{
public:
    /// An empty secret disables signed ids (random ids, sessions known to one server only).
    explicit SessionToken(QByteArray secret = QByteArray(), qint64 maxAgeSeconds = 86400);

    bool enabled() const { return !m_secret.isEmpty(); }
    /// How long an id stays valid after it was issued.
    qint64 maxAgeSeconds() const { return m_maxAgeSeconds; }

    /// A new signed id for a session that negotiated `protocolVersion`, issued at `nowSeconds` (Unix time).
    QByteArray issue(const QString& protocolVersion, qint64 nowSeconds) const;

    struct Claims
    {
        QString protocolVersion;
        qint64 issuedAt = 0;
    };
    /// The claims of `id` when it was issued with this secret no more than the maximum age before
    /// `nowSeconds`; nothing for anything else (random ids, other secrets, altered or expired ids).
    std::optional<Claims> verify(const QByteArray& id, qint64 nowSeconds) const;

    /// The shortest secret accepted (bytes): a shorter one could be guessed.
    static constexpr int MinimumSecretLength = 32;

private:
    QByteArray mac(const QByteArray& payload) const;

    QByteArray m_secret;
    qint64 m_maxAgeSeconds;
};

} // namespace jcr::http
