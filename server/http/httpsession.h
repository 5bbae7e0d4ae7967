#pragma once

#include "ssestream.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPointer>

#include <memory>

namespace jcr::mcp {
class McpSession;
}

namespace jcr::http {

/// One MCP session over HTTP: its protocol state (shared with the worker threads that run its requests),
/// its stream (the standing GET stream of Streamable HTTP, or the legacy SSE stream) and when it was
/// last used.
class HttpSession
{
public:
    enum class Kind { StreamableHttp, Sse };

    HttpSession(QByteArray id, Kind kind);

    QByteArray id() const { return m_id; }
    Kind kind() const { return m_kind; }
    std::shared_ptr<mcp::McpSession> state() const { return m_state; }

    void touch() { m_lastUsed.restart(); }
    qint64 idleMilliseconds() const { return m_lastUsed.elapsed(); }
    qint64 ageMilliseconds() const { return m_created.elapsed(); }

    /// The address of the client that started the session (for the per-client cap).
    QByteArray client() const { return m_client; }
    void setClient(const QByteArray& client) { m_client = client; }
    /// Unix time after which the session is over whatever it does (its signed id has reached its maximum
    /// age); 0: never.
    qint64 expiresAt() const { return m_expiresAt; }
    void setExpiresAt(qint64 seconds) { m_expiresAt = seconds; }
    /// Requests running now; a session with work in progress or an open stream never expires.
    int activeRequests = 0;

    SseStream* stream() const { return m_stream; }
    void setStream(SseStream* stream) { m_stream = stream; }
    bool hasOpenStream() const { return m_stream && m_stream->isOpen(); }

    /// Sends a server message on the session's stream: as `event: message` on a legacy stream; with an id,
    /// and kept for Last-Event-ID replay, on a standing stream. Returns false when no stream is open.
    bool sendOnStream(const QByteArray& json);
    /// Events of the standing stream after `lastEventId` (at most the last 100 are kept).
    QList<QPair<QByteArray, QByteArray>> eventsAfter(const QByteArray& lastEventId) const;

private:
    static constexpr int ReplayedEvents = 100;

    QByteArray m_id;
    Kind m_kind;
    std::shared_ptr<mcp::McpSession> m_state;
    QElapsedTimer m_lastUsed;
    QElapsedTimer m_created;
    QByteArray m_client;
    qint64 m_expiresAt = 0;
    QPointer<SseStream> m_stream;
    quint64 m_nextEventId = 1;
    QList<QPair<QByteArray, QByteArray>> m_recentEvents; ///< (id, json) of the standing stream
};

} // namespace jcr::http
