#pragma once

#include "httpsession.h"
#include "sessiontoken.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>

namespace jcr::http {

/// Every live HTTP session, by id. Ids are 128 bits from the system's cryptographic generator, so they
/// cannot be guessed; the number of sessions is capped, in all and per client address, and idle sessions
/// (no request running, no stream open) expire, as do Streamable HTTP sessions that never finish initializing.
///
/// With a SessionToken secret, Streamable HTTP ids are signed (SessionToken) and a session another replica
/// started is taken up here on its first request (adopt()). Such a session ends at the maximum age of its id
/// on every replica, this one included; and an id ended here (end(), DELETE) is remembered until that age, so
/// it is not taken up again as if another replica had issued it.
class SessionRegistry : public QObject
{
    Q_OBJECT
public:
    SessionRegistry(int maxSessions, int idleSeconds, SessionToken token = SessionToken(), QObject* parent = nullptr);

    /// Limits that keep one client from taking every session: at most `maxPerClient` sessions per client
    /// address (0: none), and `initializeSeconds` for a Streamable HTTP session to send notifications/initialized.
    /// A client at its cap that starts one more session loses its least recently used idle one (no request
    /// running, no open stream) to make room: clients that never DELETE their sessions lock nobody out, not
    /// even themselves; only a client whose sessions are all busy is refused (ClientFull).
    void setClientLimits(int maxPerClient, int initializeSeconds);

    /// Why create() or adopt() gave no session.
    enum class Refusal {
        None,
        Full,       ///< the server-wide cap is reached
        ClientFull, ///< this client address has its maximum of sessions, none of them idle
        Invalid,    ///< adopt(): not a valid signed id, or an id that has ended
    };

    /// A new session for the client at `client` (an address; empty: not counted per client), or nullptr when a
    /// cap is reached (`refusal` says which). `protocolVersion` is the version its initialize negotiates
    /// (carried by signed ids).
    std::shared_ptr<HttpSession> create(HttpSession::Kind kind,
                                        const QString& protocolVersion = QString(),
                                        const QByteArray& client = QByteArray(),
                                        Refusal* refusal = nullptr);
    /// The live session with `id`; nullptr for unknown ids and for sessions past their maximum age.
    std::shared_ptr<HttpSession> find(const QByteArray& id) const;
    /// A Streamable HTTP session started by another replica: when `id` is validly signed and has not ended
    /// here, a session with that id, initialized with the protocol version it carries, is registered and
    /// returned. nullptr otherwise (unsigned, forged, expired or ended id, signing disabled, or a cap reached).
    std::shared_ptr<HttpSession>
    adopt(const QByteArray& id, const QByteArray& client = QByteArray(), Refusal* refusal = nullptr);
    /// Forgets a session (idle, or its initialize failed). A signed id may come back later (adopt()).
    void remove(const QByteArray& id);
    /// Ends a session for good (DELETE): its id is refused from now on, also when it is validly signed.
    void end(const QByteArray& id);
    int count(HttpSession::Kind kind) const;
    int total() const { return int(m_sessions.size()); }
    /// Live sessions of the client at `client`.
    int countFor(const QByteArray& client) const { return m_perClient.value(client); }
    QList<std::shared_ptr<HttpSession>> all() const { return m_sessions.values(); }

    /// Ended signed ids remembered now (see end()).
    int endedCount() const { return int(m_ended.size()); }
    /// At most this many ended ids are remembered (the soonest to expire are forgotten first). Public for tests.
    void setEndedCap(int cap) { m_endedCap = cap; }

    /// Ends sessions idle for longer than the limit, past their maximum age, or still not initialized after the
    /// initialize limit, and forgets ended ids past their maximum age. Runs on a timer; public for tests.
    void expireIdle();

private:
    using Sessions = QHash<QByteArray, std::shared_ptr<HttpSession>>;

    std::shared_ptr<HttpSession> insert(std::shared_ptr<HttpSession> session, const QByteArray& client);
    Sessions::iterator erase(Sessions::iterator it);
    /// Whether one more session of `client` fits, after ending the client's least recently used idle
    /// session when it is at its cap.
    Refusal makeRoom(const QByteArray& client);
    bool isOver(const HttpSession& session, qint64 nowSeconds) const;
    void rememberEnded(const QByteArray& id, qint64 expiresAt);
    void updateTimer();

    /// Enough for a day of DELETEs at about one a second; each costs a few hundred bytes.
    static constexpr int DefaultEndedCap = 100000;

    Sessions m_sessions;
    QHash<QByteArray, int> m_perClient;
    SessionToken m_token;
    int m_maxSessions;
    int m_maxPerClient = 0;
    qint64 m_idleMilliseconds;
    qint64 m_initializeMilliseconds = 0; ///< 0: no limit
    QSet<QByteArray> m_ended;
    std::multimap<qint64, QByteArray> m_endedByExpiry; ///< Unix time the id expires → id, soonest first
    int m_endedCap = DefaultEndedCap;
    QTimer m_expiry;
};

} // namespace jcr::http
