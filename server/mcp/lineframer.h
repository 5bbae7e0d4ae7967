#pragma once

#include <QByteArray>
#include <QList>

namespace jcr::mcp {

/// Splits a byte stream into newline-delimited messages (the stdio framing). Accepts "\r\n", skips blank
/// lines, and bounds memory: a line longer than the limit is dropped up to its newline and reported as
/// one over-long line instead of being buffered.
class LineFramer
{
public:
    struct Line
    {
        QByteArray data; ///< without the line end; empty when tooLong
        bool tooLong = false;
        qint64 length = 0; ///< bytes the line had (for the error message)
    };

    explicit LineFramer(qint64 maxLineLength = DefaultMaxLineLength);

    /// Feeds bytes; returns the lines they completed.
    QList<Line> append(const QByteArray& bytes);
    /// At end of input: the last line when it had no newline (empty list otherwise).
    QList<Line> finish();

    qint64 maxLineLength() const { return m_max; }

    static constexpr qint64 DefaultMaxLineLength = 4 * 1024 * 1024;

private:
    void emitLine(QByteArray line, QList<Line>* out);

    qint64 m_max;
    QByteArray m_buffer;
    bool m_discarding = false;
    qint64 m_discarded = 0;
};

} // namespace jcr::mcp
