#pragma once

#include <QWidget>

class QPlainTextEdit;

namespace jcr::gui {

class ServerSupervisor;

/// "Open log": the server's recent output (ServerSupervisor::logLines()), followed live, with Copy all and
/// Save….
class LogWindow : public QWidget
{
    Q_OBJECT

public:
    explicit LogWindow(const ServerSupervisor& supervisor, QWidget* parent = nullptr);

    QString text() const;
    void copyAll();
    /// Writes the log to `path`; false with `error` when it cannot.
    bool saveTo(const QString& path, QString* error) const;

private:
    void appendLine(const QString& line);
    void saveAs();

    QPlainTextEdit* m_view = nullptr;
};

} // namespace jcr::gui
