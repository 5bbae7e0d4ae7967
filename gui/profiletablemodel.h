#pragma once

#include "journalprofilepresenter.h"

#include <QAbstractTableModel>

namespace jcr::gui {

/// Read-only item model of one ProfileTable for a QTableView. A cell's Highlight is its HighlightRole and,
/// for the view, a background and foreground colour and a bold font.
class ProfileTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// The cell's Highlight, as an int.
    static constexpr int HighlightRole = Qt::UserRole + 1;

    explicit ProfileTableModel(QObject* parent = nullptr);

    void setTable(const ProfileTable& table);
    const ProfileTable& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ProfileTable m_table;
};

} // namespace jcr::gui
