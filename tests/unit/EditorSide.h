#pragma once

// One colleague's copy of a workbook in a test: the workbook opened for editing under an
// author's name, and the editor its edits go through (the merge and raters tests).
#include "item/WorkbookEditor.h"
#include "store/Workbook.h"

#include <memory>

namespace pb::test {

struct EditorSide
{
    std::unique_ptr<store::Workbook> workbook;
    std::unique_ptr<item::WorkbookEditor> editor;

    // Opens path as author; workbook stays null when it cannot be opened.
    static EditorSide open(const QString &path, const QString &author)
    {
        EditorSide side;
        store::StoreError error;
        side.workbook = store::Workbook::open(path, {}, &error);
        if (side.workbook) {
            side.workbook->setAuthor(author);
            side.editor = std::make_unique<item::WorkbookEditor>(side.workbook.get());
        }
        return side;
    }
    qint64 id(const QString &name) const { return workbook->candidateIdByName(name).value_or(0); }
    domain::Candidate candidate(const QString &name) const { return *workbook->candidate(id(name)); }
    QString set(const QString &name, domain::CandidateField field, const QVariant &value)
    {
        return editor->changeCandidateField(id(name), field, value);
    }
};

} // namespace pb::test
