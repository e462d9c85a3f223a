#pragma once

#include <QByteArray>
#include <QStringView>

#include <vector>

namespace pb::io {

// Where each key of a file was first met, to refuse its duplicates with both lines. Kept
// compact for imports of a million rows: the keys as UTF-8 in one buffer and a small open
// hash table over them (about 40 bytes a key, against some 120 for a QHash of QStrings).
class FirstLines
{
public:
    // The line on which key was met before, or 0 after remembering it at line (> 0).
    int insert(QStringView key, int line);
    qsizetype size() const { return m_count; }

private:
    struct Slot
    {
        quint32 hash = 0;
        quint32 offset = 0; // of the key's length-prefixed UTF-8 in m_keys
        qint32 line = 0;    // 0: empty
    };
    QByteArrayView keyAt(quint32 offset) const;
    void grow();

    QByteArray m_keys;
    std::vector<Slot> m_slots;
    qsizetype m_count = 0;
    QByteArray m_probe; // the key being looked up, as UTF-8
};

} // namespace pb::io
