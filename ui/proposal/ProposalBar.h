#pragma once

#include <QPageSize>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace pb::io {
class ProposalDocument;
}
namespace pb::store {
class Workbook;
}

namespace pb::ui {

class PartnerPicker;

// The Proposal page's top bar: which partnership, which paper, and Print… and Export PDF…
// (enabled only for a page that fits). It says what the user asked for; the page acts.
class ProposalBar : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalBar(store::Workbook *workbook, QWidget *parent = nullptr);

    PartnerPicker *partner() const { return m_partner; }
    QPageSize::PageSizeId pageSize() const;
    void setPageSize(QPageSize::PageSizeId size);
    // The document shown (null: none); enables printing and exporting accordingly.
    void showDocument(const io::ProposalDocument *document);

signals:
    void partnerChosen(qint64 candidateId);
    void pageSizeChanged();
    void exportRequested();
    void printRequested();

private:
    PartnerPicker *m_partner;
    QComboBox *m_pageSize;
    QPushButton *m_print;
    QPushButton *m_export;
};

} // namespace pb::ui
