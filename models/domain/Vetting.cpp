#include "Vetting.h"

#include "CandidateField.h"
#include "WorkbookSettings.h"

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace pb::domain {

namespace {

// field: the column (or the workbook setting) to look at first.
Finding finding(const QString &code, Finding::Severity severity, const Candidate &candidate,
                const QString &field, const QString &message)
{
    Finding f;
    f.code = code;
    f.severity = severity;
    f.subject = candidate.name;
    f.partner = candidate.name;
    f.field = field;
    f.message = message;
    return f;
}

QString column(CandidateField field)
{
    return CandidateFields::columnName(field);
}

// Where a polite distraction is decided: the partner's answers before our own economics.
QString distractionField(const Vetting &vetting, const VettingContext &context)
{
    if (vetting.incentiveAligned == YesNo::No)
        return column(CandidateField::IncentiveAligned);
    if (vetting.relativeSize == RelativeSize::MuchBigger && vetting.motivations.trimmed().isEmpty())
        return column(CandidateField::Motivations);
    if (context.prePmf)
        return WorkbookSettings::storageKey(SettingKey::PreProductMarketFit);
    return WorkbookSettings::storageKey(SettingKey::GrossMarginPercent);
}

// The first of the three things the first meeting did not show.
QString triageField(const Vetting &vetting)
{
    if (vetting.jointMotion.trimmed().isEmpty())
        return column(CandidateField::JointMotion);
    if (vetting.internalChampion.trimmed().isEmpty())
        return column(CandidateField::InternalChampion);
    return column(CandidateField::Success90Days);
}

// Candidates still in play: the judgment's findings are gates, silent for closed ones.
bool isOpen(const Candidate &candidate)
{
    return candidate.stage != Stage::Paused && candidate.stage != Stage::Ended;
}

template<typename Enum, size_t N>
std::optional<Enum> fromId(const QString &text, const std::array<Enum, N> &values,
                           QString (*id)(Enum))
{
    for (Enum value : values) {
        if (text.trimmed().compare(id(value), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace

QStringList VettingRules::distractionReasons(const Vetting &vetting, const VettingContext &context)
{
    QStringList reasons;
    if (context.prePmf)
        reasons << tr("we are before product-market fit");
    if (vetting.incentiveAligned == YesNo::No)
        reasons << tr("their champion's incentive is misaligned with selling us");
    if (context.grossMarginPercent && *context.grossMarginPercent < kDistractionMargin)
        reasons << tr("our gross margin (%1 %) is under 50 %")
                       .arg(*context.grossMarginPercent, 0, 'f', 0);
    if (vetting.relativeSize == RelativeSize::MuchBigger && vetting.motivations.trimmed().isEmpty())
        reasons << tr("they are much bigger and nothing is recorded that is in it for them at "
                      "our scale");
    return reasons;
}

bool VettingRules::needsFirstMeetingTriage(const Vetting &vetting)
{
    return vetting.relativeSize == RelativeSize::MuchBigger || vetting.exploratory == YesNo::Yes;
}

QStringList VettingRules::missingFromFirstMeeting(const Vetting &vetting)
{
    QStringList missing;
    if (vetting.jointMotion.trimmed().isEmpty())
        missing << tr("a specific joint customer motion");
    if (vetting.internalChampion.trimmed().isEmpty())
        missing << tr("their internal champion");
    if (vetting.success90Days.trimmed().isEmpty())
        missing << tr("what success looks like in 90 days");
    return missing;
}

Findings VettingRules::check(const Candidate &candidate, const Vetting &vetting,
                             const VettingContext &context)
{
    Findings findings;
    if (!isOpen(candidate))
        return findings;
    if (vetting.competes == Competes::Yes)
        findings << finding(u"candidate.competitor"_s, Finding::Severity::Warning, candidate,
                            column(CandidateField::Competes),
                            tr("%1 competes with us: good partners sell to our customers without "
                               "competing with us (adjacent, not competing).")
                                .arg(candidate.name));
    else if (vetting.competes == Competes::Partly)
        findings << finding(u"candidate.competitor"_s, Finding::Severity::Info, candidate,
                            column(CandidateField::Competes),
                            tr("%1 partly competes with us: agree where each side sells before "
                               "anything else.")
                                .arg(candidate.name));
    if (const QStringList reasons = distractionReasons(vetting, context); !reasons.isEmpty())
        findings << finding(
            u"candidate.polite_distraction"_s, Finding::Severity::Warning, candidate,
            distractionField(vetting, context),
            tr("%1 may be a polite distraction: %2.").arg(candidate.name, reasons.join(tr("; "))));
    if (needsFirstMeetingTriage(vetting)) {
        if (const QStringList missing = missingFromFirstMeeting(vetting); !missing.isEmpty())
            findings << finding(u"candidate.exploratory_only"_s, Finding::Severity::Warning,
                                candidate, triageField(vetting),
                                tr("%1: the first meeting did not show %2. Move to async; "
                                   "don't invest more time.")
                                    .arg(candidate.name, missing.join(tr(", "))));
    }
    return findings;
}

Findings VettingRules::checkPortfolio(const QList<Candidate> &candidates)
{
    const auto busy = std::count_if(candidates.cbegin(), candidates.cend(), [](const Candidate &c) {
        return c.stage == Stage::Proposed || c.stage == Stage::Pilot;
    });
    if (busy <= kFocusLimit)
        return {};
    Finding f;
    f.code = u"portfolio.spread_thin"_s;
    f.severity = Finding::Severity::Warning;
    f.subject = tr("Portfolio");
    f.field = column(CandidateField::Stage);
    f.message = tr("%1 candidates are proposed or in pilot at once: focus on the top three and "
                   "send proposals to the surviving three to five; spreading thin gives "
                   "half-built relationships.")
                    .arg(busy);
    return {f};
}

QString VettingRules::competesId(Competes value)
{
    switch (value) {
    case Competes::No:
        return u"no"_s;
    case Competes::Partly:
        return u"partly"_s;
    case Competes::Yes:
        return u"yes"_s;
    case Competes::Unknown:
        break;
    }
    return {};
}

std::optional<Competes> VettingRules::competesFromId(const QString &text)
{
    return fromId(text,
                  std::array{Competes::Unknown, Competes::No, Competes::Partly, Competes::Yes},
                  &competesId);
}

QString VettingRules::customerBaseId(CustomerBase value)
{
    switch (value) {
    case CustomerBase::Smb:
        return u"smb"_s;
    case CustomerBase::MidMarket:
        return u"mid-market"_s;
    case CustomerBase::Enterprise:
        return u"enterprise"_s;
    case CustomerBase::Unknown:
        break;
    }
    return {};
}

std::optional<CustomerBase> VettingRules::customerBaseFromId(const QString &text)
{
    return fromId(text,
                  std::array{CustomerBase::Unknown, CustomerBase::Smb, CustomerBase::MidMarket,
                             CustomerBase::Enterprise},
                  &customerBaseId);
}

QString VettingRules::icpMatchId(IcpMatch value)
{
    switch (value) {
    case IcpMatch::Yes:
        return u"yes"_s;
    case IcpMatch::Partly:
        return u"partly"_s;
    case IcpMatch::No:
        return u"no"_s;
    case IcpMatch::Unknown:
        break;
    }
    return {};
}

std::optional<IcpMatch> VettingRules::icpMatchFromId(const QString &text)
{
    return fromId(text,
                  std::array{IcpMatch::Unknown, IcpMatch::Yes, IcpMatch::Partly, IcpMatch::No},
                  &icpMatchId);
}

QString VettingRules::relativeSizeId(RelativeSize value)
{
    switch (value) {
    case RelativeSize::Smaller:
        return u"smaller"_s;
    case RelativeSize::Similar:
        return u"similar"_s;
    case RelativeSize::MuchBigger:
        return u"much-bigger"_s;
    case RelativeSize::Unknown:
        break;
    }
    return {};
}

std::optional<RelativeSize> VettingRules::relativeSizeFromId(const QString &text)
{
    return fromId(text,
                  std::array{RelativeSize::Unknown, RelativeSize::Smaller, RelativeSize::Similar,
                             RelativeSize::MuchBigger},
                  &relativeSizeId);
}

} // namespace pb::domain
