#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace jcr::mcp {

/// The state of one client connection: lifecycle, negotiated protocol version, log level and the requests
/// in flight (for notifications/cancelled). Every member may be used from any thread: the stdio reader
/// thread cancels while a tool runs on the main thread, and over HTTP the requests of one session run in
/// parallel on worker threads.
class McpSession
{
public:
    enum class State {
        New,          ///< nothing received yet; only ping and initialize are served
        Initializing, ///< initialize answered, notifications/initialized not yet received
        Ready,        ///< notifications/initialized received
    };

    /// RFC 5424 levels as MCP names them, lowest first.
    enum class LogLevel { Debug, Info, Notice, Warning, Error, Critical, Alert, Emergency };

    State state() const
    {
        QMutexLocker lock(&m_mutex);
        return m_state;
    }
    void setState(State state)
    {
        QMutexLocker lock(&m_mutex);
        m_state = state;
    }
    bool isInitialized() const { return state() != State::New; }

    QString protocolVersion() const
    {
        QMutexLocker lock(&m_mutex);
        return m_protocolVersion;
    }
    void setProtocolVersion(const QString& version)
    {
        QMutexLocker lock(&m_mutex);
        m_protocolVersion = version;
    }
    /// True when the negotiated version is `version` or newer (versions are dates, so they compare as text).
    bool atLeast(const QString& version) const { return protocolVersion() >= version; }

    QJsonObject clientInfo() const
    {
        QMutexLocker lock(&m_mutex);
        return m_clientInfo;
    }
    QJsonObject clientCapabilities() const
    {
        QMutexLocker lock(&m_mutex);
        return m_clientCapabilities;
    }
    void setClient(const QJsonObject& info, const QJsonObject& capabilities);
    /// Records the outcome of initialize and moves New → Initializing, atomically: returns false (and changes
    /// nothing) when the session was already initialized, so two racing initialize requests cannot both win.
    bool beginInitialization(const QString& version, const QJsonObject& info, const QJsonObject& capabilities);

    LogLevel logLevel() const
    {
        QMutexLocker lock(&m_mutex);
        return m_logLevel;
    }
    void setLogLevel(LogLevel level)
    {
        QMutexLocker lock(&m_mutex);
        m_logLevel = level;
    }

    /// Registers a request as running. Returns false when a request with the same id is already running.
    bool beginRequest(const QJsonValue& id);
    /// Forgets a request; returns true when it was cancelled while it ran (its response must be dropped).
    bool endRequest(const QJsonValue& id);
    /// Marks a running request as cancelled. Unknown or finished ids are ignored (returns false).
    bool cancel(const QJsonValue& id);
    bool isCancelled(const QJsonValue& id) const;
    /// The client has gone (its HTTP response stream closed): every request in flight counts as cancelled, and
    /// so does any begun later, which closes the window between taking a request and starting it.
    void abandon();
    int requestsInFlight() const;

    static const QStringList& supportedVersions(); ///< newest first
    static QString latestVersion();
    /// The version to answer: the client's when supported, otherwise the newest.
    static QString negotiate(const QString& requested);

    static bool parseLogLevel(const QString& name, LogLevel* level);
    static QString logLevelName(LogLevel level);

private:
    State m_state = State::New;
    QString m_protocolVersion;
    QJsonObject m_clientInfo;
    QJsonObject m_clientCapabilities;
    LogLevel m_logLevel = LogLevel::Warning;

    mutable QMutex m_mutex;
    QHash<QString, bool> m_inFlight; ///< JsonRpc::idKey → cancelled
    bool m_abandoned = false;
};

} // namespace jcr::mcp
