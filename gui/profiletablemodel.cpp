#include "profiletablemodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace jcr::gui {

namespace {

// Light backgrounds with dark text stay readable in light and dark themes alike.
QColor background(Highlight highlight)
{
    switch (highlight) {
    case Highlight::Good:
        return QColor(0xdf, 0xf2, 0xdc);
    case Highlight::Warning:
        return QColor(0xfb, 0xde, 0xdb);
    case Highlight::None:
        break;
    }
    return {};
}

QColor foreground(Highlight highlight)
{
    switch (highlight) {
    case Highlight::Good:
        return QColor(0x1b, 0x5e, 0x20);
    case Highlight::Warning:
        return QColor(0xb7, 0x1c, 0x1c);
    case Highlight::None:
        break;
    }
    return {};
}

} // namespace

ProfileTableModel::ProfileTableModel(QObject* parent) : QAbstractTableModel(parent)
{
}

void ProfileTableModel::setTable(const ProfileTable& table)
{
    beginResetModel();
    m_table = table;
    endResetModel();
}

int ProfileTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int ProfileTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_table.headers.size());
}

QVariant ProfileTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QList<ProfileCell>& row = m_table.rows.at(index.row());
    if (index.column() >= row.size())
        return {};
    const ProfileCell& cell = row.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : cell.toolTip;
    case HighlightRole:
        return int(cell.highlight);
    case Qt::BackgroundRole:
        return cell.highlight == Highlight::None ? QVariant() : QBrush(background(cell.highlight));
    case Qt::ForegroundRole:
        return cell.highlight == Highlight::None ? QVariant() : QBrush(foreground(cell.highlight));
    case Qt::FontRole:
        if (cell.highlight != Highlight::None) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_table.headers.size())
        return m_table.headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace jcr::gui
