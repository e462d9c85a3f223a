#include "FirstLines.h"

#include <QHashFunctions>
#include <QStringEncoder>

#include <cstring>

namespace pb::io {

namespace {
constexpr int kPrefix = int(sizeof(quint32));
}

QByteArrayView FirstLines::keyAt(quint32 offset) const
{
    quint32 length = 0;
    std::memcpy(&length, m_keys.constData() + offset, kPrefix);
    return QByteArrayView(m_keys.constData() + offset + kPrefix, length);
}

void FirstLines::grow()
{
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.line == 0)
            continue;
        std::size_t at = slot.hash & mask;
        while (m_slots[at].line != 0)
            at = (at + 1) & mask;
        m_slots[at] = slot;
    }
}

int FirstLines::insert(QStringView key, int line)
{
    m_probe.resize(key.size() * 3);
    char *end = QStringEncoder(QStringEncoder::Utf8).appendToBuffer(m_probe.data(), key);
    const QByteArrayView probe(m_probe.constData(), end - m_probe.constData());
    if (std::size_t(m_count + 1) * 2 > m_slots.size())
        grow();
    const auto hash = quint32(qHash(probe));
    const std::size_t mask = m_slots.size() - 1;
    std::size_t at = hash & mask;
    for (; m_slots[at].line != 0; at = (at + 1) & mask) {
        if (m_slots[at].hash == hash && keyAt(m_slots[at].offset) == probe)
            return m_slots[at].line;
    }
    const auto offset = quint32(m_keys.size());
    const auto length = quint32(probe.size());
    m_keys.append(reinterpret_cast<const char *>(&length), kPrefix);
    m_keys.append(probe.data(), probe.size());
    m_slots[at] = {hash, offset, line};
    ++m_count;
    return 0;
}

} // namespace pb::io
