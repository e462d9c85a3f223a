// Every shortcut of the main window has one owner, in every work area: the test walks every
// action, button, label and tab of the window with a workbook open, compares the key
// sequences of those that are live at the same time (their shortcut contexts overlap), and
// then presses each key with every action silenced, failing on Qt's "Ambiguous shortcut
// overload". Ctrl+I and Ctrl+E import and export in the area shown (issue 21: they did
// nothing in the Candidates area, and what the user typed next renamed a candidate).
// Prints the shortcuts of each area.
#include "FileDialogs.h"
#include "GuiPageFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "candidates/CandidateTableView.h"
#include "candidates/CandidatesPage.h"
#include "item/CandidateTableModel.h"
#include "item/WorkbookEditor.h"
#include "kpi/KpiPage.h"
#include "programme/CostsPanel.h"
#include "programme/MonthGridPanel.h"
#include "programme/ProgrammePage.h"
#include "proposal/ProposalPage.h"
#include "raci/RaciGridView.h"
#include "raci/RaciPage.h"
#include "store/Workbook.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QShortcut>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;

namespace {

constexpr int kAreas = 5; // Candidates, RACI, KPIs, Proposal, Programme

// A key sequence with whoever claims it, and where it is live: the whole window, or while
// the focus is in (or on) the scope's widgets.
struct Claim
{
    QKeySequence key;
    QObject *owner = nullptr;
    QString name;
    Qt::ShortcutContext context = Qt::WindowShortcut;
    QList<QWidget *> scope;
};

bool isWindowWide(const Claim &claim)
{
    return claim.context == Qt::WindowShortcut || claim.context == Qt::ApplicationShortcut;
}

// Whether the focus can be somewhere both claims are live.
bool overlap(const Claim &a, const Claim &b)
{
    if (isWindowWide(a) || isWindowWide(b))
        return true;
    for (QWidget *x : a.scope) {
        for (QWidget *y : b.scope) {
            if (x == y)
                return true;
            if (a.context == Qt::WidgetWithChildrenShortcut && x->isAncestorOf(y))
                return true;
            if (b.context == Qt::WidgetWithChildrenShortcut && y->isAncestorOf(x))
                return true;
        }
    }
    return false;
}

bool inMenuBar(const QMenu *menu, const QMenuBar *bar)
{
    for (QObject *object : menu->menuAction()->associatedObjects()) {
        if (object == bar)
            return true;
        if (auto *parent = qobject_cast<QMenu *>(object); parent && inMenuBar(parent, bar))
            return true;
    }
    return false;
}

QString nameOf(const QString &text)
{
    return QString(text).remove(u'&');
}

// Actions: live when enabled and shown in the menu bar's menus or on a shown widget.
void addActions(QMainWindow *window, QList<Claim> *claims)
{
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!action->isEnabled() || !action->isVisible() || action->shortcuts().isEmpty())
            continue;
        bool menu = false;
        QList<QWidget *> scope;
        for (QObject *object : action->associatedObjects()) {
            if (auto *m = qobject_cast<QMenu *>(object))
                menu |= inMenuBar(m, window->menuBar());
            else if (auto *w = qobject_cast<QWidget *>(object); w && w->isVisible())
                scope.append(w);
        }
        const Qt::ShortcutContext context = action->shortcutContext();
        const bool live =
            (menu && (context == Qt::WindowShortcut || context == Qt::ApplicationShortcut)) ||
            !scope.isEmpty();
        for (const QKeySequence &key : action->shortcuts()) {
            if (live)
                claims->append({key, action, nameOf(action->text()), context, scope});
        }
    }
}

// Buttons, buddy labels, menu titles, tabs and group boxes claim their mnemonic (Alt+letter)
// in the whole window; QShortcut objects their keys in their context.
void addWidgets(QMainWindow *window, QList<Claim> *claims)
{
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible() && button->isEnabled() && !button->shortcut().isEmpty())
            claims->append({button->shortcut(),
                            button,
                            nameOf(button->text().isEmpty() ? button->toolTip() : button->text()),
                            Qt::WindowShortcut,
                            {}});
    }
    for (QLabel *label : window->findChildren<QLabel *>()) {
        const QKeySequence key = QKeySequence::mnemonic(label->text());
        if (label->isVisible() && label->buddy() && !key.isEmpty())
            claims->append({key, label, nameOf(label->text()), Qt::WindowShortcut, {}});
    }
    for (QAction *menu : window->menuBar()->actions()) {
        if (const QKeySequence key = QKeySequence::mnemonic(menu->text()); !key.isEmpty())
            claims->append({key, menu, nameOf(menu->text()) + u" menu"_s, Qt::WindowShortcut, {}});
    }
    for (QTabBar *tabs : window->findChildren<QTabBar *>()) {
        for (int i = 0; tabs->isVisible() && i < tabs->count(); ++i) {
            const QKeySequence key = QKeySequence::mnemonic(tabs->tabText(i));
            if (!key.isEmpty() && tabs->isTabEnabled(i))
                claims->append(
                    {key, tabs, nameOf(tabs->tabText(i)) + u" tab"_s, Qt::WindowShortcut, {}});
        }
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (const QKeySequence key = QKeySequence::mnemonic(box->title());
            box->isVisible() && !key.isEmpty())
            claims->append({key, box, nameOf(box->title()), Qt::WindowShortcut, {}});
    }
    for (QShortcut *shortcut : window->findChildren<QShortcut *>()) {
        auto *parent = qobject_cast<QWidget *>(shortcut->parent());
        if (!shortcut->isEnabled() || !parent || !parent->isVisible())
            continue;
        for (const QKeySequence &key : shortcut->keys())
            claims->append({key, shortcut, u"shortcut"_s, shortcut->context(), {parent}});
    }
}

QList<Claim> liveClaims(QMainWindow *window)
{
    QList<Claim> claims;
    addActions(window, &claims);
    addWidgets(window, &claims);
    return claims;
}

QString describe(const Claim &claim)
{
    const QString widget =
        claim.scope.isEmpty() ? QString()
                              : QString::fromLatin1(claim.scope.first()->metaObject()->className());
    const QString where = isWindowWide(claim)                   ? u"window"_s
                          : claim.context == Qt::WidgetShortcut ? u"on "_s + widget
                                                                : u"in "_s + widget;
    return u"%1 \"%2\" (%3)"_s.arg(claim.key.toString(), claim.name, where);
}

} // namespace

class TestShortcuts : public QObject, public test::GuiPageFixture
{
    Q_OBJECT

    QList<ui::FileDialogs::Request> m_asked;

    // The widget a user works in, in each area.
    QWidget *mainView(int area) const
    {
        switch (area) {
        case 0:
            return window()->candidatesPage()->view();
        case 1:
            return window()->raciPage()->view();
        case 2:
            return window()->kpiPage()->valuesTable();
        case 3:
            return window()->proposalPage()->fieldEditor(u"title"_s);
        default:
            return window()->programmePage()->costs()->grid()->table();
        }
    }

    void showAreaByKey(int area)
    {
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        mainView(window()->currentArea())->setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key(Qt::Key_1 + area),
                        Qt::ControlModifier);
        QCOMPARE(window()->currentArea(), area);
        QApplication::processEvents();
    }

    // Each key pressed with every action and button silenced, so nothing runs: Qt still
    // finds the shortcut's owners and warns when there are two.
    void pressSilenced(const QList<QKeySequence> &keys, QWidget *focus)
    {
        std::vector<QSignalBlocker> blockers;
        for (QObject *object : window()->findChildren<QObject *>()) {
            if (qobject_cast<QAction *>(object) || qobject_cast<QAbstractButton *>(object) ||
                qobject_cast<QShortcut *>(object))
                blockers.emplace_back(object);
        }
        for (const QKeySequence &key : keys) {
            focus->setFocus(Qt::OtherFocusReason);
            QTest::keySequence(QApplication::focusWidget(), key);
            while (QWidget *popup = QApplication::activePopupWidget())
                popup->close();
        }
        QTest::qWait(150); // buttons click a moment after their shortcut: still silenced
    }

    bool selectPartner(int area, qint64 id)
    {
        switch (area) {
        case 1:
            return window()->raciPage()->selectPartner(id);
        case 2:
            return window()->kpiPage()->selectPartner(id);
        case 3:
            return window()->proposalPage()->selectPartner(id);
        case 4:
            return window()->programmePage()->selectPartner(id);
        default:
            return false;
        }
    }

    // Two edits, one undone: Undo and Redo are both enabled, so their keys are walked too.
    void makeUndoAndRedoLive()
    {
        using domain::SettingKey;
        QCOMPARE(editor()->changeSettings({{SettingKey::Title, u"One"_s}}), QString());
        QCOMPARE(editor()->changeSettings({{SettingKey::Owner, u"Two"_s}}), QString());
        editor()->undoStack()->undo();
    }

public:
    TestShortcuts()
        : GuiPageFixture(u"tst_shortcuts"_s)
    {}

private slots:
    void init()
    {
        QVERIFY(openSampleAt(0));
        window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window()));
        m_asked.clear();
        ui::FileDialogs::setAnswerForTesting([this](const ui::FileDialogs::Request &request) {
            m_asked.append(request);
            return QString(); // cancelled
        });
    }

    void cleanup()
    {
        closeWindow();
        QCOMPARE(ambiguousShortcuts(), QStringList());
    }

    // Each area in each of its states: RACI and KPIs with a partnership that has a grid or
    // KPIs, and with one that has none yet (their start panels have buttons of their own).
    void everyShortcutHasOneOwnerInEveryArea_data()
    {
        QTest::addColumn<int>("area");
        QTest::addColumn<QString>("partner");
        QTest::newRow("candidates") << 0 << QString();
        QTest::newRow("raci") << 1 << u"Brightpath Consulting"_s;
        QTest::newRow("raci, no grid yet") << 1 << u"Fieldnote Media"_s;
        QTest::newRow("kpis") << 2 << u"Ledgerly"_s;
        QTest::newRow("kpis, none yet") << 2 << u"Quanta Forms"_s;
        QTest::newRow("proposal") << 3 << u"Ledgerly"_s;
        QTest::newRow("programme") << 4 << u"Ledgerly"_s;
    }

    void everyShortcutHasOneOwnerInEveryArea()
    {
        QFETCH(int, area);
        QFETCH(QString, partner);
        makeUndoAndRedoLive();
        showAreaByKey(area);
        if (!partner.isEmpty())
            QVERIFY(selectPartner(area, idOf(partner)));
        QApplication::processEvents();
        mainView(area)->setFocus();
        const QList<Claim> claims = liveClaims(window());
        QStringList listed, conflicts;
        for (qsizetype i = 0; i < claims.size(); ++i) {
            listed.append(describe(claims[i]));
            for (qsizetype j = i + 1; j < claims.size(); ++j) {
                if (claims[i].key == claims[j].key && claims[i].owner != claims[j].owner &&
                    overlap(claims[i], claims[j]))
                    conflicts.append(describe(claims[i]) + u" and "_s + describe(claims[j]));
            }
        }
        listed.sort();
        qInfo("%s, %lld shortcuts:\n  %s", QTest::currentDataTag(), qlonglong(listed.size()),
              qPrintable(listed.join(u"\n  "_s)));
        QVERIFY(listed.size() > 10);
        QVERIFY2(conflicts.isEmpty(), qPrintable(conflicts.join(u'\n')));
    }

    void pressingEveryShortcutWarnsOfNoAmbiguity()
    {
        QVERIFY(window()->raciPage()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        makeUndoAndRedoLive();
        for (int area = 0; area < kAreas; ++area) {
            showAreaByKey(area);
            QList<QKeySequence> keys;
            for (const Claim &claim : liveClaims(window())) {
                if (!keys.contains(claim.key))
                    keys.append(claim.key);
            }
            pressSilenced(keys, mainView(area));
            QVERIFY2(ambiguousShortcuts().isEmpty(),
                     qPrintable(u"area %1: "_s.arg(area) + ambiguousShortcuts().join(u'\n')));
            QCOMPARE(window()->currentArea(), area); // Ctrl+1…5 were silenced too
        }
        // Proof that the probe hears Qt: a second Ctrl+I, live in the whole window.
        auto *extra = new QAction(window());
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
        window()->addAction(extra);
        showAreaByKey(0);
        pressSilenced({QKeySequence(Qt::CTRL | Qt::Key_I)}, mainView(0));
        QCOMPARE(ambiguousShortcuts().size(), 1);
        clearShortcutWarnings();
        delete extra;
    }

    // Issue 21, item 1: Ctrl+I and Ctrl+E ask for a file in every area, for that area.
    void importAndExportKeysActOnTheAreaShown()
    {
        QVERIFY(window()->raciPage()->selectPartner(idOf(u"Brightpath Consulting"_s)));
        // The dialogs' titles, then the File menu's entries.
        const QList<std::pair<QString, QString>> expected{
            {u"Import Candidates"_s, u"Export Candidates"_s},
            {u"Import RACI Grid"_s, u"Export RACI Grid"_s},
            {u"Import KPI Values"_s, u"Export KPI Values"_s},
            {QString(), u"Export Proposal"_s},
            {u"Import Costs"_s, u"Export Programme Review"_s}};
        const QList<QStringList> menuEntries{
            {u"Import Candidates…"_s, u"Export Candidates…"_s},
            {u"Import RACI Grid…"_s, u"Export RACI Grid…"_s},
            {u"Import KPI Values…"_s, u"Export KPI Values…"_s, u"Export Chart…"_s},
            {u"Export Proposal PDF…"_s, u"Print Proposal…"_s},
            {u"Import Costs…"_s, u"Export Costs…"_s, u"Export Programme Review…"_s}};
        for (int area = 0; area < kAreas; ++area) {
            showAreaByKey(area);
            QWidget *view = mainView(area);
            view->setFocus();
            m_asked.clear();
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_I, Qt::ControlModifier);
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_E, Qt::ControlModifier);
            QStringList titles;
            for (const auto &request : std::as_const(m_asked))
                titles.append(request.title);
            QStringList wanted{expected[area].first, expected[area].second};
            wanted.removeAll(QString());
            QCOMPARE(titles, wanted);
            // And the File menu shows the area's own import and export.
            QStringList fileMenu;
            for (QAction *action : window()->menuBar()->actions().first()->menu()->actions())
                fileMenu.append(nameOf(action->text()));
            for (int other = 0; other < kAreas; ++other) {
                for (const QString &entry : menuEntries[other])
                    QVERIFY2(fileMenu.contains(entry) == (other == area),
                             qPrintable(fileMenu.join(u", "_s)));
            }
        }
    }

    // The accident: Ctrl+I on a name cell, then typing. Ctrl+I must open the
    // import (here, a scripted dialog the user cancels), never start editing the cell.
    void ctrlIOnANameCellChangesNothing()
    {
        auto *view = window()->candidatesPage()->view();
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, item::CandidateTableModel::NameColumn));
        const auto before = workbook()->candidates();
        QTest::keyClick(view, Qt::Key_I, Qt::ControlModifier);
        QCOMPARE(m_asked.size(), 1);
        QVERIFY(!view->findChild<QLineEdit *>()); // no cell editor was opened
        QCOMPARE(workbook()->candidates(), before);
    }
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
