#pragma once

#include <QIcon>
#include <QString>

namespace jcr::gui {

/// The app's SVG icons from resources/icons (compiled into jcr_gui_tray as the "icons" resource).
class TrayIcons
{
public:
    /// The application icon.
    static QIcon appIcon();
    /// An icon by resource path, e.g. StatusPresentation::iconPath().
    static QIcon icon(const QString& resourcePath);
    /// Makes the icons resource available; a resource in a static library is not registered by itself.
    static void initResources();
};

} // namespace jcr::gui
