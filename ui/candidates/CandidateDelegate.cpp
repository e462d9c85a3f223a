#include "CandidateDelegate.h"

#include "item/CandidateTableModel.h"

#include <QComboBox>

using namespace Qt::StringLiterals;
using pb::item::CandidateTableModel;

namespace pb::ui {

namespace {
bool isScore(int column)
{
    return column == CandidateTableModel::AudienceOverlapColumn ||
           column == CandidateTableModel::StrategicValueColumn ||
           column == CandidateTableModel::EaseOfIntegrationColumn;
}

QList<std::pair<QString, QString>> choices(int column)
{
    if (isScore(column)) {
        return {{CandidateDelegate::tr("— not scored"), QString()},
                {CandidateDelegate::tr("1 — poor"), u"1"_s},
                {u"2"_s, u"2"_s},
                {CandidateDelegate::tr("3 — fair"), u"3"_s},
                {u"4"_s, u"4"_s},
                {CandidateDelegate::tr("5 — excellent"), u"5"_s}};
    }
    if (column == CandidateTableModel::StructureColumn) {
        return {{CandidateDelegate::tr("— not named"), QString()},
                {CandidateDelegate::tr("Referral"), u"referral"_s},
                {CandidateDelegate::tr("Reseller"), u"reseller"_s},
                {CandidateDelegate::tr("Integration"), u"integration"_s},
                {CandidateDelegate::tr("Co-marketing"), u"co-marketing"_s},
                {CandidateDelegate::tr("Joint venture"), u"joint-venture"_s}};
    }
    if (column == CandidateTableModel::StageColumn) {
        return {{CandidateDelegate::tr("Sourced"), u"sourced"_s},
                {CandidateDelegate::tr("Qualified"), u"qualified"_s},
                {CandidateDelegate::tr("Proposed"), u"proposed"_s},
                {CandidateDelegate::tr("Pilot"), u"pilot"_s},
                {CandidateDelegate::tr("Scaled"), u"scaled"_s},
                {CandidateDelegate::tr("Paused"), u"paused"_s},
                {CandidateDelegate::tr("Ended"), u"ended"_s}};
    }
    return {};
}
} // namespace

namespace {
// Marks the editor's entry for a value this version does not know.
constexpr int kUnknownRole = Qt::UserRole + 1;
} // namespace

QWidget *CandidateDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    const auto list = choices(index.column());
    if (list.isEmpty())
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    for (const auto &[label, id] : list)
        combo->addItem(label, id);
    return combo;
}

void CandidateDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QVariant value = index.data(CandidateTableModel::FieldValueRole);
        const QString id = value.isNull() ? QString() : value.toString();
        if (!id.isEmpty() && combo->findData(id) < 0) {
            // A stage or structure this version does not know: offered as it is, and
            // kept unless another is chosen (setModelData writes nothing for it).
            combo->insertItem(0, u"⚠ "_s + id);
            combo->setItemData(0, true, kUnknownRole);
        }
        combo->setCurrentIndex(std::max(0, combo->findData(id)));
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void CandidateDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (!combo->currentData(kUnknownRole).toBool())
            model->setData(index, combo->currentData(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace pb::ui
