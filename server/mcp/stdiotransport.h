#pragma once

#include "lineframer.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace jcr::mcp {

/// The stdio transport: newline-delimited JSON-RPC on two file descriptors (stdin/stdout by default;
/// tests pass pipes). It only moves bytes: a reader thread reads and frames the input and emits
/// lineReceived() (queued to the receiver's thread); send() writes one message plus "\n" in a single
/// locked write, so lines never interleave and nothing waits in a stdio buffer.
///
///   stdin ─▶ reader thread ─▶ LineFramer ─▶ lineReceived ─▶ (main thread) McpEngine ─▶ send() ─▶ stdout
class StdioTransport : public QObject
{
    Q_OBJECT
public:
    explicit StdioTransport(int inputFd = 0, int outputFd = 1, QObject* parent = nullptr);
    ~StdioTransport() override;

    void setMaxLineLength(qint64 bytes) { m_maxLineLength = bytes; }
    /// Called on the reader thread for every complete line before it is queued, so that
    /// notifications/cancelled takes effect while the main thread is busy with the request.
    void setLinePeek(std::function<void(const QByteArray&)> peek) { m_peek = std::move(peek); }

    void start();
    /// Stops the reader thread (it is woken if blocked in read) and waits for it.
    void stop();

    /// Writes `message` and a newline. Returns false once the output is closed (EPIPE: client gone).
    bool send(const QByteArray& message);

signals:
    void lineReceived(const QByteArray& line);
    /// A line longer than the limit was dropped; `length` is how long it was.
    void lineTooLong(qint64 length);
    /// End of input (the client closed stdin) or a read error.
    void inputClosed();
    /// Writing failed because the reader went away.
    void outputClosed();

private:
    void readLoop();
    void deliver(const QList<LineFramer::Line>& lines);

    int m_inputFd;
    int m_outputFd;
    qint64 m_maxLineLength = LineFramer::DefaultMaxLineLength;
    std::function<void(const QByteArray&)> m_peek;
    std::thread m_reader;
    std::mutex m_writeMutex;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_outputBroken{false};
    int m_wakePipe[2] = {-1, -1};
};

} // namespace jcr::mcp
