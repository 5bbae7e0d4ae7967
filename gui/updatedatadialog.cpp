#include "updatedatadialog.h"

#include "appsettings.h"
#include "datasyncjob.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QVBoxLayout>

namespace jcr::gui {

UpdateDataDialog::UpdateDataDialog(const QString& serverBinary, const AppSettings& settings, QWidget* parent)
    : QDialog(parent), m_job(new DataSyncJob(serverBinary, this)), m_settings(settings)
{
    auto* layout = new QVBoxLayout(this);
    m_introLabel = new QLabel(this);
    m_introLabel->setWordWrap(true);
    layout->addWidget(m_introLabel);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setWordWrap(true);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_sourceLabel);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("progressBar"));
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    layout->addWidget(m_progressBar);
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextFormat(Qt::PlainText);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_statusLabel);
    layout->addStretch();

    m_buttons = new QDialogButtonBox(this);
    m_retryButton = m_buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(m_buttons);
    connect(m_retryButton, &QPushButton::clicked, this, &UpdateDataDialog::startSync);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        m_job->cancel();
        m_statusLabel->setText(tr("Cancelling…"));
    });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);

    connect(m_job, &DataSyncJob::progress, this, &UpdateDataDialog::showProgress);
    connect(m_job, &DataSyncJob::finished, this, &UpdateDataDialog::syncFinished);

    retranslateUi();
    updateButtons();
    resize(520, sizeHint().height());
}

UpdateDataDialog::~UpdateDataDialog() = default;

void UpdateDataDialog::retranslateUi()
{
    setWindowTitle(tr("Update journal data"));
    m_introLabel->setText(tr("Downloads the newest journal lists (JCR impact factors, CAS partitions, the warning "
                             "list, CCF ranks) and rebuilds the journal database. The server keeps answering from "
                             "the current data until the new database is complete."));
    m_retryButton->setText(tr("Try again"));
    showSource();
}

void UpdateDataDialog::showSource()
{
    const QString dataSource = m_settings.dataSource().trimmed();
    const QString source = dataSource.isEmpty() ? tr("the ShowJCR project online") : dataSource;
    m_sourceLabel->setText(tr("Source: %1\nDatabase: %2")
                               .arg(source, QDir::toNativeSeparators(QDir(m_settings.databasePath()).absolutePath())));
}

void UpdateDataDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void UpdateDataDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    // Opening the dialog from the menu means "update now"; restoring a minimised window does not.
    if (!event->spontaneous())
        startSync();
}

void UpdateDataDialog::startSync()
{
    if (m_job->isRunning())
        return;
    m_closeWhenFinished = false;
    showSource();
    m_progressBar->setRange(0, 0); // busy until the first step arrives
    m_statusLabel->setStyleSheet(QString());
    m_statusLabel->setText(tr("Starting the update…"));
    m_job->start(m_settings);
    updateButtons();
}

void UpdateDataDialog::reject()
{
    if (m_job->isRunning()) {
        // Closing the window must not leave a sync running unseen: stop it, close when it has ended.
        m_closeWhenFinished = true;
        m_job->cancel();
        m_statusLabel->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void UpdateDataDialog::showProgress(int done, int total, const QString& message)
{
    m_progressBar->setRange(0, qMax(total, 1));
    m_progressBar->setValue(qBound(0, done, qMax(total, 1)));
    m_statusLabel->setText(m_job->isCancelling() ? tr("Cancelling…") : message);
}

void UpdateDataDialog::syncFinished()
{
    switch (m_job->state()) {
    case DataSyncJob::State::Succeeded:
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(1);
        m_statusLabel->setStyleSheet(QStringLiteral("color: #1b5e20"));
        m_statusLabel->setText(
            tr("The journal data is up to date: %n journal(s). The server now answers from the new data.", nullptr,
               m_job->journalCount()) +
            (m_job->downloadedFrom().isEmpty()
                 ? QString()
                 : QLatin1Char('\n') + tr("Downloaded from %1").arg(m_job->downloadedFrom())));
        emit dataUpdated();
        break;
    case DataSyncJob::State::Cancelled:
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0);
        m_statusLabel->setStyleSheet(QString());
        m_statusLabel->setText(tr("The update was cancelled. Your previous journal data is unchanged."));
        break;
    default:
        m_progressBar->setRange(0, 1);
        m_progressBar->setValue(0);
        m_statusLabel->setStyleSheet(QStringLiteral("color: #b71c1c"));
        m_statusLabel->setText(m_job->errorMessage());
        break;
    }
    updateButtons();
    if (m_closeWhenFinished)
        QDialog::reject();
}

void UpdateDataDialog::updateButtons()
{
    const bool running = m_job->isRunning();
    m_cancelButton->setVisible(running);
    m_closeButton->setVisible(!running);
    m_retryButton->setVisible(
        !running && (m_job->state() == DataSyncJob::State::Failed || m_job->state() == DataSyncJob::State::Cancelled));
}

} // namespace jcr::gui
