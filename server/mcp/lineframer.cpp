#include "lineframer.h"

namespace jcr::mcp {

LineFramer::LineFramer(qint64 maxLineLength) : m_max(maxLineLength)
{
}

void LineFramer::emitLine(QByteArray line, QList<Line>* out)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    Line entry;
    entry.length = line.size();
    if (line.size() > m_max) {
        entry.tooLong = true;
    } else {
        entry.data = std::move(line);
    }
    out->append(std::move(entry));
}

QList<LineFramer::Line> LineFramer::append(const QByteArray& bytes)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline;
        if (m_discarding) {
            m_discarded += end - start;
        } else {
            m_buffer.append(bytes.constData() + start, end - start);
            if (m_buffer.size() > m_max + 1) {
                m_discarding = true;
                m_discarded = m_buffer.size();
                m_buffer.clear();
                m_buffer.squeeze();
            }
        }
        if (newline < 0)
            break;
        if (m_discarding) {
            Line entry;
            entry.tooLong = true;
            entry.length = m_discarded;
            lines.append(entry);
            m_discarding = false;
            m_discarded = 0;
        } else {
            emitLine(std::exchange(m_buffer, QByteArray()), &lines);
        }
        start = newline + 1;
    }
    return lines;
}

QList<LineFramer::Line> LineFramer::finish()
{
    QList<Line> lines;
    if (m_discarding) {
        Line entry;
        entry.tooLong = true;
        entry.length = m_discarded;
        lines.append(entry);
    } else {
        emitLine(std::exchange(m_buffer, QByteArray()), &lines);
    }
    m_discarding = false;
    m_discarded = 0;
    return lines;
}

} // namespace jcr::mcp
