#pragma once

#include <QPageSize>
#include <QWidget>

class QComboBox;
class QAction;

namespace pb::io {
class ProposalDocument;
}
namespace pb::store {
class Workbook;
}

namespace pb::ui {

class PartnerPicker;

// The Proposal page's top bar: which partnership, which paper, and Print… (Ctrl+P) and
// Export PDF… (Ctrl+E), enabled only for a page that fits; those two actions are also the
// File menu's while the area is shown. It says what the user asked for; the page acts.
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
    QList<QAction *> fileActions() const { return {m_export, m_print}; }

signals:
    void partnerChosen(qint64 candidateId);
    void pageSizeChanged();
    void exportRequested();
    void printRequested();

private:
    static QString printKey();
    static QString exportTip();

    PartnerPicker *m_partner;
    QComboBox *m_pageSize;
    QAction *m_print;
    QAction *m_export;
};

} // namespace pb::ui
