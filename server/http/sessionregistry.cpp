#include "sessionregistry.h"

#include "mcpsession.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace jcr::http {

SessionRegistry::SessionRegistry(int maxSessions, int idleSeconds, SessionToken token, QObject* parent)
    : QObject(parent), m_token(std::move(token)), m_maxSessions(maxSessions),
      m_idleMilliseconds(qint64(idleSeconds) * 1000)
{
    connect(&m_expiry, &QTimer::timeout, this, &SessionRegistry::expireIdle);
    updateTimer();
    m_expiry.start();
}

void SessionRegistry::setClientLimits(int maxPerClient, int initializeSeconds)
{
    m_maxPerClient = maxPerClient;
    m_initializeMilliseconds = qint64(initializeSeconds) * 1000;
    updateTimer();
}

void SessionRegistry::updateTimer()
{
    // A tenth of the shortest limit: sessions end at most 10 % after it.
    qint64 shortest = m_idleMilliseconds;
    if (m_initializeMilliseconds > 0)
        shortest = std::min(shortest, m_initializeMilliseconds);
    if (m_token.enabled())
        shortest = std::min(shortest, m_token.maxAgeSeconds() * 1000);
    m_expiry.setInterval(int(std::clamp<qint64>(shortest / 10, 1000, 60000)));
}

SessionRegistry::Refusal SessionRegistry::makeRoom(const QByteArray& client)
{
    if (m_maxPerClient > 0 && !client.isEmpty() && m_perClient.value(client) >= m_maxPerClient) {
        auto oldest = m_sessions.end();
        for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
            const HttpSession& session = **it;
            if (session.client() != client || session.activeRequests > 0 || session.hasOpenStream())
                continue;
            if (oldest == m_sessions.end() || session.idleMilliseconds() > (*oldest)->idleMilliseconds())
                oldest = it;
        }
        if (oldest == m_sessions.end())
            return Refusal::ClientFull;
        erase(oldest); // as if it had expired: a signed id may still come back (adopt())
    }
    if (m_sessions.size() >= m_maxSessions)
        return Refusal::Full;
    return Refusal::None;
}

std::shared_ptr<HttpSession> SessionRegistry::insert(std::shared_ptr<HttpSession> session, const QByteArray& client)
{
    session->setClient(client);
    if (!client.isEmpty())
        ++m_perClient[client];
    m_sessions.insert(session->id(), session);
    return session;
}

SessionRegistry::Sessions::iterator SessionRegistry::erase(Sessions::iterator it)
{
    const QByteArray client = (*it)->client();
    if (!client.isEmpty() && --m_perClient[client] <= 0)
        m_perClient.remove(client);
    return m_sessions.erase(it);
}

std::shared_ptr<HttpSession> SessionRegistry::create(HttpSession::Kind kind,
                                                     const QString& protocolVersion,
                                                     const QByteArray& client,
                                                     Refusal* refusal)
{
    const Refusal reason = makeRoom(client);
    if (refusal)
        *refusal = reason;
    if (reason != Refusal::None)
        return nullptr;
    const bool signedId = m_token.enabled() && kind == HttpSession::Kind::StreamableHttp;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QByteArray id;
    do {
        if (signedId) {
            id = m_token.issue(protocolVersion, now);
        } else {
            quint32 words[4];
            QRandomGenerator::system()->fillRange(words); // the OS's CSPRNG, not a seeded PRNG
            id = QByteArray(reinterpret_cast<const char*>(words), sizeof words).toHex();
        }
    } while (m_sessions.contains(id));
    auto session = std::make_shared<HttpSession>(id, kind);
    if (signedId)
        session->setExpiresAt(now + m_token.maxAgeSeconds()); // as other replicas will see it
    return insert(std::move(session), client);
}

bool SessionRegistry::isOver(const HttpSession& session, qint64 nowSeconds) const
{
    return session.expiresAt() > 0 && nowSeconds > session.expiresAt();
}

std::shared_ptr<HttpSession> SessionRegistry::find(const QByteArray& id) const
{
    std::shared_ptr<HttpSession> session = m_sessions.value(id);
    // Past its maximum age the session is gone here too; expireIdle() takes it out.
    if (session && isOver(*session, QDateTime::currentSecsSinceEpoch()))
        return nullptr;
    return session;
}

std::shared_ptr<HttpSession> SessionRegistry::adopt(const QByteArray& id, const QByteArray& client, Refusal* refusal)
{
    if (refusal)
        *refusal = Refusal::Invalid;
    if (m_sessions.contains(id) || m_ended.contains(id))
        return nullptr;
    const std::optional<SessionToken::Claims> claims = m_token.verify(id, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return nullptr;
    const Refusal reason = makeRoom(client);
    if (refusal)
        *refusal = reason;
    if (reason != Refusal::None)
        return nullptr;
    auto session = std::make_shared<HttpSession>(id, HttpSession::Kind::StreamableHttp);
    session->state()->setProtocolVersion(claims->protocolVersion);
    session->state()->setState(mcp::McpSession::State::Ready);
    session->setExpiresAt(claims->issuedAt + m_token.maxAgeSeconds());
    return insert(std::move(session), client);
}

void SessionRegistry::remove(const QByteArray& id)
{
    const auto it = m_sessions.find(id);
    if (it != m_sessions.end())
        erase(it);
}

void SessionRegistry::end(const QByteArray& id)
{
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return;
    // Only a signed id could come back through adopt(); a random one is simply gone.
    if ((*it)->expiresAt() > 0 && m_token.enabled())
        rememberEnded(id, (*it)->expiresAt());
    erase(it);
}

void SessionRegistry::rememberEnded(const QByteArray& id, qint64 expiresAt)
{
    if (m_endedCap <= 0)
        return;
    while (int(m_ended.size()) >= m_endedCap) {
        // Full: forget the id closest to its maximum age, the one adopt() would refuse soonest anyway.
        const auto soonest = m_endedByExpiry.begin();
        m_ended.remove(soonest->second);
        m_endedByExpiry.erase(soonest);
    }
    m_ended.insert(id);
    m_endedByExpiry.emplace(expiresAt, id);
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
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<std::shared_ptr<HttpSession>> ended;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        const HttpSession& session = **it;
        const bool quiet = session.activeRequests == 0 && !session.hasOpenStream();
        const bool idle = quiet && session.idleMilliseconds() > m_idleMilliseconds;
        // A client that opens sessions and never finishes initializing them must not hold them for the idle time.
        const bool neverInitialized = m_initializeMilliseconds > 0 && session.activeRequests == 0 &&
                                      session.kind() == HttpSession::Kind::StreamableHttp &&
                                      session.state()->state() != mcp::McpSession::State::Ready &&
                                      session.ageMilliseconds() > m_initializeMilliseconds;
        const bool over = session.activeRequests == 0 && isOver(session, now);
        if (idle || neverInitialized || over) {
            ended.append(*it);
            it = erase(it);
        } else {
            ++it;
        }
    }
    // After the loop: ending a stream emits closed(), whose handlers may remove sessions.
    for (const std::shared_ptr<HttpSession>& session : std::as_const(ended)) {
        if (SseStream* stream = session->stream())
            stream->end();
    }
    while (!m_endedByExpiry.empty() && m_endedByExpiry.begin()->first < now) {
        m_ended.remove(m_endedByExpiry.begin()->second);
        m_endedByExpiry.erase(m_endedByExpiry.begin());
    }
}

} // namespace jcr::http
