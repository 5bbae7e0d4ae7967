#include "firstrunprompt.h"

#include <QAbstractButton>
#include <QPushButton>

namespace jcr::gui {

FirstRunPrompt::FirstRunPrompt(QWidget* parent) : QMessageBox(parent)
{
    setObjectName(QStringLiteral("firstRunPrompt"));
    setIcon(QMessageBox::Information);
    setWindowTitle(tr("Welcome to JCR MCP"));
    setText(tr("The journal data is not on this computer yet."));
    setInformativeText(tr("JCR MCP needs the journal lists (impact factors, CAS partitions, the warning list, CCF "
                          "ranks) before it can answer. Download them now? It takes a minute or two. If you "
                          "already have the ShowJCR files, choose their folder instead."));
    QPushButton* download = addButton(tr("Download journal data now"), QMessageBox::AcceptRole);
    m_download = download;
    m_chooseFolder = addButton(tr("Choose a folder of ShowJCR files…"), QMessageBox::ActionRole);
    m_later = addButton(tr("Later"), QMessageBox::RejectRole);
    setDefaultButton(download);
    setEscapeButton(m_later);
    setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &QMessageBox::buttonClicked, this, [this](QAbstractButton* clicked) {
        if (clicked == m_download)
            emit chosen(Choice::Download);
        else if (clicked == m_chooseFolder)
            emit chosen(Choice::ChooseFolder);
        else
            emit chosen(Choice::Later);
    });
}

QAbstractButton* FirstRunPrompt::button(Choice choice) const
{
    switch (choice) {
    case Choice::Download:
        return m_download;
    case Choice::ChooseFolder:
        return m_chooseFolder;
    case Choice::Later:
        break;
    }
    return m_later;
}

} // namespace jcr::gui
