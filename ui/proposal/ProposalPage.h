#pragma once

#include "item/ProposalData.h"

#include <QPageSize>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QScrollArea;
class QTabWidget;

namespace pb::io {
class ProposalDocument;
}
namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

class LifecyclePanel;
class PartnerPicker;
class ProposalBar;
class ProposalChecksList;
class ProposalFieldsForm;
class ProposalLogoRow;
class ProposalPreview;

// The one-page proposal of a partnership: on the left the checks (always in view), and below
// them the scrolling form with what the user writes and the commercial terms, each checked
// against the known traps (warnings beside the field); on the right a live preview that is the PDF
// page itself. Export PDF refuses a page that does not fit and says which section is too long.
// A second tab, Lifecycle (LifecyclePanel), holds what follows the proposal for the same
// partner. Every change is one undo step. The page composes its panels and wires them to the editor
// and the workbook's notifier.
class ProposalPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);
    ~ProposalPage() override;

    qint64 currentPartner() const { return m_candidateId; }
    PartnerPicker *partnerPicker() const;
    // Export PDF and Print, for the File menu while the area is shown.
    QList<QAction *> fileActions() const;
    bool selectPartner(qint64 candidateId);
    // A field as the user would type it (keys of ProposalTerms::keys()); an empty string
    // when it was saved, else the message shown beside the field.
    QString setField(const QString &key, const QString &text);
    QWidget *fieldEditor(const QString &key) const;
    QLabel *fieldWarning(const QString &key) const;
    QStringList findingCodes() const;
    const io::ProposalDocument *document() const { return m_document.get(); }
    QLabel *preview() const;
    QLabel *fitLabel() const;
    void setPageSize(QPageSize::PageSizeId size);
    QString exportPdf(const QString &path);
    QString setLogo(const QString &imagePath);
    // The Lifecycle tab (contract, kit, retrospective, exit) and the tabs holding it.
    LifecyclePanel *lifecycle() const { return m_lifecycle; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildLeftSide();
    void connectToWorkbook();
    void onPartnerChosen(qint64 candidateId);
    void showField(const QString &key);
    void reload();
    QString commit(domain::ProposalField field, const QString &text);
    void chooseExportFile();
    void print();

    item::WorkbookEditor *m_editor;
    ProposalBar *m_bar;
    ProposalChecksList *m_checks;
    ProposalFieldsForm *m_form;
    ProposalLogoRow *m_logo;
    ProposalPreview *m_preview;
    QTabWidget *m_tabs;
    LifecyclePanel *m_lifecycle;
    QWidget *m_left = nullptr;
    QScrollArea *m_scroll = nullptr;
    std::optional<item::ProposalData> m_data;
    std::unique_ptr<io::ProposalDocument> m_document;
    QTimer m_reload;
    qint64 m_candidateId = 0;
};

} // namespace pb::ui
