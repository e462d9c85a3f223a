#pragma once

#include <QString>
#include <QVariant>

#include <cstdint>
#include <functional>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace pb::store {

// A thin RAII owner of one SQLite connection, used only inside models/store.
// The store speaks to SQLite through its C API directly (not Qt's QSQLITE driver) so that
// it gets exact error codes, open flags that never create or modify a file it only
// inspects, the defensive settings and the backup API, all from one SQLite library.
class SqliteDatabase
{
public:
    enum class Access { ReadOnly, ReadWrite, Create };

    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(SqliteDatabase &&other) noexcept;
    SqliteDatabase &operator=(SqliteDatabase &&other) noexcept;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens without following URIs; returns false and fills lastError() on failure.
    bool open(const QString &path, Access access);
    bool openInMemory();
    void close();
    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }

    // Runs one or more statements that return no rows.
    bool exec(const QString &sql);
    // Runs a statement and returns the first column of its first row (invalid if none).
    QVariant scalar(const QString &sql, bool *ok = nullptr);
    qint64 lastInsertId() const;

    // Run by every SqliteTransaction: afterBegin once it has begun, beforeCommit before it
    // commits; when one returns false the transaction is rolled back (the history's steps).
    using TransactionHook = std::function<bool()>;
    void setTransactionHooks(TransactionHook afterBegin, TransactionHook beforeCommit)
    {
        m_afterBegin = std::move(afterBegin);
        m_beforeCommit = std::move(beforeCommit);
    }

    int lastErrorCode() const { return m_lastCode; }
    QString lastError() const { return m_lastError; }
    void setErrorFromHandle();
    void setError(int code, const QString &message);

private:
    friend class SqliteTransaction;
    sqlite3 *m_db = nullptr;
    int m_lastCode = 0;
    QString m_lastError;
    TransactionHook m_afterBegin;
    TransactionHook m_beforeCommit;
};

// A prepared statement; bind by 1-based index, step, read columns by 0-based index.
class SqliteStatement
{
public:
    SqliteStatement(SqliteDatabase &db, const QString &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    void bind(int index, const QVariant &value);
    void bindText(int index, const QString &value);
    // Text that outlives the statement (string literals): bound without any copy.
    void bindStaticUtf8(int index, const char *text, int length);
    void bindInt(int index, std::int64_t value);
    void bindDouble(int index, double value);
    void bindNull(int index);

    // Returns true while a row is available; false at the end or on error (see ok()).
    bool step();
    bool ok() const { return m_ok; }
    // Executes to completion (for statements without rows).
    bool exec();
    void reset();

    QVariant value(int column) const;
    QString text(int column) const;
    // The column's UTF-8 bytes, valid until the next step: for comparing against ids
    // without building a QString.
    QByteArrayView utf8(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    SqliteDatabase &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
    std::vector<QByteArray> m_buffers; // text bound with SQLITE_STATIC, by parameter
};

// BEGIN IMMEDIATE ... COMMIT, rolled back unless commit() succeeds.
class SqliteTransaction
{
public:
    explicit SqliteTransaction(SqliteDatabase &db);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction &) = delete;
    SqliteTransaction &operator=(const SqliteTransaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();

private:
    SqliteDatabase &m_db;
    bool m_active = false;
};

} // namespace pb::store
