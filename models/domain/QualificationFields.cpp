#include "QualificationFields.h"

#include "StructureChooser.h"
#include "Vetting.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

using F = CandidateField;
using Kind = QualificationFields::Kind;

#define N(text) QT_TRANSLATE_NOOP("QualificationFields", text)

// One row per field, in the order of CandidateField. The column names are a contract with
// other tools (the candidates CSV): they never change.
struct Row
{
    F field;
    const char16_t *column;
    Kind kind;
    const char *label;
    const char *question;
};

const Row kRows[] = {
    {F::Competes, u"competes", Kind::Choice, N("Competes with us"),
     N("Do they compete with us? Good partners sell to our customers without competing "
       "(adjacent, not competing).")},
    {F::PartnerProgramme, u"partner_programme", Kind::Choice, N("Partner programme"),
     N("Do they run a partner programme already?")},
    {F::IntegrationPartners, u"integration_partners", Kind::Count, N("Integration partners"),
     N("How many integration partners do they have?")},
    {F::CustomerBase, u"customer_base", Kind::Choice, N("Customer base"),
     N("Their customers: SMB, mid-market or enterprise?")},
    {F::IcpMatch, u"icp_match", Kind::Choice, N("Matches our ICP"),
     N("Does their customer base match our ideal customer profile?")},
    {F::CanSell, u"can_sell", Kind::Choice, N("Can sell"),
     N("Their go-to-market maturity: can they actually sell?")},
    {F::RelativeSize, u"relative_size", Kind::Choice, N("Size relative to us"),
     N("Their size relative to ours. A much bigger partner needs something in it for them at "
       "our scale.")},
    {F::Motivations, u"motivations", Kind::Text, N("Their top three motivations"),
     N("Ask every partner for their top three motivations for partnering.")},
    {F::IncentiveAligned, u"incentive_aligned", Kind::Choice, N("Champion's incentive aligned"),
     N("Does their champion's incentive push our product? (A consultant paid by the hour has no "
       "reason to push a fixed-price product.)")},
    {F::Exploratory, u"exploratory", Kind::Choice, N("Exploratory"),
     N("Do they want to \"explore a strategic partnership\"? Take the meeting once and listen "
       "for three things.")},
    {F::JointMotion, u"joint_motion", Kind::Text, N("Joint customer motion"),
     N("First meeting: a specific joint customer motion.")},
    {F::InternalChampion, u"internal_champion", Kind::Text, N("Their internal champion"),
     N("First meeting: who champions it inside their company.")},
    {F::Success90Days, u"success_90_days", Kind::Text, N("Success in 90 days"),
     N("First meeting: what success looks like in 90 days.")},
    {F::NewToMarket, u"new_to_market", Kind::Choice, N("New to this market"),
     N("Are we new to this market, or testing it?")},
    {F::ProductMarketFit, u"product_market_fit", Kind::Choice, N("Product-market fit"),
     N("Do we have product-market fit?")},
    {F::CanFundEnablement, u"can_fund_enablement", Kind::Choice, N("Can fund enablement"),
     N("Can we fund enablement (kit, training, support)?")},
    {F::TrackRecord, u"track_record", Kind::Choice, N("Track record with them"),
     N("Do we have a trusted track record with them?")},
    {F::NeedsEngineering, u"needs_engineering", Kind::Choice, N("Needs engineering"),
     N("Does it need engineering on both sides?")},
    {F::LongTerm, u"long_term", Kind::Choice, N("Long-term strategic market"),
     N("Is it a long-term strategic market?")},
    {F::PartnerRole, u"partner_role", Kind::Choice, N("Partner's role"),
     N("Do we need them to sell (and deliver), or only to refer?")},
    {F::GtmStage, u"gtm_stage", Kind::Choice, N("Our go-to-market stage"),
     N("Early: integrations for credibility; growth: channel for reach; mature: strategic "
       "alliances.")},
    {F::Territory, u"territory", Kind::Text, N("Territory"),
     N("Where a reseller sells: with deal registration, the plan against channel conflict.")},
};

// People's words for the choices' ids.
const char *const kChoiceLabels[][2] = {
    {"yes", N("yes")},
    {"no", N("no")},
    {"partly", N("partly")},
    {"smb", N("SMB")},
    {"mid-market", N("mid-market")},
    {"enterprise", N("enterprise")},
    {"smaller", N("smaller")},
    {"similar", N("similar")},
    {"much-bigger", N("much bigger")},
    {"refer", N("only refer")},
    {"sell", N("sell")},
    {"sell-and-deliver", N("sell and deliver")},
    {"early", N("early")},
    {"growth", N("growth")},
    {"mature", N("mature")},
};

#undef N

const Row &row(F field)
{
    Q_ASSERT(QualificationFields::contains(field));
    return kRows[int(field) - int(F::Competes)];
}

// The yes/no answers of a candidate, by field; null for other fields.
YesNo *yesNo(Candidate &c, F field)
{
    switch (field) {
    case F::PartnerProgramme:
        return &c.vetting.partnerProgramme;
    case F::CanSell:
        return &c.vetting.canSell;
    case F::IncentiveAligned:
        return &c.vetting.incentiveAligned;
    case F::Exploratory:
        return &c.vetting.exploratory;
    case F::NewToMarket:
        return &c.chooser.newToMarket;
    case F::ProductMarketFit:
        return &c.chooser.productMarketFit;
    case F::CanFundEnablement:
        return &c.chooser.canFundEnablement;
    case F::TrackRecord:
        return &c.chooser.trackRecord;
    case F::NeedsEngineering:
        return &c.chooser.needsEngineering;
    case F::LongTerm:
        return &c.chooser.longTerm;
    default:
        return nullptr;
    }
}

bool isYesNo(F field)
{
    switch (field) {
    case F::PartnerProgramme:
    case F::CanSell:
    case F::IncentiveAligned:
    case F::Exploratory:
    case F::NewToMarket:
    case F::ProductMarketFit:
    case F::CanFundEnablement:
    case F::TrackRecord:
    case F::NeedsEngineering:
    case F::LongTerm:
        return true;
    default:
        return false;
    }
}

// Spaces, hyphens and underscores are the same in a choice ("much bigger" = "much-bigger").
QString normalised(const QString &text)
{
    QString id = text.trimmed().toLower();
    id.replace(u' ', u'-').replace(u'_', u'-');
    return id;
}

} // namespace

QList<CandidateField> QualificationFields::all()
{
    QList<CandidateField> fields;
    for (const Row &r : kRows)
        fields << r.field;
    return fields;
}

QList<CandidateField> QualificationFields::vettingFields()
{
    QList<CandidateField> fields;
    for (int f = int(F::Competes); f <= int(F::Success90Days); ++f)
        fields << F(f);
    return fields;
}

QList<CandidateField> QualificationFields::chooserFields()
{
    QList<CandidateField> fields;
    for (int f = int(F::NewToMarket); f <= int(F::GtmStage); ++f)
        fields << F(f);
    return fields;
}

QualificationFields::Kind QualificationFields::kind(CandidateField field)
{
    return row(field).kind;
}

QString QualificationFields::columnName(CandidateField field)
{
    return QString::fromUtf16(row(field).column);
}

QString QualificationFields::displayName(CandidateField field)
{
    return tr(row(field).label);
}

QString QualificationFields::question(CandidateField field)
{
    return tr(row(field).question);
}

int QualificationFields::choice(const Candidate &candidate, CandidateField field)
{
    auto &c = const_cast<Candidate &>(candidate);
    if (const YesNo *answer = yesNo(c, field))
        return int(*answer);
    switch (field) {
    case F::Competes:
        return int(c.vetting.competes);
    case F::CustomerBase:
        return int(c.vetting.customerBase);
    case F::IcpMatch:
        return int(c.vetting.icpMatch);
    case F::RelativeSize:
        return int(c.vetting.relativeSize);
    case F::PartnerRole:
        return int(c.chooser.partnerRole);
    case F::GtmStage:
        return int(c.chooser.gtmStage);
    default:
        return 0;
    }
}

void QualificationFields::setChoice(Candidate &c, CandidateField field, int value)
{
    if (value < 0 || value >= choiceCount(field))
        value = 0;
    if (YesNo *answer = yesNo(c, field)) {
        *answer = YesNo(value);
        return;
    }
    switch (field) {
    case F::Competes:
        c.vetting.competes = domain::Competes(value);
        break;
    case F::CustomerBase:
        c.vetting.customerBase = domain::CustomerBase(value);
        break;
    case F::IcpMatch:
        c.vetting.icpMatch = domain::IcpMatch(value);
        break;
    case F::RelativeSize:
        c.vetting.relativeSize = domain::RelativeSize(value);
        break;
    case F::PartnerRole:
        c.chooser.partnerRole = domain::PartnerRole(value);
        break;
    case F::GtmStage:
        c.chooser.gtmStage = domain::GtmStage(value);
        break;
    default:
        break;
    }
}

int QualificationFields::choiceCount(CandidateField field)
{
    if (!contains(field) || kind(field) != Kind::Choice)
        return 0;
    return isYesNo(field) ? 3 : 4;
}

QString QualificationFields::choiceId(CandidateField field, int value)
{
    if (isYesNo(field))
        return StructureChooser::yesNoId(YesNo(value));
    switch (field) {
    case F::Competes:
        return VettingRules::competesId(domain::Competes(value));
    case F::CustomerBase:
        return VettingRules::customerBaseId(domain::CustomerBase(value));
    case F::IcpMatch:
        return VettingRules::icpMatchId(domain::IcpMatch(value));
    case F::RelativeSize:
        return VettingRules::relativeSizeId(domain::RelativeSize(value));
    case F::PartnerRole:
        return StructureChooser::partnerRoleId(domain::PartnerRole(value));
    case F::GtmStage:
        return StructureChooser::gtmStageId(domain::GtmStage(value));
    default:
        return {};
    }
}

std::optional<int> QualificationFields::choiceFromId(CandidateField field, const QString &text)
{
    const QString id = normalised(text);
    for (int value = 0; value < choiceCount(field); ++value) {
        if (id == choiceId(field, value))
            return value;
    }
    if (isYesNo(field)) {
        if (const auto answer = StructureChooser::yesNoFromId(id))
            return int(*answer); // y, n
    }
    return std::nullopt;
}

QString QualificationFields::choiceLabel(CandidateField field, int value)
{
    const QString id = choiceId(field, value);
    if (id.isEmpty())
        return tr("not known");
    for (const auto &[key, label] : kChoiceLabels) {
        if (id == QLatin1StringView(key))
            return tr(label);
    }
    return id;
}

std::optional<int> *QualificationFields::count(Candidate &candidate, CandidateField field)
{
    return field == F::IntegrationPartners ? &candidate.vetting.integrationPartners : nullptr;
}

QString *QualificationFields::text(Candidate &c, CandidateField field)
{
    switch (field) {
    case F::Motivations:
        return &c.vetting.motivations;
    case F::JointMotion:
        return &c.vetting.jointMotion;
    case F::InternalChampion:
        return &c.vetting.internalChampion;
    case F::Success90Days:
        return &c.vetting.success90Days;
    case F::Territory:
        return &c.territory;
    default:
        return nullptr;
    }
}

QString QualificationFields::validate(CandidateField field, QVariant &value)
{
    switch (kind(field)) {
    case Kind::Choice: {
        const QString text = value.toString();
        const auto choice = choiceFromId(field, text);
        if (!choice) {
            QStringList ids;
            for (int v = 1; v < choiceCount(field); ++v)
                ids << choiceId(field, v);
            const QString last = ids.takeLast();
            return tr("\"%1\" is not an answer: use %2 or %3, or leave it empty")
                .arg(text.trimmed(), ids.join(u", "_s), last);
        }
        value = choiceId(field, *choice);
        return {};
    }
    case Kind::Count: {
        const QString text = value.isNull() ? QString() : value.toString().trimmed();
        if (text.isEmpty()) {
            value = QVariant();
            return {};
        }
        // Digits only: "-1", "1.5" or "about 10" are not a count.
        const bool digits =
            text.size() <= 7 &&
            std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        if (!digits)
            return tr("\"%1\" is not a count: use a whole number from 0, or leave it empty")
                .arg(text);
        value = text.toInt();
        return {};
    }
    case Kind::Text:
        // The territory is one line; the answers are kept as typed.
        value = field == F::Territory ? value.toString().trimmed() : value.toString();
        return {};
    }
    return {};
}

} // namespace pb::domain
