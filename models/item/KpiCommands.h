#pragma once

#include "WorkbookCommand.h"
#include "domain/KpiRules.h"

namespace pb::item {

// A change of the KPI definitions (add, remove, rename, retarget, import): the KPIs with
// their values before and after, each written whole, with the same ids, through the store.
class ReplaceKpisCommand : public WorkbookCommand
{
public:
    ReplaceKpisCommand(store::Workbook *workbook, qint64 candidateId,
                       QList<domain::KpiSeries> before, QList<domain::KpiSeries> after,
                       const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    QList<domain::KpiSeries> m_before;
    QList<domain::KpiSeries> m_after;
};

// Values typed, pasted or cleared in the entry grid: the cells before and after.
class SetKpiValuesCommand : public WorkbookCommand
{
public:
    SetKpiValuesCommand(store::Workbook *workbook, qint64 candidateId,
                        QList<domain::KpiValueEdit> before, QList<domain::KpiValueEdit> after,
                        const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    QList<domain::KpiValueEdit> m_before;
    QList<domain::KpiValueEdit> m_after;
};

class SetPilotCommand : public WorkbookCommand
{
public:
    SetPilotCommand(store::Workbook *workbook, qint64 candidateId, domain::Pilot before,
                    domain::Pilot after, const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    domain::Pilot m_before;
    domain::Pilot m_after;
};

// Recording (added = true) or removing a review; the review keeps its id both ways.
class ReviewCommand : public WorkbookCommand
{
public:
    ReviewCommand(store::Workbook *workbook, qint64 candidateId, domain::Review review, bool added,
                  const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    store::StoreError add();
    store::StoreError remove();

    qint64 m_candidateId;
    domain::Review m_review;
    bool m_added;
};

} // namespace pb::item
