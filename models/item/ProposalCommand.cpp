#include "ProposalCommand.h"

#include "store/Workbook.h"

namespace pb::item {

ProposalCommand::ProposalCommand(store::Workbook *workbook, qint64 candidateId,
                                 domain::ProposalFields before, domain::ProposalFields after,
                                 const QString &text, ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_candidateId(candidateId)
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError ProposalCommand::applyUndo()
{
    return workbook()->setProposalFields(m_candidateId, m_before);
}

store::StoreError ProposalCommand::applyRedo()
{
    return workbook()->setProposalFields(m_candidateId, m_after);
}

} // namespace pb::item

namespace pb::item {

SetImageCommand::SetImageCommand(store::Workbook *workbook, QString name, QByteArray before,
                                 QByteArray after, const QString &text, ErrorHandler onError)
    : WorkbookCommand(workbook, text, std::move(onError))
    , m_name(std::move(name))
    , m_before(std::move(before))
    , m_after(std::move(after))
{}

store::StoreError SetImageCommand::applyUndo()
{
    return workbook()->setImage(m_name, m_before);
}

store::StoreError SetImageCommand::applyRedo()
{
    return workbook()->setImage(m_name, m_after);
}

} // namespace pb::item
