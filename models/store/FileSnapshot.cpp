#include "FileSnapshot.h"

#include "SqliteDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

using namespace Qt::StringLiterals;

namespace pb::store::snapshot {

bool copyInto(SqliteDatabase &source, SqliteDatabase &destination, QString *error)
{
    sqlite3_backup *backup =
        sqlite3_backup_init(destination.handle(), "main", source.handle(), "main");
    if (!backup) {
        destination.setErrorFromHandle();
        *error = destination.lastError();
        return false;
    }
    const int stepCode = sqlite3_backup_step(backup, -1);
    const int finishCode = sqlite3_backup_finish(backup);
    if (stepCode != SQLITE_DONE || finishCode != SQLITE_OK) {
        destination.setErrorFromHandle();
        *error = destination.lastError();
        return false;
    }
    return true;
}

static void removeTemporary(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + u"-journal"_s);
}

bool writeFile(SqliteDatabase &source, const QString &target, QString *error, int *sqliteCode)
{
    const QString temporary = temporarySibling(target, u"copy"_s);
    bool ok = false;
    {
        // SQLite creates the file, so it gets the same permissions as any new document.
        SqliteDatabase copy;
        ok = copy.open(temporary, SqliteDatabase::Access::Create) &&
             copy.exec(u"PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;"_s) &&
             copyInto(source, copy, error);
        if (ok) {
            const QString check = copy.scalar(u"PRAGMA quick_check"_s).toString();
            if (check != u"ok") {
                *error = QCoreApplication::translate("Workbook", "the copy failed its check (%1)")
                             .arg(check);
                ok = false;
            }
        } else if (error->isEmpty()) {
            *error = copy.lastError();
        }
        if (sqliteCode)
            *sqliteCode = copy.lastErrorCode();
    }
    if (ok)
        ok = replaceFile(temporary, target, error);
    if (!ok)
        removeTemporary(temporary);
    return ok;
}

QString temporarySibling(const QString &target, const QString &tag)
{
    const QFileInfo info(target);
    return info.absoluteDir().filePath(u".%1.%2-%3.tmp"_s.arg(
        info.fileName(), tag, QString::number(QRandomGenerator::global()->generate64(), 36)));
}

bool replaceFile(const QString &source, const QString &target, QString *error)
{
    std::error_code code;
    std::filesystem::rename(std::filesystem::path(source.toStdU16String()),
                            std::filesystem::path(target.toStdU16String()), code);
    if (code) {
        *error = QString::fromLocal8Bit(code.message());
        return false;
    }
    return true;
}

} // namespace pb::store::snapshot
