#pragma once

#include <QDialog>

namespace jcr::gui {

/// "About": the version (JCR_MCP_VERSION), the data sources and what the journal database holds.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString& databasePath, QWidget* parent = nullptr);

    /// The text about the database (for tests): where it is, when it was built, the newest data year.
    static QString dataSummary(const QString& databasePath);
};

} // namespace jcr::gui
