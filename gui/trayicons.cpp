#include "trayicons.h"

// Q_INIT_RESOURCE must be used outside any namespace.
static void initIconsResource()
{
    Q_INIT_RESOURCE(icons);
}

namespace jcr::gui {

void TrayIcons::initResources()
{
    static const bool done = [] {
        initIconsResource();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon TrayIcons::appIcon()
{
    return icon(QStringLiteral(":/icons/jcr-mcp.svg"));
}

QIcon TrayIcons::icon(const QString& resourcePath)
{
    initResources();
    return QIcon(resourcePath);
}

} // namespace jcr::gui
