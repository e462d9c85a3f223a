#include "KpiCommands.h"

#include "store/Workbook.h"

namespace pb::item {

ReplaceKpisCommand::ReplaceKpisCommand(store::Workbook *workbook, qint64 candidateId,
                                       QList<domain::KpiSeries> before,
                                       QList<domain::KpiSeries> after, const QString &text,
                                       ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError ReplaceKpisCommand::applyUndo()
{
    QList<domain::KpiSeries> kpis = m_before;
    return workbook()->replaceKpis(m_candidateId, kpis);
}

store::StoreError ReplaceKpisCommand::applyRedo()
{
    QList<domain::KpiSeries> kpis = m_after;
    return workbook()->replaceKpis(m_candidateId, kpis);
}

SetKpiValuesCommand::SetKpiValuesCommand(store::Workbook *workbook, qint64 candidateId,
                                         QList<domain::KpiValueEdit> before,
                                         QList<domain::KpiValueEdit> after, const QString &text,
                                         ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError SetKpiValuesCommand::applyUndo()
{
    return workbook()->setKpiValues(m_candidateId, m_before);
}

store::StoreError SetKpiValuesCommand::applyRedo()
{
    return workbook()->setKpiValues(m_candidateId, m_after);
}

SetPilotCommand::SetPilotCommand(store::Workbook *workbook, qint64 candidateId,
                                 domain::Pilot before, domain::Pilot after, const QString &text,
                                 ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(before)
    , m_after(after)
{}

store::StoreError SetPilotCommand::applyUndo()
{
    return workbook()->setPilot(m_candidateId, m_before);
}

store::StoreError SetPilotCommand::applyRedo()
{
    return workbook()->setPilot(m_candidateId, m_after);
}

ReviewCommand::ReviewCommand(store::Workbook *workbook, qint64 candidateId, domain::Review review,
                             bool added, const QString &text, ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_review(std::move(review))
    , m_added(added)
{}

store::StoreError ReviewCommand::add()
{
    domain::Review review = m_review;
    return workbook()->addReview(m_candidateId, review);
}

store::StoreError ReviewCommand::remove()
{
    return workbook()->removeReview(m_candidateId, m_review.id);
}

store::StoreError ReviewCommand::applyUndo()
{
    return m_added ? remove() : add();
}

store::StoreError ReviewCommand::applyRedo()
{
    return m_added ? add() : remove();
}

} // namespace pb::item
