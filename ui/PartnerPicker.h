#pragma once

#include <QComboBox>

class QStringListModel;

namespace pb::store {
class Workbook;
struct Change;
} // namespace pb::store

namespace pb::ui {

// Picks the partnership a work area shows: the top three candidates first (marked ★),
// then every partnership and the one being shown, by name. Typing searches every
// candidate (a long list can hold 100,000, far too many for a drop-down); Enter opens the
// best match of what was typed. The list is rebuilt lazily: only when it is visible, or
// asked for, after the workbook changed.
class PartnerPicker : public QComboBox
{
    Q_OBJECT
public:
    // Which come first: the top three (RACI: agreeing roles comes early) or the
    // partnerships (KPIs: tracked once a partnership runs).
    enum class Order { TopThreeFirst, PartnershipsFirst };

    PartnerPicker(store::Workbook *workbook, Order order, QWidget *parent = nullptr);

    qint64 currentPartner() const { return m_current; }
    // The chosen candidate's name, without the ★.
    QString currentName() const;
    // Shows the candidate (adding it to the list when needed); false when it is gone.
    bool selectPartner(qint64 candidateId);
    // The partner to show when the list is first built (instead of the first one); ignored
    // when it is 0 or gone. Does not build the list.
    void setInitialPartner(qint64 candidateId);
    // Rebuilds the list now when the workbook changed since the last build.
    void refresh();
    // The name Enter opens for what was typed: the name itself (ignoring case), else the
    // first name that starts with it, else the first that contains it; empty if none.
    QString bestMatch(const QString &typed) const;

signals:
    // The user (or selectPartner) chose a partner; 0 when the shown one is gone.
    void partnerChosen(qint64 candidateId, const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void populate();
    void onActivated(int index);
    void chooseByName(const QString &name);
    void onReturnPressed();
    void onChange(const store::Change &change);

    store::Workbook *m_workbook;
    Order m_order;
    QStringListModel *m_allNames;
    qint64 m_current = 0;
    bool m_announced = false; // whether partnerChosen told the page about m_current
    bool m_dirty = true;
};

} // namespace pb::ui
