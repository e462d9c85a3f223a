#pragma once

#include <QCoreApplication>
#include <QString>

namespace pb::store {

// The rollback journal a crash leaves beside a workbook (NAME-journal), read without SQLite
// before anything plays it back. SQLite trusts a journal by its name alone, so a journal
// that does not belong to this workbook (left from another file, or damaged) would be
// written into it: it is recognised here and refused. Belonging is checked from what a
// journal carries: its header (magic, page size, sector size), each page record's checksum,
// and the copy of page 1 that every write transaction journals (our application_id, and the
// change counter the workbook had or has just moved on from).
class HotJournal
{
    Q_DECLARE_TR_FUNCTIONS(HotJournal)
public:
    enum class State {
        None,    // no journal, an empty one, or one with a zeroed header (nothing to undo)
        Hot,     // an unfinished change of this workbook, to be rolled back
        Foreign, // a journal that does not belong to this workbook
        Damaged, // not a readable journal
    };

    static QString pathFor(const QString &workbookPath)
    {
        return workbookPath + QStringLiteral("-journal");
    }
    // Looks at the journal beside workbookPath; *reason says why for Foreign and Damaged.
    static State inspect(const QString &workbookPath, QString *reason = nullptr);
};

} // namespace pb::store
