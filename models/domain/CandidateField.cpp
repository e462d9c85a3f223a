#include "CandidateField.h"

#include "QualificationFields.h"

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {
QString *textField(Candidate &c, CandidateField field)
{
    switch (field) {
    case CandidateField::Name:
        return &c.name;
    case CandidateField::Website:
        return &c.website;
    case CandidateField::Owner:
        return &c.owner;
    case CandidateField::RevenueTheory:
        return &c.revenueTheory;
    case CandidateField::TheirCustomer:
        return &c.theirCustomer;
    case CandidateField::SharedPain:
        return &c.sharedPain;
    case CandidateField::Champion:
        return &c.champion;
    case CandidateField::Notes:
        return &c.notes;
    default:
        return QualificationFields::text(c, field);
    }
}

bool isChoice(CandidateField field)
{
    return QualificationFields::contains(field) &&
           QualificationFields::kind(field) == QualificationFields::Kind::Choice;
}

// Text kept on one line: surrounding spaces do not count.
bool isOneLine(CandidateField field)
{
    return field == CandidateField::Name || field == CandidateField::Website ||
           field == CandidateField::Owner || field == CandidateField::Territory;
}

std::optional<int> *scoreField(Candidate &c, CandidateField field)
{
    switch (field) {
    case CandidateField::AudienceOverlap:
        return &c.audienceOverlap;
    case CandidateField::StrategicValue:
        return &c.strategicValue;
    case CandidateField::EaseOfIntegration:
        return &c.easeOfIntegration;
    default:
        return nullptr;
    }
}

// A whole number that may be unknown: the scores, and the count of integration partners.
std::optional<int> *numberField(Candidate &c, CandidateField field)
{
    if (std::optional<int> *score = scoreField(c, field))
        return score;
    return QualificationFields::count(c, field);
}

int readinessItem(CandidateField field)
{
    const int item = int(field) - int(CandidateField::Readiness0);
    return item >= 0 && item < kReadinessItems ? item : -1;
}
} // namespace

QVariant CandidateFields::value(const Candidate &candidate, CandidateField field)
{
    auto &c = const_cast<Candidate &>(candidate);
    if (QString *text = textField(c, field))
        return *text;
    if (std::optional<int> *number = numberField(c, field))
        return *number ? QVariant(**number) : QVariant();
    if (isChoice(field))
        return QualificationFields::choiceId(field, QualificationFields::choice(c, field));
    // A value this version does not know is given as stored, so that an edit of another
    // field, an undo or an export never turns it into a known one.
    if (field == CandidateField::Structure)
        return storedStructure(c);
    if (field == CandidateField::Stage)
        return storedStage(c);
    if (const int item = readinessItem(field); item >= 0)
        return readinessId(c.readiness[item]);
    return {};
}

void CandidateFields::setValue(Candidate &candidate, CandidateField field, const QVariant &value)
{
    if (QString *text = textField(candidate, field)) {
        *text = value.toString();
    } else if (std::optional<int> *number = numberField(candidate, field)) {
        *number = value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
    } else if (isChoice(field)) {
        QualificationFields::setChoice(
            candidate, field,
            QualificationFields::choiceFromId(field, value.toString()).value_or(0));
    } else if (field == CandidateField::Structure) {
        const auto structure = structureFromId(value.toString());
        candidate.structure = structure.value_or(Structure::Unset);
        candidate.unknownStructure = structure ? QString() : value.toString();
    } else if (field == CandidateField::Stage) {
        const auto stage = stageFromId(value.toString());
        candidate.stage = stage.value_or(Stage::Sourced);
        candidate.unknownStage = stage ? QString() : value.toString();
    } else if (const int item = readinessItem(field); item >= 0) {
        candidate.readiness[item] = readinessFromId(value.toString()).value_or(Readiness::Unknown);
    }
}

QString CandidateFields::validate(CandidateField field, QVariant &value)
{
    if (QualificationFields::contains(field))
        return QualificationFields::validate(field, value);
    switch (field) {
    case CandidateField::AudienceOverlap:
    case CandidateField::StrategicValue:
    case CandidateField::EaseOfIntegration: {
        const QString text = value.isNull() ? QString() : value.toString().trimmed();
        if (text.isEmpty()) {
            value = QVariant();
            return {};
        }
        // Exactly one digit 1-5: "+3", "03" or "3.0" are not what a person meant to type.
        const bool ok = text.size() == 1 && text[0] >= u'1' && text[0] <= u'5';
        const int score = ok ? text[0].unicode() - u'0' : 0;
        if (!ok || !isValidScore(score))
            return tr("\"%1\" is not a score: use a whole number from 1 to 5, or leave it empty")
                .arg(text);
        value = score;
        return {};
    }
    case CandidateField::Structure: {
        const auto structure = structureFromId(value.toString());
        if (!structure)
            return tr("\"%1\" is not a structure: use referral, reseller, integration, "
                      "co-marketing or joint-venture")
                .arg(value.toString().trimmed());
        value = structureId(*structure);
        return {};
    }
    case CandidateField::Stage: {
        const auto stage = stageFromId(value.toString());
        if (!stage)
            return tr("\"%1\" is not a stage: use sourced, qualified, proposed, pilot, scaled, "
                      "paused or ended")
                .arg(value.toString().trimmed());
        value = stageId(*stage);
        return {};
    }
    case CandidateField::Name: {
        const QString name = value.toString().trimmed();
        if (name.isEmpty())
            return tr("the name must not be empty");
        value = name;
        return {};
    }
    default:
        break;
    }
    if (const int item = readinessItem(field); item >= 0) {
        const auto readiness = readinessFromId(value.toString());
        if (!readiness)
            return tr("\"%1\" is not an answer: use yes, no or leave it empty")
                .arg(value.toString());
        value = readinessId(*readiness);
        return {};
    }
    // Free text is kept as typed, except surrounding spaces of one-line fields.
    if (isOneLine(field))
        value = value.toString().trimmed();
    else
        value = value.toString();
    return {};
}

QString CandidateFields::parseInto(Candidate &candidate, CandidateField field, QString &&cell)
{
    if (std::optional<int> *score = scoreField(candidate, field)) {
        const QStringView text = QStringView(cell).trimmed();
        if (text.size() == 1 && text[0] >= u'1' && text[0] <= u'5') {
            *score = text[0].unicode() - u'0';
            return {};
        }
        // Slow path: empty, or a message to write.
        QVariant value = cell;
        QString why = validate(field, value);
        if (why.isEmpty())
            *score = value.isNull() ? std::nullopt : std::optional<int>(value.toInt());
        return why;
    }
    if (isChoice(field)) {
        if (const auto choice = QualificationFields::choiceFromId(field, cell)) {
            QualificationFields::setChoice(candidate, field, *choice);
            return {};
        }
    } else if (QString *text = textField(candidate, field)) {
        if (isOneLine(field)) {
            *text = cell.trimmed();
            if (field == CandidateField::Name && text->isEmpty())
                return tr("the name must not be empty");
        } else {
            *text = std::move(cell);
        }
        return {};
    }
    QVariant value = std::move(cell);
    QString why = validate(field, value);
    if (why.isEmpty())
        setValue(candidate, field, value);
    return why;
}

void CandidateFields::copyField(const Candidate &source, Candidate &target, CandidateField field)
{
    auto &from = const_cast<Candidate &>(source);
    if (const QString *text = textField(from, field)) {
        *textField(target, field) = *text;
    } else if (const std::optional<int> *number = numberField(from, field)) {
        *numberField(target, field) = *number;
    } else if (isChoice(field)) {
        QualificationFields::setChoice(target, field, QualificationFields::choice(source, field));
    } else if (field == CandidateField::Structure) {
        target.structure = source.structure;
        target.unknownStructure = source.unknownStructure;
    } else if (field == CandidateField::Stage) {
        target.stage = source.stage;
        target.unknownStage = source.unknownStage;
    } else if (const int item = readinessItem(field); item >= 0) {
        target.readiness[item] = source.readiness[item];
    }
}

QVariant CandidatePatch::value(CandidateField field) const
{
    return has(field) ? CandidateFields::value(values, field) : QVariant();
}

void CandidatePatch::set(CandidateField field, const QVariant &value)
{
    CandidateFields::setValue(values, field, value);
    provided |= bit(field);
}

void CandidatePatch::applyTo(Candidate &target) const
{
    for (int f = 0; f < kCandidateFieldCount; ++f) {
        if (provided & bit(CandidateField(f)))
            CandidateFields::copyField(values, target, CandidateField(f));
    }
}

QString CandidateFields::columnName(CandidateField field)
{
    if (QualificationFields::contains(field))
        return QualificationFields::columnName(field);
    static const char16_t *names[int(CandidateField::Notes) + 1] = {u"name",
                                                                    u"website",
                                                                    u"structure",
                                                                    u"audience_overlap",
                                                                    u"strategic_value",
                                                                    u"ease_of_integration",
                                                                    u"stage",
                                                                    u"owner",
                                                                    u"revenue_theory",
                                                                    u"their_customer",
                                                                    u"shared_pain",
                                                                    u"champion",
                                                                    u"ready_value_proposition",
                                                                    u"ready_capacity",
                                                                    u"ready_success_metrics",
                                                                    u"ready_champions",
                                                                    u"ready_exit_plan",
                                                                    u"notes"};
    return QString::fromUtf16(names[int(field)]);
}

QString CandidateFields::displayName(CandidateField field)
{
    if (QualificationFields::contains(field))
        return QualificationFields::displayName(field);
    switch (field) {
    case CandidateField::Name:
        return tr("Name");
    case CandidateField::Website:
        return tr("Website");
    case CandidateField::Structure:
        return tr("Structure");
    case CandidateField::AudienceOverlap:
        return tr("Audience overlap");
    case CandidateField::StrategicValue:
        return tr("Strategic value");
    case CandidateField::EaseOfIntegration:
        return tr("Ease of integration");
    case CandidateField::Stage:
        return tr("Stage");
    case CandidateField::Owner:
        return tr("Owner");
    case CandidateField::RevenueTheory:
        return tr("Revenue theory");
    case CandidateField::TheirCustomer:
        return tr("Their customer");
    case CandidateField::SharedPain:
        return tr("Shared pain");
    case CandidateField::Champion:
        return tr("Champion and incentive");
    case CandidateField::Notes:
        return tr("Notes");
    default:
        return readinessQuestion(int(field) - int(CandidateField::Readiness0));
    }
}

QString CandidateFields::readinessQuestion(int item)
{
    switch (item) {
    case 0:
        return tr("A clear value proposition for the partner's customers");
    case 1:
        return tr("Internal capacity to support it (enablement, support, legal)");
    case 2:
        return tr("Success metrics defined");
    case 3:
        return tr("A champion with decision authority on both sides");
    case 4:
        return tr("Agreed what happens if it underperforms");
    default:
        return {};
    }
}

QString CandidateFields::readinessId(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Yes:
        return u"yes"_s;
    case Readiness::No:
        return u"no"_s;
    case Readiness::Unknown:
        return {};
    }
    return {};
}

std::optional<Readiness> CandidateFields::readinessFromId(const QString &text)
{
    const QString id = text.trimmed().toLower();
    if (id.isEmpty() || id == u"?" || id == u"unknown")
        return Readiness::Unknown;
    if (id == u"yes" || id == u"y")
        return Readiness::Yes;
    if (id == u"no" || id == u"n")
        return Readiness::No;
    return std::nullopt;
}

} // namespace pb::domain
