#include "InputFile.h"

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace pb::io {

namespace {
constexpr qsizetype kReleaseStep = 8 * 1024 * 1024;
}

bool InputFile::open(const QString &path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return false;
    const qint64 size = m_file.size();
    uchar *mapped = size > 0 ? m_file.map(0, size) : nullptr;
    m_mapped = mapped != nullptr;
    m_bytes = m_mapped ? QByteArray::fromRawData(reinterpret_cast<const char *>(mapped), size)
                       : m_file.readAll();
    return true;
}

void InputFile::releaseBefore(qsizetype offset)
{
    const qsizetype released = m_released.load(std::memory_order_relaxed);
    if (!m_mapped || offset - released < kReleaseStep)
        return;
#ifdef Q_OS_LINUX
    // A read-only file mapping: dropped pages are read again from the file if ever touched.
    const qsizetype page = qsizetype(sysconf(_SC_PAGESIZE));
    const qsizetype end = offset / page * page;
    if (end > released)
        madvise(const_cast<char *>(m_bytes.constData()) + released, std::size_t(end - released),
                MADV_DONTNEED);
    m_released.store(end, std::memory_order_relaxed);
#endif
}

} // namespace pb::io
