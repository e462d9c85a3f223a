#include "SqliteDatabase.h"

#include <QFile>
#include <QStringEncoder>

#include <sqlite3.h>

#include <mutex>
#include <utility>

using namespace Qt::StringLiterals;

namespace pb::store {

SqliteDatabase::~SqliteDatabase()
{
    close();
}

SqliteDatabase::SqliteDatabase(SqliteDatabase &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_lastCode(other.m_lastCode)
    , m_lastError(std::move(other.m_lastError))
{}

SqliteDatabase &SqliteDatabase::operator=(SqliteDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_lastCode = other.m_lastCode;
        m_lastError = std::move(other.m_lastError);
    }
    return *this;
}

static void applyDefensiveSettings(sqlite3 *db)
{
    // A workbook is data, never code: no extensions, no schema-defined functions in
    // views or triggers, no writable_schema tricks.
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_extended_result_codes(db, 1);
}

// Process-wide settings, made once before SQLite starts. Statement journals stay in memory:
// the history's triggers make every insert a "multi-write" statement, whose journal SQLite
// otherwise spills to a temporary file past 64 KiB — an import of 100,000 rows then wrote
// 220,000 times instead of 5,600 (a statement journal holds only the pages that one
// statement changes, so memory stays small).
static void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1); });
}

bool SqliteDatabase::open(const QString &path, Access access)
{
    configureSqliteOnce();
    close();
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (access) {
    case Access::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Access::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Access::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const QByteArray name = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(name.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        setErrorFromHandle();
        if (m_lastCode == 0)
            setError(rc, QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    applyDefensiveSettings(m_db);
    sqlite3_busy_timeout(m_db, 3000);
    return true;
}

bool SqliteDatabase::openInMemory()
{
    configureSqliteOnce();
    close();
    if (sqlite3_open_v2(":memory:", &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) !=
        SQLITE_OK) {
        setErrorFromHandle();
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    applyDefensiveSettings(m_db);
    return true;
}

void SqliteDatabase::close()
{
    if (m_db) {
        // Every statement is owned by an SqliteStatement on the stack, so none is left.
        sqlite3_close(m_db);
        m_db = nullptr;
    }
}

bool SqliteDatabase::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        setError(sqlite3_extended_errcode(m_db),
                 message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

QVariant SqliteDatabase::scalar(const QString &sql, bool *ok)
{
    SqliteStatement statement(*this, sql);
    QVariant result;
    if (statement.isValid() && statement.step())
        result = statement.value(0);
    if (ok)
        *ok = statement.isValid() && statement.ok();
    return result;
}

qint64 SqliteDatabase::lastInsertId() const
{
    return qint64(sqlite3_last_insert_rowid(m_db));
}

void SqliteDatabase::setErrorFromHandle()
{
    if (!m_db) {
        setError(SQLITE_NOMEM, u"out of memory"_s);
        return;
    }
    setError(sqlite3_extended_errcode(m_db), QString::fromUtf8(sqlite3_errmsg(m_db)));
}

void SqliteDatabase::setError(int code, const QString &message)
{
    m_lastCode = code;
    m_lastError = message;
}

// --- SqliteStatement -------------------------------------------------------------------

SqliteStatement::SqliteStatement(SqliteDatabase &db, const QString &sql)
    : m_db(db)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db.handle(), utf8.constData(), int(utf8.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        m_db.setErrorFromHandle();
        m_stmt = nullptr;
        m_ok = false;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::bind(int index, const QVariant &value)
{
    if (value.isNull() || !value.isValid()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Bool:
        bindInt(index, value.toLongLong());
        break;
    case QMetaType::Double:
        sqlite3_bind_double(m_stmt, index, value.toDouble());
        break;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_TRANSIENT);
        break;
    }
    default:
        bindText(index, value.toString());
    }
}

void SqliteStatement::bindText(int index, const QString &value)
{
    // Qt's UTF-8 encoder is much faster than SQLite's UTF-16 translation. Each parameter
    // keeps its own buffer, reused from row to row, so a bulk import neither allocates
    // per field nor makes SQLite copy the text.
    if (index < 1)
        return;
    if (m_buffers.size() < std::size_t(index))
        m_buffers.resize(std::size_t(index));
    QByteArray &buffer = m_buffers[std::size_t(index) - 1];
    const qsizetype worst = value.size() * 3;
    if (buffer.capacity() < worst)
        buffer.reserve(worst);
    buffer.resize(worst);
    QStringEncoder encoder(QStringEncoder::Utf8);
    char *end = encoder.appendToBuffer(buffer.data(), value);
    const int length = int(end - buffer.constData());
    sqlite3_bind_text(m_stmt, index, length ? buffer.constData() : "", length, SQLITE_STATIC);
}

void SqliteStatement::bindStaticUtf8(int index, const char *text, int length)
{
    sqlite3_bind_text(m_stmt, index, text, length, SQLITE_STATIC);
}

void SqliteStatement::bindInt(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt, index, sqlite3_int64(value));
}

void SqliteStatement::bindDouble(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

bool SqliteStatement::step()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_ok = false;
        m_db.setErrorFromHandle();
    }
    return false;
}

bool SqliteStatement::exec()
{
    while (step()) {
    }
    return m_ok;
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_ok = m_stmt != nullptr;
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant::fromValue(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_stmt, column);
    case SQLITE_TEXT:
        return text(column);
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
        return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
    }
    default:
        return {};
    }
}

QString SqliteStatement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView SqliteStatement::utf8(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QByteArrayView(data, sqlite3_column_bytes(m_stmt, column));
}

std::int64_t SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// --- SqliteTransaction -----------------------------------------------------------------

SqliteTransaction::SqliteTransaction(SqliteDatabase &db)
    : m_db(db)
{
    m_active = m_db.exec(u"BEGIN IMMEDIATE"_s);
    if (m_active && m_db.m_afterBegin && !m_db.m_afterBegin()) {
        m_db.setErrorFromHandle();
        sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
        m_active = false;
    }
}

SqliteTransaction::~SqliteTransaction()
{
    if (!m_active)
        return;
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    // After an I/O error (a full disk) SQLite leaves the rollback journal "hot" and the
    // database file possibly grown or with changed pages until the next read plays the
    // journal back. Read now: the file is restored at once, not when the workbook is next
    // opened (or, if someone copies it without its journal, never).
    sqlite3_exec(m_db.handle(), "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
}

bool SqliteTransaction::commit()
{
    if (!m_active)
        return false;
    if (m_db.m_beforeCommit && !m_db.m_beforeCommit()) {
        m_db.setErrorFromHandle();
        return false;
    }
    if (!m_db.exec(u"COMMIT"_s)) {
        // A failed COMMIT (disk full, I/O error) leaves the transaction open; roll it back
        // so the workbook stays as it was before the edit.
        return false;
    }
    m_active = false;
    return true;
}

} // namespace pb::store
