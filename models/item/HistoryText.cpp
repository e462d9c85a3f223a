#include "HistoryText.h"

#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::item {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HistoryModel", text);
}

} // namespace

QString historyValueText(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::Double)
        return QLocale().toString(value.toDouble(), 'g', 12);
    if (value.typeId() == QMetaType::LongLong)
        return QLocale().toString(value.toLongLong());
    return value.toString();
}

QString historyValueOrEmpty(const QVariant &value)
{
    const QString text = historyValueText(value);
    return text.isEmpty() ? tr("(empty)") : text;
}

QString historyChangeText(const HistoryChange &change, const QString &owner)
{
    const QString record = change.recordName.isEmpty() ? QString()
                                                       : u" · "_s + change.recordName;
    if (change.record.isEmpty())
        return tr("%1 · %2 added").arg(historyValueText(change.after),
                                       historyEntityDisplayName(change.entity));
    if (change.op == HistoryOp::Add)
        return tr("%1%2 · %3 added").arg(owner, record, historyEntityDisplayName(change.entity));
    if (change.op == HistoryOp::Remove)
        return tr("%1%2 · %3 removed").arg(owner, record, historyEntityDisplayName(change.entity));
    return tr("%1%2 · %3: %4 → %5")
        .arg(owner, record, historyFieldDisplayName(change.entity, change.field),
             historyValueOrEmpty(change.before), historyValueOrEmpty(change.after));
}

} // namespace pb::item
