#include "ProposalData.h"

#include "QualificationCheck.h"
#include "domain/Scoring.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

using namespace pb::domain;

namespace pb::item {

ProposalData::ProposalData(const ProposalData &other)
    : fields(other.fields)
    , sources(other.sources)
    , raci(other.raci)
    , hasRaci(other.hasRaci)
    , context(other.context)
    , structureFindings(other.structureFindings)
{
    relink();
}

ProposalData &ProposalData::operator=(const ProposalData &other)
{
    fields = other.fields;
    sources = other.sources;
    raci = other.raci;
    hasRaci = other.hasRaci;
    context = other.context;
    structureFindings = other.structureFindings;
    relink();
    return *this;
}

void ProposalData::relink()
{
    sources.raci = hasRaci ? &raci : nullptr;
    context.raci = hasRaci ? &raci : nullptr;
}

std::optional<ProposalData> ProposalData::gather(const store::Workbook &workbook,
                                                 qint64 candidateId, const QDate &today)
{
    const auto candidate = workbook.candidate(candidateId);
    if (!candidate)
        return std::nullopt;
    const SettingValues settings = workbook.settings();
    const auto setting = [&settings](SettingKey key) {
        return settings.value(key, WorkbookSettings::defaultValue(key));
    };
    ProposalData data;
    data.hasRaci = workbook.hasRaciGrid(candidateId);
    if (data.hasRaci)
        data.raci = workbook.raciGrid(candidateId);
    ProposalSources &sources = data.sources;
    sources.company = setting(SettingKey::Company).toString().trimmed();
    if (sources.company.isEmpty())
        sources.company = setting(SettingKey::Title).toString();
    sources.currency = setting(SettingKey::Currency).toString();
    sources.candidate = *candidate;
    sources.score = candidateScore(*candidate, WorkbookSettings::scoringWeights(settings));
    sources.kpis = workbook.partnershipKpis(candidateId);
    sources.kpis.partner = candidate->name;
    sources.proposal = workbook.proposal(candidateId);
    sources.contract = workbook.checklist(candidateId, ChecklistKind::Contract);
    sources.today = today;

    data.fields.structure = candidate->structure;
    data.fields.pilot = sources.kpis.pilot;
    data.fields.proposal = sources.proposal;

    data.context.partner = candidate->name;
    data.context.grossMarginPercent = setting(SettingKey::GrossMarginPercent).toDouble();
    data.context.cacPaybackMonths = setting(SettingKey::CacPaybackMonths).toDouble();
    data.context.referralFeeLow = setting(SettingKey::ReferralFeeMin).toDouble();
    data.context.referralFeeHigh = setting(SettingKey::ReferralFeeMax).toDouble();
    data.context.currency = sources.currency;
    data.context.kpiCount = sources.kpis.kpis.size();
    data.structureFindings = QualificationCheck::structureFindings(workbook, *candidate, today);
    data.relink();
    return data;
}

} // namespace pb::item
