#include "settingsdialog.h"

#include "appsettings.h"
#include "autostart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTcpServer>
#include <QVBoxLayout>

namespace jcr::gui {

namespace {

const QString LocalHost = QStringLiteral("127.0.0.1");
const QString AllInterfaces = QStringLiteral("0.0.0.0");

QLabel* hintLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QWidget* withButton(QWidget* field, QPushButton* button, QWidget* parent)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(field, 1);
    layout->addWidget(button);
    return row;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings& settings, const QString& appBinary, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_appBinary(appBinary)
{
    setWindowTitle(tr("JCR MCP Settings"));

    auto* serverBox = new QGroupBox(tr("Server"), this);
    auto* serverForm = new QFormLayout(serverBox);
    m_transport = new QComboBox(serverBox);
    m_transport->setObjectName(QStringLiteral("transport"));
    m_transport->addItem(tr("Streamable HTTP (/mcp, current clients)"),
                         AppSettings::transportName(AppSettings::Transport::StreamableHttp));
    m_transport->addItem(tr("SSE (/sse, older clients)"), AppSettings::transportName(AppSettings::Transport::Sse));
    m_transport->addItem(tr("Both, on one port"), AppSettings::transportName(AppSettings::Transport::Http));
    serverForm->addRow(tr("&Transport:"), m_transport);

    m_host = new QComboBox(serverBox);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->addItem(tr("This computer only (127.0.0.1)"), LocalHost);
    m_host->addItem(tr("All network interfaces (0.0.0.0)"), AllInterfaces);
    serverForm->addRow(tr("&Listen on:"), m_host);
    m_hostWarning = hintLabel(serverBox);
    m_hostWarning->setObjectName(QStringLiteral("hostWarning"));
    m_hostWarning->setText(tr("Other computers on your network will be able to reach the server. Set an access "
                              "token so that only people you give it to can use it."));
    m_hostWarning->setStyleSheet(QStringLiteral("color: #b35a00;"));
    serverForm->addRow(QString(), m_hostWarning);

    m_port = new QSpinBox(serverBox);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    serverForm->addRow(tr("&Port:"), m_port);
    m_portStatus = hintLabel(serverBox);
    m_portStatus->setObjectName(QStringLiteral("portStatus"));
    serverForm->addRow(QString(), m_portStatus);

    m_token = new QLineEdit(serverBox);
    m_token->setObjectName(QStringLiteral("accessToken"));
    m_token->setPlaceholderText(tr("none: anyone who can reach the port may use the server"));
    auto* generate = new QPushButton(tr("&Generate"), serverBox);
    generate->setObjectName(QStringLiteral("generateToken"));
    serverForm->addRow(tr("Access &token:"), withButton(m_token, generate, serverBox));

    auto* dataBox = new QGroupBox(tr("Journal data"), this);
    auto* dataForm = new QFormLayout(dataBox);
    m_databasePath = new QLineEdit(dataBox);
    m_databasePath->setObjectName(QStringLiteral("databasePath"));
    auto* browseDatabase = new QPushButton(tr("Browse…"), dataBox);
    dataForm->addRow(tr("&Database file:"), withButton(m_databasePath, browseDatabase, dataBox));
    m_dataSource = new QLineEdit(dataBox);
    m_dataSource->setObjectName(QStringLiteral("dataSource"));
    m_dataSource->setPlaceholderText(tr("the ShowJCR project online"));
    auto* browseSource = new QPushButton(tr("Browse…"), dataBox);
    dataForm->addRow(tr("Data &source (folder or URL):"), withButton(m_dataSource, browseSource, dataBox));

    auto* appBox = new QGroupBox(tr("App"), this);
    auto* appForm = new QFormLayout(appBox);
    m_language = new QComboBox(appBox);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System language"), AppSettings::languageName(AppSettings::Language::System));
    // Each language in its own name, so that it can be found whatever the current language is.
    m_language->addItem(QStringLiteral("中文"), AppSettings::languageName(AppSettings::Language::Chinese));
    m_language->addItem(QStringLiteral("English"), AppSettings::languageName(AppSettings::Language::English));
    appForm->addRow(tr("L&anguage:"), m_language);
    auto* languageHint = hintLabel(appBox);
    languageHint->setText(tr("A new language is used when the app is started again."));
    appForm->addRow(QString(), languageHint);
    m_startServer = new QCheckBox(tr("Start the server when the app starts"), appBox);
    m_startServer->setObjectName(QStringLiteral("startServerWithApp"));
    appForm->addRow(m_startServer);
    m_startAtLogin = new QCheckBox(tr("Start the app when I log in"), appBox);
    m_startAtLogin->setObjectName(QStringLiteral("startAppAtLogin"));
    m_startAtLogin->setEnabled(Autostart::isSupported());
    appForm->addRow(m_startAtLogin);

    m_errors = hintLabel(this);
    m_errors->setObjectName(QStringLiteral("errors"));
    m_errors->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_errors->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(serverBox);
    layout->addWidget(dataBox);
    layout->addWidget(appBox);
    layout->addWidget(m_errors);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(m_host, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateHostWarning);
    connect(m_host, &QComboBox::currentIndexChanged, this, &SettingsDialog::checkPort);
    connect(m_port, &QSpinBox::valueChanged, this, &SettingsDialog::checkPort);
    connect(generate, &QPushButton::clicked, this, &SettingsDialog::generateToken);
    connect(browseDatabase, &QPushButton::clicked, this, &SettingsDialog::browseDatabase);
    connect(browseSource, &QPushButton::clicked, this, &SettingsDialog::browseDataSource);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    load();
}

void SettingsDialog::setOwnServerPort(quint16 port)
{
    m_ownServerPort = port;
    checkPort();
}

void SettingsDialog::load()
{
    const auto select = [](QComboBox* box, const QString& value) {
        int index = box->findData(value);
        if (index < 0) { // a value this dialog does not offer (edited by hand): show it, validate() explains
            box->addItem(value, value);
            index = box->count() - 1;
        }
        box->setCurrentIndex(index);
    };
    select(m_transport, AppSettings::transportName(m_settings.transport()));
    select(m_host, m_settings.host());
    m_port->setValue(m_settings.port());
    m_token->setText(m_settings.accessToken());
    m_databasePath->setText(QDir::toNativeSeparators(m_settings.databasePath()));
    m_databasePath->setCursorPosition(0);
    m_dataSource->setText(m_settings.dataSource());
    select(m_language, AppSettings::languageName(m_settings.language()));
    m_startServer->setChecked(m_settings.startServerWithApp());
    m_startAtLogin->setChecked(m_settings.startAppAtLogin());
    updateHostWarning();
    checkPort();
}

void SettingsDialog::apply()
{
    AppSettings::Transport transport = m_settings.transport();
    AppSettings::transportFromName(m_transport->currentData().toString(), &transport);
    m_settings.setTransport(transport);
    m_settings.setHost(m_host->currentData().toString());
    m_settings.setPort(quint16(m_port->value()));
    m_settings.setAccessToken(m_token->text().trimmed());
    m_settings.setDatabasePath(QDir::fromNativeSeparators(m_databasePath->text().trimmed()));
    m_settings.setDataSource(m_dataSource->text().trimmed());
    AppSettings::Language language = m_settings.language();
    AppSettings::languageFromName(m_language->currentData().toString(), &language);
    m_settings.setLanguage(language);
    m_settings.setStartServerWithApp(m_startServer->isChecked());
    m_settings.setStartAppAtLogin(m_startAtLogin->isChecked());
}

bool SettingsDialog::save()
{
    const QStringList serverBefore = m_settings.serverArguments() << m_settings.accessToken();
    const bool loginBefore = m_settings.startAppAtLogin();
    apply();

    QStringList fields;
    QStringList messages;
    for (const AppSettings::Problem& problem : m_settings.validate()) {
        fields << problem.field;
        messages << problem.message;
    }
    if (!fields.contains(QStringLiteral("port")) && portIsTaken(m_settings.host(), m_settings.port())) {
        fields << QStringLiteral("port");
        messages << tr("Port %1 is already used by another program. Choose another port, or close that program.")
                        .arg(m_settings.port());
    }
    QString error;
    if (fields.isEmpty() && m_settings.startAppAtLogin() != loginBefore &&
        !Autostart(m_appBinary).setEnabled(m_settings.startAppAtLogin(), &error)) {
        fields << QStringLiteral("startAppAtLogin");
        messages << error;
    }
    if (fields.isEmpty() && !m_settings.save()) {
        fields << QString();
        messages << tr("The settings could not be written to %1.")
                        .arg(QDir::toNativeSeparators(m_settings.settingsFilePath()));
    }
    if (!fields.isEmpty()) {
        m_settings.restore(); // back to what is stored: nothing of this attempt is kept
        showProblems(fields, messages);
        return false;
    }
    m_errors->hide();
    m_errors->clear();
    const QStringList serverAfter = m_settings.serverArguments() << m_settings.accessToken();
    emit settingsSaved(serverAfter != serverBefore);
    return true;
}

QString SettingsDialog::errorText() const
{
    return m_errors->text();
}

void SettingsDialog::showProblems(const QStringList& fields, const QStringList& messages)
{
    m_errors->setText(messages.join(QLatin1Char('\n')));
    m_errors->show();
    for (const QString& field : fields) {
        if (auto* widget = findChild<QWidget*>(field); widget && !field.isEmpty()) {
            widget->setFocus();
            break;
        }
    }
}

void SettingsDialog::updateHostWarning()
{
    m_hostWarning->setVisible(m_host->currentData().toString() == AllInterfaces);
}

void SettingsDialog::checkPort()
{
    const auto port = quint16(m_port->value());
    if (port == 0)
        m_portStatus->setText(tr("Choose a port from 1 to 65535."));
    else if (portIsTaken(m_host->currentData().toString(), port))
        m_portStatus->setText(tr("Port %1 is in use by another program.").arg(port));
    else if (port == m_ownServerPort)
        m_portStatus->setText(tr("The server is listening on this port."));
    else
        m_portStatus->setText(tr("Port %1 is free.").arg(port));
}

bool SettingsDialog::portIsTaken(const QString& host, quint16 port) const
{
    if (port == 0 || port == m_ownServerPort)
        return false;
    const QHostAddress address(host);
    QTcpServer probe;
    return !probe.listen(address.isNull() ? QHostAddress(QHostAddress::LocalHost) : address, port);
}

void SettingsDialog::generateToken()
{
    m_token->setText(AppSettings::generateToken());
}

void SettingsDialog::browseDatabase()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Journal database"), m_databasePath->text(), tr("SQLite database (*.db)"),
                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_databasePath->setText(QDir::toNativeSeparators(path));
}

void SettingsDialog::browseDataSource()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Folder with the ShowJCR files"), m_dataSource->text());
    if (!folder.isEmpty())
        m_dataSource->setText(QDir::toNativeSeparators(folder));
}

} // namespace jcr::gui
