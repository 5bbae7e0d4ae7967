#include "sessionregistry.h"

#include "mcpsession.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace jcr::http {

SessionRegistry::SessionRegistry(int maxSessions, int idleSeconds, SessionToken token, QObject* parent)
    : QObject(parent), m_token(std::move(token)), m_maxSessions(maxSessions),
      m_idleMilliseconds(qint64(idleSeconds) * 1000)
{
    m_expiry.setInterval(std::clamp<qint64>(m_idleMilliseconds / 10, 1000, 60000));
    connect(&m_expiry, &QTimer::timeout, this, &SessionRegistry::expireIdle);
    m_expiry.start();
}

std::shared_ptr<HttpSession> SessionRegistry::create(HttpSession::Kind kind, const QString& protocolVersion)
{
    if (m_sessions.size() >= m_maxSessions)
        return nullptr;
    const bool signedId = m_token.enabled() && kind == HttpSession::Kind::StreamableHttp;
    QByteArray id;
    do {
        if (signedId) {
            id = m_token.issue(protocolVersion, QDateTime::currentSecsSinceEpoch());
        } else {
            quint32 words[4];
            QRandomGenerator::system()->fillRange(words); // the OS's CSPRNG, not a seeded PRNG
            id = QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
        }
    } while (m_sessions.contains(id));
    auto session = std::make_shared<HttpSession>(id, kind);
    m_sessions.insert(id, session);
    return session;
}

std::shared_ptr<HttpSession> SessionRegistry::find(const QByteArray& id) const
{
    return m_sessions.value(id);
}

std::shared_ptr<HttpSession> SessionRegistry::adopt(const QByteArray& id)
{
    if (m_sessions.size() >= m_maxSessions || m_sessions.contains(id))
        return nullptr;
    const std::optional<SessionToken::Claims> claims = m_token.verify(id, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return nullptr;
    auto session = std::make_shared<HttpSession>(id, HttpSession::Kind::StreamableHttp);
    session->state()->setProtocolVersion(claims->protocolVersion);
    session->state()->setState(mcp::McpSession::State::Ready);
    m_sessions.insert(id, session);
    return session;
}

void SessionRegistry::remove(const QByteArray& id)
{
    m_sessions.remove(id);
}

int SessionRegistry::count(HttpSession::Kind kind) const
{
    int count = 0;
    for (const auto& session : m_sessions)
        count += session->kind() == kind ? 1 : 0;
    return count;
}

void SessionRegistry::expireIdle()
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        const HttpSession& session = **it;
        const bool idle =
            session.activeRequests == 0 && !session.hasOpenStream() && session.idleMilliseconds() > m_idleMilliseconds;
        it = idle ? m_sessions.erase(it) : std::next(it);
    }
}

} // namespace jcr::http
