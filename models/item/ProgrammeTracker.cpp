#include "ProgrammeTracker.h"

#include "WorkbookEditor.h"
#include "store/Workbook.h"

namespace pb::item {

ProgrammeTracker::ProgrammeTracker(WorkbookEditor *editor, QObject *parent)
    : QObject(parent)
    , m_editor(editor)
{
    connect(editor->workbook()->notifier(), &store::WorkbookNotifier::changed, this,
            &ProgrammeTracker::onChange);
}

void ProgrammeTracker::setPartner(qint64 candidateId)
{
    emit aboutToReset();
    m_partner = candidateId;
    if (m_stale)
        read();
    const auto candidate = candidateId ? m_editor->workbook()->candidate(candidateId)
                                       : std::optional<domain::Candidate>();
    m_partnerName = candidate ? candidate->name : QString();
    emit reset();
}

void ProgrammeTracker::setToday(const QDate &today)
{
    m_today = today;
    reload();
}

void ProgrammeTracker::setLive(bool live)
{
    m_live = live;
    if (live && m_stale)
        reload();
}

void ProgrammeTracker::reload()
{
    read();
    emit updated();
}

void ProgrammeTracker::read()
{
    m_data = ProgrammeData::gather(*m_editor->workbook(), today());
    m_stale = false;
}

void ProgrammeTracker::onChange(const store::Change &change)
{
    // The RACI grid is the one thing the programme does not read.
    if (change.entity == store::Change::Entity::Raci)
        return;
    if (change.entity == store::Change::Entity::Candidate && m_partner &&
        change.ids.contains(m_partner)) {
        if (const auto candidate = m_editor->workbook()->candidate(m_partner))
            m_partnerName = candidate->name;
    }
    m_stale = true;
    if (m_live)
        reload();
}

} // namespace pb::item
