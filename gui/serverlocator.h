#pragma once

#include <QString>
#include <QStringList>

namespace jcr::gui {

/// Finds jcr-mcp-server for the tray app: beside the app's own binary first (an installation or a bundle
/// keeps them together), then on PATH.
class ServerLocator
{
public:
    static constexpr const char* ServerName = "jcr-mcp-server";

    /// The absolute path of the server, or empty when it is in neither place.
    static QString locate(const QString& appDirectory);
    /// Where locate() looks, for the message when it finds nothing.
    static QStringList searchedPlaces(const QString& appDirectory);
};

} // namespace jcr::gui
