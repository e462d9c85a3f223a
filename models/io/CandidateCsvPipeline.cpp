#include "CandidateCsvPipeline.h"

#include "store/CandidateImporter.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

using pb::domain::CandidatePatch;

namespace pb::io {

namespace {

// A bounded hand-over of row batches from the parsing thread to the writing thread.
class BatchQueue
{
public:
    static constexpr std::size_t kBatch = 512;
    static constexpr std::size_t kMaxBatches = 8;

    void push(std::vector<CandidatePatch> &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [this] { return m_batches.size() < kMaxBatches || m_abandoned; });
        if (m_abandoned)
            return;
        m_batches.push_back(std::move(batch));
        m_notEmpty.notify_one();
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_notEmpty.notify_one();
    }

    // The writer gave up (store error): the parser keeps checking rows but stops handing.
    void abandon()
    {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_batches.clear();
        m_notFull.notify_all();
    }

    bool pop(std::vector<CandidatePatch> &batch)
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [this] { return !m_batches.empty() || m_closed; });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_notFull.notify_one();
        return true;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_notEmpty;
    std::condition_variable m_notFull;
    std::deque<std::vector<CandidatePatch>> m_batches;
    bool m_closed = false;
    bool m_abandoned = false;
};

} // namespace

namespace {

CandidateCsvImport importCandidatesSheet(const QByteArray &bytes, const QString &fileLabel,
                                         const QString &sheetName,
                                         store::CandidateImporter &importer, bool *storeFailed)
{
    TableSource source = TableSource::read(bytes, fileLabel, sheetName);
    return CandidateCsv::parse(source, [&](CandidatePatch &&patch) {
        if (!*storeFailed && !importer.add(patch))
            *storeFailed = true;
    });
}

} // namespace

CandidateCsvImport importCandidatesCsv(const QByteArray &bytes, const QString &fileLabel,
                                       store::CandidateImporter &importer, bool *storeFailed,
                                       const QString &sheetName)
{
    *storeFailed = false;
    if (TableSource::isSpreadsheet(fileLabel, bytes))
        return importCandidatesSheet(bytes, fileLabel, sheetName, importer, storeFailed);
    BatchQueue queue;
    CandidateCsvImport result;
    std::exception_ptr parserFailure;
    std::thread parser([&] {
        try {
            std::vector<CandidatePatch> batch;
            batch.reserve(BatchQueue::kBatch);
            result = CandidateCsv::parse(bytes, fileLabel, QChar(), [&](CandidatePatch &&patch) {
                batch.push_back(std::move(patch));
                if (batch.size() == BatchQueue::kBatch) {
                    queue.push(std::move(batch));
                    batch = {};
                    batch.reserve(BatchQueue::kBatch);
                }
            });
            if (!batch.empty())
                queue.push(std::move(batch));
        } catch (...) {
            parserFailure = std::current_exception();
        }
        queue.close();
    });
    // The store is used from this thread only. Whatever happens here, the parser is
    // released and joined before leaving (a joinable thread must never be destroyed).
    try {
        std::vector<CandidatePatch> batch;
        while (queue.pop(batch)) {
            for (const CandidatePatch &patch : batch) {
                if (!importer.add(patch)) {
                    *storeFailed = true;
                    queue.abandon();
                    break;
                }
            }
        }
    } catch (...) {
        queue.abandon();
        parser.join();
        throw;
    }
    parser.join();
    if (parserFailure)
        std::rethrow_exception(parserFailure);
    return result;
}

} // namespace pb::io
