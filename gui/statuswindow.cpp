#include "statuswindow.h"

#include "statuspresentation.h"
#include "trayicons.h"

#include <QAction>
#include <QCloseEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace jcr::gui {

namespace {

QToolButton* buttonFor(QAction* action, QWidget* parent)
{
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action); // enabled state and text follow the action
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    button->setMinimumHeight(button->sizeHint().height() + 8);
    return button;
}

} // namespace

StatusWindow::StatusWindow(const QList<QAction*>& serverActions, const QList<QAction*>& otherActions, QWidget* parent)
    : QWidget(parent)
{
    setWindowTitle(tr("JCR MCP"));
    setWindowIcon(TrayIcons::appIcon());

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("statusIcon"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("statusTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("statusDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto* texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_detail);
    auto* header = new QHBoxLayout;
    header->addWidget(m_icon, 0, Qt::AlignTop);
    header->addLayout(texts, 1);

    auto* serverRow = new QHBoxLayout;
    for (QAction* action : serverActions)
        serverRow->addWidget(buttonFor(action, this));
    auto* line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto* grid = new QGridLayout;
    for (int i = 0; i < otherActions.size(); ++i)
        grid->addWidget(buttonFor(otherActions.at(i), this), i / 2, i % 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_notice);
    layout->addLayout(serverRow);
    layout->addWidget(line);
    layout->addLayout(grid);
    // Never smaller than the contents: wrapped status text must not squeeze the buttons.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    setMinimumWidth(460);
}

void StatusWindow::setStatus(const StatusPresentation& status, const QString& address)
{
    m_icon->setPixmap(TrayIcons::icon(status.iconPath()).pixmap(48, 48));
    m_title->setText(tr("Server: %1").arg(status.title()));
    QStringList details;
    if (!address.isEmpty())
        details << address;
    if (!status.reason().isEmpty())
        details << status.reason();
    m_detail->setText(details.join(QLatin1Char('\n')));
}

void StatusWindow::showNotice(const QString& text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void StatusWindow::closeEvent(QCloseEvent* event)
{
    event->accept();
    if (m_quitOnClose)
        emit quitRequested();
}

} // namespace jcr::gui
