#include "aboutdialog.h"

#include "journalrepository.h"
#include "trayicons.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace jcr::gui {

AboutDialog::AboutDialog(const QString& databasePath, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About JCR MCP"));
    auto* icon = new QLabel(this);
    icon->setPixmap(TrayIcons::appIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto* text = new QLabel(this);
    text->setObjectName(QStringLiteral("about"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setOpenExternalLinks(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
        QStringLiteral("<h3>JCR MCP %1</h3><p>%2</p><p>%3</p><p>%4</p>")
            .arg(QStringLiteral(JCR_MCP_VERSION),
                 tr("Journal rankings for AI assistants over the Model Context Protocol: JCR impact factors and "
                    "quartiles, CAS partitions (中科院分区), the international journal warning list and CCF "
                    "ranks."),
                 tr("Data: the <a href=\"https://github.com/hitfyd/ShowJCR\">ShowJCR</a> project."),
                 dataSummary(databasePath).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));

    auto* row = new QHBoxLayout;
    row->addWidget(icon);
    row->addWidget(text, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(460);
}

QString AboutDialog::dataSummary(const QString& databasePath)
{
    const HealthReport health = JournalRepository::healthOf(databasePath);
    QString text = tr("Database: %1").arg(QDir::toNativeSeparators(databasePath));
    if (!health.databasePresent)
        return text + QLatin1Char('\n') + tr("Not built yet: use \"Update journal data…\".");
    if (health.builtAt.isValid())
        text += QLatin1Char('\n') +
                tr("Built: %1").arg(QLocale().toString(health.builtAt.toLocalTime(), QLocale::ShortFormat));
    if (health.newestDataYear > 0)
        text += QLatin1Char('\n') + tr("Newest data: %1").arg(health.newestDataYear);
    if (!health.healthy && !health.message.isEmpty())
        text += QLatin1Char('\n') + health.message;
    return text;
}

} // namespace jcr::gui
