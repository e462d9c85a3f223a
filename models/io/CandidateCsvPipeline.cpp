#include "CandidateCsvPipeline.h"

#include "store/CandidateImporter.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

using pb::domain::CandidatePatch;

namespace pb::io {

namespace {

using store::PreparedCandidate;
using Batch = std::vector<PreparedCandidate>;

// A bounded hand-over of row batches from the parsing thread to the writing thread.
class BatchQueue
{
public:
    static constexpr std::size_t kBatch = 256;
    static constexpr std::size_t kMaxBatches = 8;

    void push(Batch &&batch)
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

    // The writer gave up (a store error, or cancelled): the parser stops handing rows.
    void abandon()
    {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_batches.clear();
        m_notFull.notify_all();
    }

    bool abandoned()
    {
        std::lock_guard lock(m_mutex);
        return m_abandoned;
    }

    // Written batches go back to the parsing thread to be freed there, off the writer's path.
    void recycle(Batch &&batch)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(batch));
    }

    std::deque<Batch> takeSpent()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_spent, {});
    }

    bool pop(Batch &batch)
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
    std::deque<Batch> m_batches;
    std::deque<Batch> m_spent;
    bool m_closed = false;
    bool m_abandoned = false;
};

CandidateCsvImport importCandidatesSheet(const QByteArray &bytes, const QString &fileLabel,
                                         store::CandidateImporter &importer, bool *storeFailed,
                                         const CandidateImportOptions &options)
{
    TableSource source = TableSource::read(bytes, fileLabel, options.sheetName);
    const qsizetype estimate = source.rows.size();
    bool cancelled = false;
    Batch batch;
    const auto write = [&] {
        *storeFailed = *storeFailed || !importer.add(batch);
        batch.clear();
        if (options.progress && !*storeFailed)
            cancelled = !options.progress(importer.rowsWritten(), estimate);
        return !*storeFailed && !cancelled;
    };
    CandidateCsvImport result = CandidateCsv::parse(source, [&](CandidatePatch &&patch) {
        batch.push_back(importer.prepare(std::move(patch)));
        return batch.size() < BatchQueue::kBatch || write();
    });
    if (!batch.empty() && result.errors.isEmpty() && !cancelled && !*storeFailed)
        write();
    result.cancelled = cancelled;
    importer.addRatings(result.ratings);
    return result;
}

// The parsing thread's work: read, check and prepare rows, handing them on in batches.
CandidateCsvImport parseIntoQueue(const QByteArray &bytes, const QString &fileLabel,
                                  const CandidateImportOptions &options,
                                  const store::CandidateImporter &importer, BatchQueue &queue)
{
    Batch batch;
    batch.reserve(BatchQueue::kBatch);
    CandidateCsvImport result = CandidateCsv::parse(
        bytes, fileLabel, options.separator,
        [&](CandidatePatch &&patch) {
            batch.push_back(importer.prepare(std::move(patch)));
            if (batch.size() == BatchQueue::kBatch) {
                queue.push(std::move(batch));
                queue.takeSpent(); // freed here
                batch = {};
                batch.reserve(BatchQueue::kBatch);
                return !queue.abandoned();
            }
            return true;
        },
        options.readUpTo);
    if (!batch.empty())
        queue.push(std::move(batch));
    return result;
}

} // namespace

CandidateCsvImport importCandidatesCsv(const QByteArray &bytes, const QString &fileLabel,
                                       store::CandidateImporter &importer, bool *storeFailed,
                                       const CandidateImportOptions &options)
{
    *storeFailed = false;
    if (options.separator.isNull() && TableSource::isSpreadsheet(fileLabel, bytes))
        return importCandidatesSheet(bytes, fileLabel, importer, storeFailed, options);
    BatchQueue queue;
    CandidateCsvImport result;
    std::exception_ptr parserFailure;
    std::thread parser([&] {
        try {
            result = parseIntoQueue(bytes, fileLabel, options, importer, queue);
        } catch (...) {
            parserFailure = std::current_exception();
        }
        queue.close();
    });
    const qsizetype estimate = options.progress ? CsvReader::lineFeeds(bytes) : 0;
    bool cancelled = false;
    // The store is used from this thread only. Whatever happens here, the parser is
    // released and joined before leaving (a joinable thread must never be destroyed).
    try {
        Batch batch;
        while (!cancelled && !*storeFailed && queue.pop(batch)) {
            if (!importer.add(batch))
                *storeFailed = true;
            queue.recycle(std::move(batch));
            batch = {};
            if (options.progress && !*storeFailed)
                cancelled = !options.progress(importer.rowsWritten(), estimate);
        }
    } catch (...) {
        queue.abandon();
        parser.join();
        throw;
    }
    if (cancelled || *storeFailed)
        queue.abandon();
    parser.join();
    if (parserFailure)
        std::rethrow_exception(parserFailure);
    result.cancelled = cancelled;
    importer.addRatings(result.ratings);
    return result;
}

} // namespace pb::io
