#include "KpiTracker.h"

#include "WorkbookEditor.h"
#include "store/Workbook.h"

using namespace pb::domain;

namespace pb::item {

namespace {
QList<qint64> idsOf(const PartnershipKpis &kpis)
{
    QList<qint64> ids;
    for (const KpiSeries &series : kpis.kpis)
        ids.append(series.definition.id);
    return ids;
}
} // namespace

KpiTracker::KpiTracker(WorkbookEditor *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &KpiTracker::onChange);
    const SettingValues settings = editor->workbook()->settings();
    m_thresholds = WorkbookSettings::kpiThresholds(settings);
    m_currency = settings.value(SettingKey::Currency).toString();
}

void KpiTracker::setCandidate(qint64 candidateId)
{
    emit aboutToReset();
    m_candidateId = candidateId;
    load();
    emit reset();
}

void KpiTracker::setToday(const QDate &today)
{
    m_today = today;
    evaluate();
    emit updated();
}

qsizetype KpiTracker::indexOf(qint64 kpiId) const
{
    for (qsizetype i = 0; i < m_kpis.kpis.size(); ++i) {
        if (m_kpis.kpis.at(i).definition.id == kpiId)
            return i;
    }
    return -1;
}

void KpiTracker::load()
{
    m_kpis = read();
    evaluate();
}

PartnershipKpis KpiTracker::read() const
{
    return m_candidateId ? m_editor->workbook()->partnershipKpis(m_candidateId) : PartnershipKpis();
}

void KpiTracker::evaluate()
{
    m_states.clear();
    for (const KpiSeries &series : std::as_const(m_kpis.kpis))
        m_states.append(KpiRules::state(series, m_thresholds));
    m_findings = m_candidateId ? KpiRules::check(m_kpis, m_thresholds, today()) : Findings();
}

void KpiTracker::onChange(const store::Change &change)
{
    using Entity = store::Change::Entity;
    if (change.entity == Entity::Settings) {
        const SettingValues settings = m_editor->workbook()->settings();
        m_thresholds = WorkbookSettings::kpiThresholds(settings);
        m_currency = settings.value(SettingKey::Currency).toString();
        evaluate();
        emit updated();
        return;
    }
    if (!m_candidateId)
        return;
    if (change.entity == Entity::Candidate && change.ids.contains(m_candidateId)) {
        if (change.kind == store::Change::Kind::Removed) {
            setCandidate(0);
        } else if (auto c = m_editor->workbook()->candidate(m_candidateId);
                   c && c->name != m_kpis.partner) {
            m_kpis.partner = c->name;
            evaluate();
            emit updated();
        }
        return;
    }
    if ((change.entity == Entity::Kpi || change.entity == Entity::Partnership) &&
        (change.ids.contains(m_candidateId) || change.entity == Entity::Partnership)) {
        PartnershipKpis fresh = read();
        const bool sameKpis = idsOf(fresh) == idsOf(m_kpis);
        if (!sameKpis)
            emit aboutToReset();
        m_kpis = std::move(fresh);
        evaluate();
        if (sameKpis)
            emit updated();
        else
            emit reset();
    }
}

} // namespace pb::item
