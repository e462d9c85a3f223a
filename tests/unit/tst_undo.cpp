// Undo and redo go through the store: each step is written to the file, merges repeated
// edits of one field, and drops edits that change nothing.
#include "TestFiles.h"
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace pb;
using pb::domain::SettingKey;
using pb::store::StoreError;
using pb::store::Workbook;

class TestUndo : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<Workbook> m_workbook;
    std::unique_ptr<item::WorkbookEditor> m_editor;

    // What another process would read from the file right now.
    QVariant onDisk(SettingKey key)
    {
        StoreError error;
        auto reader = Workbook::open(m_workbook->path(), {.readOnly = true}, &error);
        return reader ? reader->setting(key) : QVariant();
    }

private slots:
    void init()
    {
        StoreError error;
        m_workbook = Workbook::create(
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".playbook"_s),
            u"First"_s, &error);
        QVERIFY2(m_workbook, qPrintable(error.message));
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
    }

    void cleanup()
    {
        m_editor.reset();
        m_workbook.reset();
    }

    void undoRedoWriteThroughTheStore()
    {
        QSignalSpy changes(m_workbook->notifier(), &store::WorkbookNotifier::changed);
        QCOMPARE(m_editor->changeSettings({{SettingKey::Title, u"Second"_s}}), QString());
        QCOMPARE(onDisk(SettingKey::Title).toString(), u"Second"_s);
        QCOMPARE(m_editor->undoStack()->count(), 1);
        QCOMPARE(m_editor->undoStack()->undoText(), u"Change title"_s);

        m_editor->undoStack()->undo();
        QCOMPARE(m_workbook->setting(SettingKey::Title).toString(), u"First"_s);
        QCOMPARE(onDisk(SettingKey::Title).toString(), u"First"_s);

        m_editor->undoStack()->redo();
        QCOMPARE(onDisk(SettingKey::Title).toString(), u"Second"_s);
        QCOMPARE(changes.count(), 3);
    }

    void severalSettingsAreOneStep()
    {
        QCOMPARE(m_editor->changeSettings(
                     {{SettingKey::Owner, u"Maya"_s}, {SettingKey::Currency, u"gbp"_s}}),
                 QString());
        QCOMPARE(m_editor->undoStack()->count(), 1);
        QCOMPARE(onDisk(SettingKey::Currency).toString(), u"GBP"_s);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(SettingKey::Owner).toString(), QString());
        QCOMPARE(onDisk(SettingKey::Currency).toString(), u"USD"_s);
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk(SettingKey::Currency).toString(), u"GBP"_s);
    }

    void repeatedEditsMergeAndNoOpsDisappear()
    {
        QCOMPARE(m_editor->changeSettings({{SettingKey::WeightStrategicValue, 2.0}}), QString());
        QCOMPARE(m_editor->changeSettings({{SettingKey::WeightStrategicValue, 3.0}}), QString());
        QCOMPARE(m_editor->undoStack()->count(), 1);
        m_editor->undoStack()->undo();
        QCOMPARE(onDisk(SettingKey::WeightStrategicValue).toDouble(), 1.0);
        m_editor->undoStack()->redo();
        QCOMPARE(onDisk(SettingKey::WeightStrategicValue).toDouble(), 3.0);

        // Back where it began: the merged step vanishes.
        QCOMPARE(m_editor->changeSettings({{SettingKey::WeightStrategicValue, 1.0}}), QString());
        QCOMPARE(m_editor->undoStack()->count(), 0);
        // Setting what is already there makes no step at all.
        QCOMPARE(m_editor->changeSettings({{SettingKey::Title, u"First"_s}}), QString());
        QCOMPARE(m_editor->undoStack()->count(), 0);
    }

    void refusedEditsMakeNoStep()
    {
        const QString why = m_editor->changeSettings({{SettingKey::Currency, u"dollars"_s}});
        QVERIFY(why.contains(u"ISO 4217"_s));
        QCOMPARE(m_editor->undoStack()->count(), 0);
        QCOMPARE(onDisk(SettingKey::Currency).toString(), u"USD"_s);
    }

    void readOnlyWorkbookRefusesEdits()
    {
        const QString path = m_workbook->path();
        m_editor.reset();
        m_workbook.reset();
        StoreError error;
        m_workbook = Workbook::open(path, {.readOnly = true}, &error);
        QVERIFY(m_workbook);
        m_editor = std::make_unique<item::WorkbookEditor>(m_workbook.get());
        QVERIFY(
            m_editor->changeSettings({{SettingKey::Title, u"Nope"_s}}).contains(u"read-only"_s));
        QCOMPARE(m_editor->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUndo)
#include "tst_undo.moc"
