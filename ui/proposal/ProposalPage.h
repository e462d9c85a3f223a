#pragma once

#include "item/ProposalData.h"

#include <QHash>
#include <QPageSize>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;

namespace pb::io {
class ProposalDocument;
}
namespace pb::item {
class WorkbookEditor;
}

namespace pb::ui {

class PartnerPicker;

// The one-page proposal of a partnership: on the left what the user writes and the
// commercial terms, each checked against the known traps (warnings beside the field); on
// the right a live preview that is the PDF page itself. Export PDF refuses a page that
// does not fit and says which section is too long. Every change is one undo step.
class ProposalPage : public QWidget
{
    Q_OBJECT
public:
    explicit ProposalPage(item::WorkbookEditor *editor, QWidget *parent = nullptr);
    ~ProposalPage() override;

    qint64 currentPartner() const { return m_candidateId; }
    bool selectPartner(qint64 candidateId);
    // A field as the user would type it (keys of ProposalTerms::keys()); an empty string
    // when it was saved, else the message shown beside the field.
    QString setField(const QString &key, const QString &text);
    QWidget *fieldEditor(const QString &key) const { return m_editors.value(key); }
    QLabel *fieldWarning(const QString &key) const { return m_warnings.value(key); }
    QStringList findingCodes() const;
    const io::ProposalDocument *document() const { return m_document.get(); }
    QLabel *preview() const { return m_preview; }
    QLabel *fitLabel() const { return m_fit; }
    void setPageSize(QPageSize::PageSizeId size);
    QString exportPdf(const QString &path);
    QString setLogo(const QString &imagePath);

signals:
    void statusMessage(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildForm(QWidget *form);
    void onPartnerChosen(qint64 candidateId);
    void reload();
    void renderPreview();
    QString commit(const QString &key, const QString &text);
    QString editorText(const QString &key) const;
    void setEditorText(const QString &key, const QString &text);
    void print();

    item::WorkbookEditor *m_editor;
    PartnerPicker *m_partner;
    QComboBox *m_pageSize;
    QPushButton *m_export;
    QPushButton *m_print;
    QPushButton *m_logoButton;
    QPushButton *m_removeLogo;
    QWidget *m_form;
    QListWidget *m_findings;
    QScrollArea *m_previewArea;
    QLabel *m_preview;
    QLabel *m_fit;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_warnings;
    QHash<QString, QString> m_labels;
    std::optional<item::ProposalData> m_data;
    std::unique_ptr<io::ProposalDocument> m_document;
    QTimer m_reload;
    qint64 m_candidateId = 0;
    bool m_loading = false;
};

} // namespace pb::ui
