#include "claudedesktopdialog.h"

#include "appsettings.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace jcr::gui {

namespace {

QPushButton* copyButton(QWidget* parent, const std::function<QString()>& text)
{
    auto* button = new QPushButton(ClaudeDesktopDialog::tr("Copy"), parent);
    QObject::connect(button, &QPushButton::clicked, parent, [text] { QGuiApplication::clipboard()->setText(text()); });
    return button;
}

} // namespace

ClaudeDesktopDialog::ClaudeDesktopDialog(const AppSettings& settings,
                                         const QString& serverBinary,
                                         quint16 actualPort,
                                         const QString& configPath,
                                         QWidget* parent)
    : QDialog(parent), m_config(configPath.isEmpty() ? ClaudeDesktopConfig::defaultConfigPath() : configPath),
      m_settings(settings), m_serverBinary(serverBinary), m_databasePath(settings.databasePath())
{
    setWindowTitle(tr("Connect to Claude Desktop"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    auto* claudeBox = new QGroupBox(tr("Claude Desktop (starts its own server over stdio)"), this);
    auto* claudeLayout = new QVBoxLayout(claudeBox);
    auto* path = new QLabel(tr("Config file: %1").arg(QDir::toNativeSeparators(m_config.configPath())), claudeBox);
    path->setObjectName(QStringLiteral("configPath"));
    path->setWordWrap(true);
    path->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(claudeBox);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_add = new QPushButton(claudeBox);
    m_add->setObjectName(QStringLiteral("addOrUpdate"));
    m_remove = new QPushButton(tr("&Remove"), claudeBox);
    m_remove->setObjectName(QStringLiteral("remove"));
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_add);
    buttonRow->addWidget(m_remove);
    buttonRow->addStretch();
    m_message = new QLabel(claudeBox);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto* restartHint = new QLabel(tr("Restart Claude Desktop afterwards so that it reads the file again."), claudeBox);
    restartHint->setWordWrap(true);
    // An installation that ships the .mcpb: Claude Desktop installs it as an extension, with a settings form
    // and no config file to edit, so it comes first.
    const QString extension = ClaudeDesktopConfig::bundledExtension(serverBinary);
    if (!extension.isEmpty()) {
        auto* oneClick = new QLabel(tr("Recommended: install the JCR extension in Claude Desktop with one click "
                                       "(it downloads the journal data itself on its first start)."),
                                    claudeBox);
        oneClick->setWordWrap(true);
        auto* install = new QPushButton(tr("&Install the Claude Desktop extension…"), claudeBox);
        install->setObjectName(QStringLiteral("installExtension"));
        install->setToolTip(QDir::toNativeSeparators(extension));
        connect(install, &QPushButton::clicked, this,
                [extension] { QDesktopServices::openUrl(QUrl::fromLocalFile(extension)); });
        auto* orLabel = new QLabel(tr("Or add this server to Claude Desktop's config file:"), claudeBox);
        orLabel->setWordWrap(true);
        claudeLayout->addWidget(oneClick);
        claudeLayout->addWidget(install, 0, Qt::AlignLeft);
        claudeLayout->addWidget(orLabel);
    }
    claudeLayout->addWidget(path);
    claudeLayout->addWidget(m_status);
    claudeLayout->addLayout(buttonRow);
    claudeLayout->addWidget(m_message);
    claudeLayout->addWidget(restartHint);

    auto* httpBox = new QGroupBox(tr("Other clients (HTTP, this app's server)"), this);
    auto* httpForm = new QFormLayout(httpBox);
    const QString header = ClaudeDesktopConfig::authorizationHeader(settings);
    httpForm->addRow(tr("URL:"), copyRow(QStringLiteral("url"), QString()));
    httpForm->addRow(tr("Header:"),
                     copyRow(QStringLiteral("header"), header.isEmpty() ? tr("(none: no access token set)") : header));
    auto* json = new QPlainTextEdit(httpBox);
    json->setObjectName(QStringLiteral("snippet"));
    json->setReadOnly(true);
    json->setFont(fixed);
    json->setMinimumHeight(150);
    json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_snippet = json;
    auto* copyJson = copyButton(httpBox, [json] { return json->toPlainText(); });
    copyJson->setObjectName(QStringLiteral("copySnippet"));
    httpForm->addRow(new QLabel(tr("JSON for clients that take a url:"), httpBox));
    httpForm->addRow(json);
    auto* copyJsonRow = new QHBoxLayout;
    copyJsonRow->addStretch();
    copyJsonRow->addWidget(copyJson);
    httpForm->addRow(copyJsonRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(claudeBox);
    layout->addWidget(httpBox);
    layout->addWidget(buttons);
    setMinimumWidth(640);

    setActualPort(actualPort);

    connect(m_add, &QPushButton::clicked, this, &ClaudeDesktopDialog::addOrUpdate);
    connect(m_remove, &QPushButton::clicked, this, &ClaudeDesktopDialog::removeEntry);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refreshStatus();
}

void ClaudeDesktopDialog::setActualPort(quint16 port)
{
    findChild<QLineEdit*>(QStringLiteral("url"))->setText(ClaudeDesktopConfig::httpUrl(m_settings, port));
    m_snippet->setPlainText(ClaudeDesktopConfig::httpClientSnippet(QString::fromLatin1(EntryName), m_settings, port));
}

QWidget* ClaudeDesktopDialog::copyRow(const QString& objectName, const QString& text)
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* field = new QLineEdit(text, row);
    field->setObjectName(objectName);
    field->setReadOnly(true);
    field->setCursorPosition(0);
    layout->addWidget(field, 1);
    auto* button = copyButton(row, [field] { return field->text(); });
    button->setObjectName(QStringLiteral("copy_") + objectName);
    layout->addWidget(button);
    return row;
}

bool ClaudeDesktopDialog::addOrUpdate()
{
    QString error;
    const QString before = m_config.lastBackupPath();
    if (!m_config.install(QString::fromLatin1(EntryName), m_serverBinary, m_databasePath, &error)) {
        showMessage(error, true);
        refreshStatus();
        return false;
    }
    const QString backup = m_config.lastBackupPath();
    showMessage(backup.isEmpty() || backup == before
                    ? tr("Claude Desktop is set up to use this server.")
                    : tr("Claude Desktop is set up to use this server. The previous file was saved as %1.")
                          .arg(QDir::toNativeSeparators(backup)),
                false);
    refreshStatus();
    return true;
}

bool ClaudeDesktopDialog::removeEntry()
{
    QString error;
    const QString before = m_config.lastBackupPath();
    if (!m_config.remove(QString::fromLatin1(EntryName), &error)) {
        showMessage(error, true);
        refreshStatus();
        return false;
    }
    const QString backup = m_config.lastBackupPath();
    showMessage(
        backup.isEmpty() || backup == before
            ? tr("Claude Desktop has no entry for this server.")
            : tr("The entry was removed. The previous file was saved as %1.").arg(QDir::toNativeSeparators(backup)),
        false);
    refreshStatus();
    return true;
}

QString ClaudeDesktopDialog::statusText() const
{
    return m_status->text();
}

QString ClaudeDesktopDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ClaudeDesktopDialog::refreshStatus()
{
    const QString entry = QString::fromLatin1(EntryName);
    const bool present = m_config.hasEntry(entry);
    m_add->setText(present ? tr("&Update") : tr("&Add"));
    m_remove->setEnabled(present);
    if (present) {
        m_status->setText(tr("The \"%1\" entry is there.").arg(entry));
        return;
    }
    if (!QFileInfo::exists(m_config.configPath())) {
        m_status->setText(tr("The file does not exist yet; Add creates it."));
        return;
    }
    // Only to say so in advance; ClaudeDesktopConfig refuses such a file on its own.
    QFile file(m_config.configPath());
    const bool readable = file.open(QIODevice::ReadOnly);
    if (readable && !QJsonDocument::fromJson(file.readAll()).isObject())
        m_status->setText(tr("The file is not valid JSON; it is left alone until it is fixed."));
    else
        m_status->setText(tr("The \"%1\" entry is not there.").arg(entry));
}

void ClaudeDesktopDialog::showMessage(const QString& text, bool isError)
{
    m_message->setText(text);
    m_message->setStyleSheet(isError ? QStringLiteral("color: #c62828;") : QString());
    m_message->show();
}

} // namespace jcr::gui
