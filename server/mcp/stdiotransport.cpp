#include "stdiotransport.h"

#include "mcplogging.h"

#include <QtGlobal>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#else
#include <poll.h>
#include <unistd.h>
#endif

namespace jcr::mcp {

StdioTransport::StdioTransport(int inputFd, int outputFd, QObject* parent)
    : QObject(parent), m_inputFd(inputFd), m_outputFd(outputFd)
{
#ifdef Q_OS_WIN
    // Binary mode: no "\n" → "\r\n" translation and no 0x1A end-of-file on the UTF-8 stream.
    _setmode(m_inputFd, _O_BINARY);
    _setmode(m_outputFd, _O_BINARY);
#else
    if (::pipe(m_wakePipe) != 0)
        m_wakePipe[0] = m_wakePipe[1] = -1;
#endif
}

StdioTransport::~StdioTransport()
{
    stop();
#ifndef Q_OS_WIN
    for (int fd : m_wakePipe) {
        if (fd >= 0)
            ::close(fd);
    }
#endif
}

void StdioTransport::start()
{
    if (m_reader.joinable())
        return;
    m_stopping = false;
    m_reader = std::thread([this] { readLoop(); });
}

void StdioTransport::stop()
{
    if (!m_reader.joinable())
        return;
    {
        // Under the lock, so a reader between its check and its wait cannot miss the wake-up.
        std::lock_guard<std::mutex> lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueRoom.notify_all();
#ifdef Q_OS_WIN
    // A blocking _read cannot be woken portably; the process is about to exit, so let the thread go.
    m_reader.detach();
#else
    if (m_wakePipe[1] >= 0) {
        const char byte = 'x';
        [[maybe_unused]] const auto written = ::write(m_wakePipe[1], &byte, 1);
    }
    m_reader.join();
#endif
}

bool StdioTransport::reservePlace(qint64 bytes)
{
    std::unique_lock<std::mutex> lock(m_queueMutex);
    m_queueRoom.wait(lock, [this] {
        return m_stopping || m_queuedLines == 0 ||
               (m_queuedLines < m_maxQueuedLines && m_queuedBytes < m_maxQueuedBytes);
    });
    if (m_stopping)
        return false;
    ++m_queuedLines;
    m_queuedBytes += bytes;
    return true;
}

void StdioTransport::deliver(const QList<LineFramer::Line>& lines)
{
    for (const LineFramer::Line& line : lines) {
        if (!line.tooLong && m_peek)
            m_peek(line.data);
        if (!reservePlace(line.data.size()))
            return;
        // The event queue of the transport's thread is the queue; the counters above bound it. A queued
        // call on `this` is dropped if the transport is destroyed first.
        QMetaObject::invokeMethod(
            this, [this, line] { handOver(line); }, Qt::QueuedConnection);
    }
}

void StdioTransport::handOver(const LineFramer::Line& line)
{
    if (line.tooLong) {
        qCWarning(lcMcpStdio) << "dropped an input line of" << line.length << "bytes (limit" << m_maxLineLength << ")";
        emit lineTooLong(line.length);
    } else {
        emit lineReceived(line.data);
    }
    // Only now, after the receivers have handled the line (and written its answer), is its place free.
    {
        std::lock_guard<std::mutex> lock(m_queueMutex);
        --m_queuedLines;
        m_queuedBytes -= line.data.size();
    }
    m_queueRoom.notify_one();
}

void StdioTransport::readLoop()
{
    LineFramer framer(m_maxLineLength);
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    while (!m_stopping) {
#ifdef Q_OS_WIN
        const int got = _read(m_inputFd, buffer.data(), unsigned(buffer.size()));
#else
        pollfd fds[2] = {{m_inputFd, POLLIN, 0}, {m_wakePipe[0], POLLIN, 0}};
        const int ready = ::poll(fds, m_wakePipe[0] >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            qCWarning(lcMcpStdio) << "poll failed:" << std::strerror(errno);
            break;
        }
        if (m_wakePipe[0] >= 0 && (fds[1].revents & POLLIN))
            return; // stop() asked us to leave; no inputClosed, the owner is already shutting down
        const ssize_t got = ::read(m_inputFd, buffer.data(), size_t(buffer.size()));
#endif
        if (got < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            qCWarning(lcMcpStdio) << "reading stdin failed:" << std::strerror(errno);
            break;
        }
        if (got == 0)
            break;
        deliver(framer.append(QByteArray::fromRawData(buffer.constData(), qsizetype(got))));
    }
    deliver(framer.finish());
    if (!m_stopping)
        emit inputClosed();
}

bool StdioTransport::send(const QByteArray& message)
{
    if (m_outputBroken)
        return false;
    QByteArray line = message;
    line.append('\n');
    std::lock_guard<std::mutex> lock(m_writeMutex);
    const char* data = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
#ifdef Q_OS_WIN
        const int written = _write(m_outputFd, data, unsigned(left));
#else
        const ssize_t written = ::write(m_outputFd, data, size_t(left));
#endif
        if (written < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            qCInfo(lcMcpStdio) << "stdout closed:" << std::strerror(errno);
            m_outputBroken = true;
            emit outputClosed();
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}

} // namespace jcr::mcp
