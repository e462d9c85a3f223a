#include "InvalidValue.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

QString InvalidValue::describe() const
{
    return QCoreApplication::translate("InvalidValue", "%1 \"%2\", %3: \"%4\" — %5")
        .arg(table, record, field, stored, why);
}

Finding InvalidValue::finding() const
{
    Finding result;
    result.code = u"workbook.invalid_value"_s;
    result.severity = Finding::Severity::Warning;
    result.subject = record;
    result.table = table;
    result.record = record;
    result.field = field;
    result.message =
        QCoreApplication::translate("InvalidValue",
                                    "The workbook holds a value this version never writes: %1.")
            .arg(describe());
    if (table == u"candidates")
        result.partner = record;
    return result;
}

} // namespace pb::domain
