#pragma once

#include "WorkbookCommand.h"
#include "domain/Proposal.h"

namespace pb::item {

// A change on the Proposal area (a term, the structure, the user's text): everything
// `terms` covers, before and after, written in one transaction through the store.
class ProposalCommand : public WorkbookCommand
{
public:
    ProposalCommand(store::Workbook *workbook, qint64 candidateId, domain::ProposalFields before,
                    domain::ProposalFields after, const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    qint64 m_candidateId;
    domain::ProposalFields m_before;
    domain::ProposalFields m_after;
};

} // namespace pb::item

namespace pb::item {

// A picture kept in the workbook (the proposal's logo) replaced or removed.
class SetImageCommand : public WorkbookCommand
{
public:
    SetImageCommand(store::Workbook *workbook, QString name, QByteArray before, QByteArray after,
                    const QString &text, ErrorHandler onError);

protected:
    store::StoreError applyUndo() override;
    store::StoreError applyRedo() override;

private:
    QString m_name;
    QByteArray m_before;
    QByteArray m_after;
};

} // namespace pb::item
