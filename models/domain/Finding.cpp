#include "Finding.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

QString severityId(Finding::Severity severity)
{
    switch (severity) {
    case Finding::Severity::Info:
        return u"info"_s;
    case Finding::Severity::Warning:
        return u"warning"_s;
    case Finding::Severity::Error:
        return u"error"_s;
    }
    return {};
}

} // namespace pb::domain
