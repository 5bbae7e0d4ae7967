#pragma once

#include <QString>
#include <QStringList>

namespace jcr::gui {

/// Finds jcr-mcp-server for the tray app: beside the app's own binary first (an installation or a bundle
/// keeps them together), then in the build tree (build/gui/jcr-mcp-tray next to build/server/jcr-mcp-server,
/// so that the app runs from where the README builds it), then on PATH.
class ServerLocator
{
public:
    static constexpr const char* ServerName = "jcr-mcp-server";

    /// The absolute path of the server, or empty when it is in none of the places.
    static QString locate(const QString& appDirectory);
    /// The folders locate() looks in before PATH, in order.
    static QStringList searchedFolders(const QString& appDirectory);
    /// Where locate() looks, for the message when it finds nothing.
    static QStringList searchedPlaces(const QString& appDirectory);
};

} // namespace jcr::gui
