#pragma once

#include <QMessageBox>

class QAbstractButton;

namespace jcr::gui {

/// The first-run question when there is no journal database yet, in words for someone who never opens a
/// terminal: download the journal data now (the primary action), use a folder of ShowJCR files already on
/// this computer, or later. Non-modal (open()), so the tray keeps running while it is shown.
class FirstRunPrompt : public QMessageBox
{
    Q_OBJECT

public:
    enum class Choice { Download, ChooseFolder, Later };
    Q_ENUM(Choice)

    explicit FirstRunPrompt(QWidget* parent = nullptr);

    /// The button for `choice` (tests click it).
    QAbstractButton* button(Choice choice) const;

signals:
    void chosen(jcr::gui::FirstRunPrompt::Choice choice);

private:
    QAbstractButton* m_download = nullptr;
    QAbstractButton* m_chooseFolder = nullptr;
    QAbstractButton* m_later = nullptr;
};

} // namespace jcr::gui
