#pragma once

#include "lineframer.h"

#include <QByteArray>
#include <QObject>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace jcr::mcp {

/// The stdio transport: newline-delimited JSON-RPC on two file descriptors (stdin/stdout by default;
/// tests pass pipes). It only moves bytes: a reader thread reads and frames the input and hands every line
/// to the transport's own thread, which emits lineReceived(); send() writes one message plus "\n" in a
/// single locked, blocking write, so lines never interleave and no output waits in a buffer of ours.
///
///   stdin ─▶ reader thread ─▶ LineFramer ─▶ bounded queue ─▶ (main thread) lineReceived ─▶ McpEngine ─▶ send()
///
/// Back-pressure: at most maxQueuedLines() lines (and about maxQueuedBytes()) wait for the main thread. When
/// the queue is full the reader stops reading stdin until the main thread has taken lines from it, so a
/// client that pipelines requests without reading the answers fills its own pipe, not our memory (the main
/// thread blocks in send() once stdout is full, and the queue stops growing).
class StdioTransport : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultMaxQueuedLines = 64;
    static constexpr qint64 DefaultMaxQueuedBytes = 8 * 1024 * 1024;

    explicit StdioTransport(int inputFd = 0, int outputFd = 1, QObject* parent = nullptr);
    ~StdioTransport() override;

    void setMaxLineLength(qint64 bytes) { m_maxLineLength = bytes; }
    /// How many received lines may wait for the main thread before the reader stops reading (at least 1).
    void setMaxQueuedLines(int lines) { m_maxQueuedLines = std::max(1, lines); }
    int maxQueuedLines() const { return m_maxQueuedLines; }
    /// How many bytes of received lines may wait; one line is always let through, however long.
    void setMaxQueuedBytes(qint64 bytes) { m_maxQueuedBytes = bytes; }
    qint64 maxQueuedBytes() const { return m_maxQueuedBytes; }
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
    /// Reader thread: waits for room in the queue and takes a place for a line of `bytes`. False when
    /// stop() was called meanwhile.
    bool reservePlace(qint64 bytes);
    /// Transport thread: emits the signal for one line and frees its place in the queue.
    void handOver(const LineFramer::Line& line);

    int m_inputFd;
    int m_outputFd;
    qint64 m_maxLineLength = LineFramer::DefaultMaxLineLength;
    int m_maxQueuedLines = DefaultMaxQueuedLines;
    qint64 m_maxQueuedBytes = DefaultMaxQueuedBytes;
    std::function<void(const QByteArray&)> m_peek;
    std::mutex m_queueMutex;
    std::condition_variable m_queueRoom;
    int m_queuedLines = 0;    ///< handed to the transport thread, signal not yet emitted
    qint64 m_queuedBytes = 0; ///< their size
    std::thread m_reader;
    std::mutex m_writeMutex;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_outputBroken{false};
    int m_wakePipe[2] = {-1, -1};
};

} // namespace jcr::mcp
