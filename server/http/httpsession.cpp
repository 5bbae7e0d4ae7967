#include "httpsession.h"

#include "mcpsession.h"

namespace jcr::http {

HttpSession::HttpSession(QByteArray id, Kind kind)
    : m_id(std::move(id)), m_kind(kind), m_state(std::make_shared<mcp::McpSession>())
{
    m_lastUsed.start();
    m_created.start();
}

bool HttpSession::sendOnStream(const QByteArray& json)
{
    if (m_kind == Kind::Sse) {
        if (!hasOpenStream())
            return false;
        m_stream->send(json, "message");
        return true;
    }
    // Standing stream: ids identify the stream ("g" for GET) and order its events, so a client that
    // reconnects with Last-Event-ID gets what it missed, even when no stream was open at the time.
    const QByteArray id = "g-" + QByteArray::number(m_nextEventId++);
    m_recentEvents.append({id, json});
    if (m_recentEvents.size() > ReplayedEvents)
        m_recentEvents.removeFirst();
    if (!hasOpenStream())
        return false;
    m_stream->send(json, "message", id);
    return true;
}

QList<QPair<QByteArray, QByteArray>> HttpSession::eventsAfter(const QByteArray& lastEventId) const
{
    const quint64 last = lastEventId.startsWith("g-") ? lastEventId.mid(2).toULongLong() : 0;
    QList<QPair<QByteArray, QByteArray>> events;
    for (const auto& event : m_recentEvents) {
        if (event.first.mid(2).toULongLong() > last)
            events.append(event);
    }
    return events;
}

} // namespace jcr::http
