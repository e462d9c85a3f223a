#include "Schema.h"

#include "SqliteDatabase.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

using namespace Qt::StringLiterals;

namespace pb::store::schema {

namespace {

// 7: exclusivity is a number of months, the explicit 'open-ended', or empty for "not
// stated"; an empty value stored by an earlier version meant open-ended, so it
// becomes 'open-ended'. Whether exclusivity is gated on the success metrics (issue
// 13). STRICT columns cannot change type in place: the table is rebuilt.
QString proposalsWithNamedExclusivity()
{
    return uR"sql(
CREATE TABLE proposals_v7 (
    partnership_id         INTEGER PRIMARY KEY REFERENCES partnerships(id) ON DELETE CASCADE,
    title                  TEXT NOT NULL DEFAULT '',
    hypothesis             TEXT NOT NULL DEFAULT '',
    our_contacts           TEXT NOT NULL DEFAULT '',
    partner_contacts       TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    rev_share_pct          REAL CHECK (rev_share_pct BETWEEN 0 AND 100),
    referral_fee           REAL CHECK (referral_fee >= 0),
    reseller_margin_pct    REAL CHECK (reseller_margin_pct BETWEEN 0 AND 100),
    mdf_budget             REAL CHECK (mdf_budget >= 0),
    exclusivity_months     ANY DEFAULT 0 CHECK (exclusivity_months IS NULL
                               OR exclusivity_months = 'open-ended'
                               OR (typeof(exclusivity_months) = 'integer'
                                   AND exclusivity_months >= 0)),
    deal_registration_days INTEGER CHECK (deal_registration_days >= 0),
    term_months            INTEGER CHECK (term_months >= 0),
    notice_days            INTEGER CHECK (notice_days >= 0),
    payment_terms          TEXT NOT NULL DEFAULT '',
    first_year_cap         INTEGER NOT NULL DEFAULT 0 CHECK (first_year_cap IN (0, 1)),
    exclusivity_gated      INTEGER NOT NULL DEFAULT 0 CHECK (exclusivity_gated IN (0, 1))
) STRICT;
INSERT INTO proposals_v7 (partnership_id, title, hypothesis, our_contacts, partner_contacts,
    notes, rev_share_pct, referral_fee, reseller_margin_pct, mdf_budget, exclusivity_months,
    deal_registration_days, term_months, notice_days, payment_terms, first_year_cap)
SELECT partnership_id, title, hypothesis, our_contacts, partner_contacts, notes,
    rev_share_pct, referral_fee, reseller_margin_pct, mdf_budget,
    coalesce(exclusivity_months, 'open-ended'), deal_registration_days, term_months,
    notice_days, payment_terms, first_year_cap
FROM proposals;
DROP TABLE proposals;
ALTER TABLE proposals_v7 RENAME TO proposals;
)sql"_s;
}

// 8: the qualification judgment on each candidate (issue 14): the vetting answers, the
// structure chooser's answers and the territory, named as the candidates CSV names them.
// Empty is not known. The choices are checked here, so only ids the app knows are stored.
QString candidatesWithQualification()
{
    QString sql;
    // "x = '' OR x = 'yes' OR …" rather than "x IN (…)": SQLite builds a table for an IN
    // list at every row checked, which made a 100,000-row import three times slower.
    const auto choice = [&sql](const char16_t *column, const char16_t *ids) {
        QString check = u"%1 = ''"_s.arg(QStringView(column));
        for (const QString &id : QString::fromUtf16(ids).split(u", "_s))
            check += u" OR %1 = %2"_s.arg(QStringView(column), id);
        sql += u"ALTER TABLE candidates ADD COLUMN %1 TEXT NOT NULL DEFAULT '' CHECK (%2);\n"_s.arg(
            QStringView(column), check);
    };
    const auto text = [&sql](const char16_t *column) {
        sql += u"ALTER TABLE candidates ADD COLUMN %1 TEXT NOT NULL DEFAULT '';\n"_s.arg(
            QStringView(column));
    };
    const char16_t *yesNo = u"'yes', 'no'";
    choice(u"competes", u"'no', 'partly', 'yes'");
    choice(u"partner_programme", yesNo);
    sql += u"ALTER TABLE candidates ADD COLUMN integration_partners INTEGER "
           u"CHECK (integration_partners >= 0);\n"_s;
    choice(u"customer_base", u"'smb', 'mid-market', 'enterprise'");
    choice(u"icp_match", u"'yes', 'partly', 'no'");
    choice(u"can_sell", yesNo);
    choice(u"relative_size", u"'smaller', 'similar', 'much-bigger'");
    text(u"motivations");
    choice(u"incentive_aligned", yesNo);
    choice(u"exploratory", yesNo);
    text(u"joint_motion");
    text(u"internal_champion");
    text(u"success_90_days");
    for (const char16_t *column : {u"new_to_market", u"product_market_fit", u"can_fund_enablement",
                                   u"track_record", u"needs_engineering", u"long_term"})
        choice(column, yesNo);
    choice(u"partner_role", u"'refer', 'sell', 'sell-and-deliver'");
    choice(u"gtm_stage", u"'early', 'growth', 'mature'");
    text(u"territory");
    return sql;
}

// 9: the programme (issue 16). When each candidate entered its stage: a trigger records every
// change of the stage column, whichever write path made it (an edit, an import, a
// retrospective); a change undone on the day it was made leaves no trace, so that undo does
// not restart the clock. A candidate with no row has been in its stage since it was created.
// Monthly costs per partnership and category (time in hours), and the programme's own
// monthly totals of new pipeline and new ARR.
QString programmeTables()
{
    return uR"sql(
CREATE TABLE stage_changes (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    from_stage   TEXT,
    to_stage     TEXT NOT NULL,
    changed_on   TEXT NOT NULL CHECK (length(changed_on) = 10)
) STRICT;
CREATE INDEX stage_changes_by_candidate ON stage_changes(candidate_id, changed_on, id);

CREATE TRIGGER candidates_stage_changed AFTER UPDATE OF stage ON candidates
WHEN old.stage IS NOT new.stage
BEGIN
    INSERT INTO stage_changes(candidate_id, from_stage, to_stage, changed_on)
    SELECT new.id, old.stage, new.stage, date('now', 'localtime')
    WHERE NOT EXISTS (SELECT 1 FROM (SELECT from_stage, to_stage, changed_on FROM stage_changes
                                     WHERE candidate_id = new.id
                                     ORDER BY changed_on DESC, id DESC LIMIT 1) AS latest
                      WHERE latest.from_stage = new.stage AND latest.to_stage = old.stage
                        AND latest.changed_on = date('now', 'localtime'));
    DELETE FROM stage_changes
    WHERE id = (SELECT id FROM stage_changes WHERE candidate_id = new.id
                ORDER BY changed_on DESC, id DESC LIMIT 1)
      AND from_stage = new.stage AND to_stage = old.stage
      AND changed_on = date('now', 'localtime');
END;

CREATE TABLE costs (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    month          TEXT NOT NULL CHECK (length(month) = 7),
    category       TEXT NOT NULL CHECK (category IN ('time', 'tools', 'commissions', 'support')),
    amount         REAL NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (partnership_id, month, category)
) STRICT, WITHOUT ROWID;

CREATE TABLE programme_inputs (
    month    TEXT PRIMARY KEY NOT NULL CHECK (length(month) = 7),
    pipeline REAL CHECK (pipeline >= 0),
    new_arr  REAL CHECK (new_arr >= 0)
) STRICT, WITHOUT ROWID;
)sql"_s;
}

// 10: from proposal to exit (issue 15): the contract's traps as terms, the retrospective's
// three questions on a review, and each partnership's checklists (contract essentials,
// enablement kit, exit) keyed by their stable item keys.
QString lifecycleTables()
{
    return uR"sql(
ALTER TABLE proposals ADD COLUMN mfn_clause INTEGER NOT NULL DEFAULT 0
    CHECK (mfn_clause IN (0, 1));
ALTER TABLE proposals ADD COLUMN renewal_tied INTEGER NOT NULL DEFAULT 0
    CHECK (renewal_tied IN (0, 1));
ALTER TABLE proposals ADD COLUMN renewal_arr_threshold REAL DEFAULT 50000
    CHECK (renewal_arr_threshold >= 0);
ALTER TABLE proposals ADD COLUMN written_agreement_refused INTEGER NOT NULL DEFAULT 0
    CHECK (written_agreement_refused IN (0, 1));

ALTER TABLE reviews ADD COLUMN worked TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN did_not_work TEXT NOT NULL DEFAULT '';
ALTER TABLE reviews ADD COLUMN to_change TEXT NOT NULL DEFAULT '';

CREATE TABLE checklist_items (
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('contract', 'enablement', 'exit')),
    item           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('open', 'agreed', 'n/a', 'not-needed',
                                                   'planned', 'ready', 'delivered', 'done')),
    item_date      TEXT,
    note           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (partnership_id, kind, item)
) STRICT, WITHOUT ROWID;
)sql"_s;
}

// 11: a team's workbook (issue 17). The workbook's identity, the same in every copy of it
// (a copy, e-mailed or saved with Save a Copy, is of the same lineage; a new workbook is
// not). Every record with a row number gets a random 128-bit id that stays the same in
// every copy, so records added in two copies never share a key; row numbers stay the
// file's own, fast keys for joins. The ids are not indexed: 128 random bits do not collide,
// nothing looks a record up by its id on an edit, and an index of random keys made a
// 100,000-row import a third slower (a merge reads them all at once instead). Records that belong to others (RACI cells, KPI values,
// terms, checklist items, costs) are named by their owners' ids and their natural keys.
// The history: one step per edit (when, who, what kind, its label), and each step's
// changes by record and field. The connection fills in ids and records changes with
// temporary triggers (store/History.cpp), so a version that knows nothing of them writes
// nothing here.
QString identitiesAndHistory()
{
    QString sql = uR"sql(
CREATE TABLE lineage (
    id BLOB NOT NULL CHECK (length(id) = 16)
) STRICT;
INSERT INTO lineage(id) VALUES (randomblob(16));

CREATE TABLE history_steps (
    seq     INTEGER PRIMARY KEY,
    id      BLOB NOT NULL UNIQUE CHECK (length(id) = 16),
    made_at TEXT NOT NULL,
    author  TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('edit', 'undo', 'redo', 'import', 'merge', 'revert')),
    label   TEXT NOT NULL DEFAULT '',
    origin  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX history_steps_by_time ON history_steps(made_at);

CREATE TABLE history_changes (
    step   INTEGER NOT NULL REFERENCES history_steps(seq) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    record BLOB NOT NULL,
    owner  BLOB,
    field  TEXT NOT NULL DEFAULT '',
    op     TEXT NOT NULL CHECK (op IN ('add', 'change', 'remove')),
    before ANY,
    after  ANY
) STRICT;
CREATE INDEX history_changes_by_step ON history_changes(step);
-- The records removed, by table: the names of removed candidates the history shows.
CREATE INDEX history_changes_removed ON history_changes(entity) WHERE op = 'remove';
)sql"_s;
    for (const char16_t *table : {u"candidates", u"partnerships", u"kpis", u"raci_parties",
                                  u"raci_activities", u"reviews"}) {
        const QStringView name(table);
        sql += u"ALTER TABLE %1 ADD COLUMN uid BLOB CHECK (uid IS NULL OR length(uid) = 16);\n"
               u"UPDATE %1 SET uid = randomblob(16);\n"_s.arg(name);
    }
    return sql;
}

// 1: workbook settings and the candidate list (issue 2).
QString settingsAndCandidates()
{
    return uR"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value ANY
) STRICT, WITHOUT ROWID;

CREATE TABLE candidates (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    name_key            TEXT NOT NULL UNIQUE,
    website             TEXT NOT NULL DEFAULT '',
    structure           TEXT NOT NULL DEFAULT '',
    audience_overlap    INTEGER CHECK (audience_overlap BETWEEN 1 AND 5),
    strategic_value     INTEGER CHECK (strategic_value BETWEEN 1 AND 5),
    ease_of_integration INTEGER CHECK (ease_of_integration BETWEEN 1 AND 5),
    stage               TEXT NOT NULL DEFAULT 'sourced',
    owner               TEXT NOT NULL DEFAULT '',
    revenue_theory      TEXT NOT NULL DEFAULT '',
    their_customer      TEXT NOT NULL DEFAULT '',
    shared_pain         TEXT NOT NULL DEFAULT '',
    champion            TEXT NOT NULL DEFAULT '',
    readiness           TEXT NOT NULL DEFAULT '?????',
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at          TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
) STRICT;
)sql"_s;
}

// 2: partnerships (candidates taken forward) and their KPI definitions (issue 2).
QString partnershipsAndKpis()
{
    return uR"sql(
CREATE TABLE partnerships (
    id           INTEGER PRIMARY KEY,
    candidate_id INTEGER NOT NULL UNIQUE REFERENCES candidates(id) ON DELETE CASCADE,
    pilot_start  TEXT,
    pilot_days   INTEGER NOT NULL DEFAULT 90 CHECK (pilot_days > 0),
    created_at   TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
) STRICT;

CREATE TABLE kpis (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    unit           TEXT NOT NULL DEFAULT 'count',
    direction      TEXT NOT NULL DEFAULT 'higher',
    target         REAL,
    baseline       REAL
) STRICT;
CREATE INDEX kpis_by_partnership ON kpis(partnership_id, position);
)sql"_s;
}

// 3: the RACI grid of each partnership (issue 4).
QString raciGrids()
{
    return uR"sql(
CREATE TABLE raci_parties (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    side           TEXT NOT NULL CHECK (side IN ('ours', 'partner'))
) STRICT;
CREATE INDEX raci_parties_by_partnership ON raci_parties(partnership_id, position);

CREATE TABLE raci_activities (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL
) STRICT;
CREATE INDEX raci_activities_by_partnership ON raci_activities(partnership_id, position);

CREATE TABLE raci_cells (
    activity_id INTEGER NOT NULL REFERENCES raci_activities(id) ON DELETE CASCADE,
    party_id    INTEGER NOT NULL REFERENCES raci_parties(id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I', 'A/R')),
    PRIMARY KEY (activity_id, party_id)
) STRICT, WITHOUT ROWID;
)sql"_s;
}

// 4: the KPI tracker: what each KPI measures, its values per period, reviews (issue 5).
QString kpiTracker()
{
    return uR"sql(
ALTER TABLE kpis ADD COLUMN metric TEXT NOT NULL DEFAULT '';

CREATE TABLE kpi_values (
    kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    period TEXT NOT NULL CHECK (length(period) IN (7, 10)),
    value  REAL NOT NULL,
    PRIMARY KEY (kpi_id, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    partnership_id INTEGER NOT NULL REFERENCES partnerships(id) ON DELETE CASCADE,
    review_date    TEXT NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('continue', 'scale', 'pause', 'end')),
    note           TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reviews_by_partnership ON reviews(partnership_id, review_date);
)sql"_s;
}

// 5: the one-page proposal: the user's text and the commercial terms per partnership, and
// pictures such as the company logo (issue 6).
QString proposalsAndImages()
{
    return uR"sql(
CREATE TABLE proposals (
    partnership_id         INTEGER PRIMARY KEY REFERENCES partnerships(id) ON DELETE CASCADE,
    title                  TEXT NOT NULL DEFAULT '',
    hypothesis             TEXT NOT NULL DEFAULT '',
    our_contacts           TEXT NOT NULL DEFAULT '',
    partner_contacts       TEXT NOT NULL DEFAULT '',
    notes                  TEXT NOT NULL DEFAULT '',
    rev_share_pct          REAL CHECK (rev_share_pct BETWEEN 0 AND 100),
    referral_fee           REAL CHECK (referral_fee >= 0),
    reseller_margin_pct    REAL CHECK (reseller_margin_pct BETWEEN 0 AND 100),
    mdf_budget             REAL CHECK (mdf_budget >= 0),
    exclusivity_months     INTEGER DEFAULT 0 CHECK (exclusivity_months >= 0),
    deal_registration_days INTEGER CHECK (deal_registration_days >= 0),
    term_months            INTEGER CHECK (term_months >= 0),
    notice_days            INTEGER CHECK (notice_days >= 0),
    payment_terms          TEXT NOT NULL DEFAULT '',
    first_year_cap         INTEGER NOT NULL DEFAULT 0 CHECK (first_year_cap IN (0, 1))
) STRICT;

CREATE TABLE images (
    name TEXT PRIMARY KEY NOT NULL,
    data BLOB NOT NULL
) STRICT, WITHOUT ROWID;
)sql"_s;
}

// 6: the evidence behind a candidate's audience-overlap score (issue 7).
QString overlapEvidence()
{
    return uR"sql(
CREATE TABLE overlap_evidence (
    candidate_id    INTEGER PRIMARY KEY REFERENCES candidates(id) ON DELETE CASCADE,
    measured_on     TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('plain', 'private')),
    ours            INTEGER NOT NULL CHECK (ours >= 0),
    theirs          INTEGER NOT NULL CHECK (theirs >= 0),
    shared          INTEGER CHECK (shared >= 0),
    share_of_ours   REAL,
    share_of_theirs REAL
) STRICT;
)sql"_s;
}

// 12: several raters (issue 17). The candidates' own scores stay where they are: they are
// the first rater's (the setting scores.first_rater names them), so a workbook scored by one
// person reads as before. Each colleague's scores of a candidate are one row here, by name;
// a rater who scored nothing of it has no row.
QString ratings()
{
    return uR"sql(
CREATE TABLE ratings (
    candidate_id        INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    rater               TEXT NOT NULL CHECK (trim(rater) <> ''),
    audience_overlap    INTEGER CHECK (audience_overlap BETWEEN 1 AND 5),
    strategic_value     INTEGER CHECK (strategic_value BETWEEN 1 AND 5),
    ease_of_integration INTEGER CHECK (ease_of_integration BETWEEN 1 AND 5),
    PRIMARY KEY (candidate_id, rater)
) STRICT, WITHOUT ROWID;
)sql"_s;
}

// Each entry is one released schema step. Never edit a released step: add a new one.
const QStringList &migrations()
{
    static const QStringList steps = {
        settingsAndCandidates(),
        partnershipsAndKpis(),
        raciGrids(),
        kpiTracker(),
        proposalsAndImages(),
        overlapEvidence(),
        proposalsWithNamedExclusivity(),
        candidatesWithQualification(),
        programmeTables(),
        lifecycleTables(),
        identitiesAndHistory(),
        ratings(),
    };
    return steps;
}

// What a step changes in the meaning of values already in db (before it runs), for the
// upgrade note; empty when it changes nothing there.
QString stepNote(SqliteDatabase &db, int version)
{
    switch (version) {
    case 7: {
        const qint64 openEnded =
            db.scalar(u"SELECT count(*) FROM proposals WHERE exclusivity_months IS NULL"_s)
                .toLongLong();
        if (openEnded == 0)
            return {};
        const QString why = QCoreApplication::translate(
            "Schema", "which meant exclusive with no end date: it now says \"open-ended\" (still "
                      "flagged), and an empty exclusivity now means not stated.");
        return openEnded == 1
                   ? QCoreApplication::translate("Schema",
                                                 "1 proposal had an empty exclusivity, %1")
                         .arg(why)
                   : QCoreApplication::translate("Schema",
                                                 "%1 proposals had an empty exclusivity, %2")
                         .arg(openEnded)
                         .arg(why);
    }
    default:
        return {};
    }
}

} // namespace

int currentVersion()
{
    return int(migrations().size());
}

bool migrate(SqliteDatabase &db, int from, int to)
{
    for (int version = from + 1; version <= to; ++version) {
        if (!db.exec(migrations().at(version - 1)))
            return false;
    }
    return db.exec(u"PRAGMA user_version = %1"_s.arg(to));
}

QStringList upgradeNotes(SqliteDatabase &db, int from, int to)
{
    QStringList notes;
    for (int version = from + 1; version <= to; ++version) {
        if (const QString note = stepNote(db, version); !note.isEmpty())
            notes.append(note);
    }
    return notes;
}

QSet<QString> expectedObjects(int version)
{
    static QMutex mutex;
    static QHash<int, QSet<QString>> cache;
    QMutexLocker locker(&mutex);
    if (auto it = cache.constFind(version); it != cache.cend())
        return *it;

    QSet<QString> objects;
    SqliteDatabase scratch;
    if (scratch.openInMemory() && migrate(scratch, 0, version)) {
        SqliteStatement query(scratch, u"SELECT type, name FROM sqlite_schema "
                                       u"WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"_s);
        while (query.step())
            objects.insert(query.text(0) + u" \""_s + query.text(1) + u'"');
    }
    cache.insert(version, objects);
    return objects;
}

} // namespace pb::store::schema
