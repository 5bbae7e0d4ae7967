#pragma once

#include <QString>

namespace jcr::mcp {

/// Opaque pagination cursors: an offset bound to the list it belongs to, base64url-encoded so clients
/// cannot mistake it for something to build themselves. A cursor of another list, or garbage, is invalid.
class PageCursor
{
public:
    static QString encode(const QString& list, int offset);
    /// Returns false (→ -32602) when `cursor` was not made by encode() for `list`.
    static bool decode(const QString& cursor, const QString& list, int* offset);
};

} // namespace jcr::mcp
