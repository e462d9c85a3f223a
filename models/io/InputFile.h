#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <atomic>

namespace pb::io {

// A file read for an import: mapped, not copied into memory, and the pages already read
// let go as reading goes on (releaseBefore), so importing a million rows does not keep a
// 200 MB file resident. The one platform-specific call (POSIX madvise) is guarded here;
// elsewhere releasing does nothing and the system pages the file out by itself.
class InputFile
{
public:
    // False with errorString() when the file cannot be read.
    bool open(const QString &path);
    QString errorString() const { return m_file.errorString(); }
    // The file's bytes: the mapping, or (when it cannot be mapped) a copy.
    const QByteArray &bytes() const { return m_bytes; }
    // Reading has passed offset and will not come back: the pages before it may go.
    // Called from the parsing thread; acts every few megabytes.
    void releaseBefore(qsizetype offset);

private:
    QFile m_file;
    QByteArray m_bytes;
    bool m_mapped = false;
    std::atomic<qsizetype> m_released = 0;
};

} // namespace pb::io
