#include "logwindow.h"

#include "serversupervisor.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QVBoxLayout>

namespace jcr::gui {

LogWindow::LogWindow(const ServerSupervisor& supervisor, QWidget* parent) : QWidget(parent)
{
    setWindowTitle(tr("JCR MCP server log"));
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("log"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setMaximumBlockCount(supervisor.maxLogLines()); // the same bound as the supervisor's own
    m_view->setPlainText(supervisor.logLines().join(QLatin1Char('\n')));
    m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->maximum());

    auto* buttons = new QDialogButtonBox(this);
    auto* copy = buttons->addButton(tr("&Copy all"), QDialogButtonBox::ActionRole);
    auto* save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    auto* close = buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(820, 460);

    connect(&supervisor, &ServerSupervisor::logLine, this, &LogWindow::appendLine);
    connect(copy, &QPushButton::clicked, this, &LogWindow::copyAll);
    connect(save, &QPushButton::clicked, this, &LogWindow::saveAs);
    connect(close, &QPushButton::clicked, this, &QWidget::close);
}

QString LogWindow::text() const
{
    return m_view->toPlainText();
}

void LogWindow::copyAll()
{
    QGuiApplication::clipboard()->setText(text());
}

bool LogWindow::saveTo(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(text().toUtf8() + '\n') < 0 ||
        !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void LogWindow::appendLine(const QString& line)
{
    // Follow new lines only when the user is at the end, not while they read further up.
    QScrollBar* bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_view->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
}

void LogWindow::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the log"),
                                                      QDir::home().filePath(QStringLiteral("jcr-mcp-server.log")),
                                                      tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, windowTitle(),
                             tr("The log could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error));
}

} // namespace jcr::gui
