#include "SampleWorkbook.h"

#include "domain/Proposal.h"
#include "domain/QualificationFields.h"

#include "store/Workbook.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::StoreError;

static void initSampleResource()
{
    // The resource lives in the static core library; make sure it is registered.
    Q_INIT_RESOURCE(sample);
}

namespace pb::io {

namespace {

std::optional<int> score(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    return std::nullopt;
}

Candidate candidateFromJson(const QJsonObject &object)
{
    Candidate c;
    c.name = object.value(u"name").toString();
    c.website = object.value(u"website").toString();
    c.structure = structureFromId(object.value(u"structure").toString()).value_or(Structure::Unset);
    const QJsonArray scores = object.value(u"scores").toArray();
    c.audienceOverlap = score(scores.at(0));
    c.strategicValue = score(scores.at(1));
    c.easeOfIntegration = score(scores.at(2));
    c.stage = stageFromId(object.value(u"stage").toString()).value_or(Stage::Sourced);
    c.owner = object.value(u"owner").toString();
    c.revenueTheory = object.value(u"revenue_theory").toString();
    c.theirCustomer = object.value(u"their_customer").toString();
    c.sharedPain = object.value(u"shared_pain").toString();
    c.champion = object.value(u"champion").toString();
    const QString readiness = object.value(u"readiness").toString();
    for (int i = 0; i < kReadinessItems && i < readiness.size(); ++i) {
        c.readiness[i] = readiness[i] == u'Y'   ? Readiness::Yes
                         : readiness[i] == u'N' ? Readiness::No
                                                : Readiness::Unknown;
    }
    c.notes = object.value(u"notes").toString();
    // The qualification judgment, in the candidates CSV's column names; the sample's values
    // are valid (tst_qualification checks every answer was read).
    const QJsonObject answers = object.value(u"qualification").toObject();
    for (CandidateField field : QualificationFields::all()) {
        QVariant value = answers.value(CandidateFields::columnName(field)).toVariant();
        if (!value.isNull() && CandidateFields::validate(field, value).isEmpty())
            CandidateFields::setValue(c, field, value);
    }
    return c;
}

KpiDefinition kpiFromJson(const QJsonObject &object)
{
    KpiDefinition kpi;
    kpi.name = object.value(u"name").toString();
    kpi.unit = kpiUnitFromId(object.value(u"unit").toString()).value_or(KpiUnit::Count);
    kpi.direction = kpiDirectionFromId(object.value(u"direction").toString())
                        .value_or(KpiDirection::HigherIsBetter);
    if (object.value(u"target").isDouble())
        kpi.target = object.value(u"target").toDouble();
    if (object.value(u"baseline").isDouble())
        kpi.baseline = object.value(u"baseline").toDouble();
    kpi.metric =
        object.contains(u"measures")
            ? kpiMetricFromId(object.value(u"measures").toString()).value_or(KpiMetric::Custom)
            : kpiMetricForName(kpi.name);
    return kpi;
}

// The sample's dates are relative to the day it is made, so that its year of KPI values
// and its review history always end last month: "monthly" lists one value per month from
// the pilot's first month (null: not measured that month).
KpiSeries seriesFromJson(const QJsonObject &object, const QDate &pilotStart)
{
    KpiSeries series{kpiFromJson(object), {}};
    const QJsonArray monthly = object.value(u"monthly").toArray();
    for (qsizetype i = 0; i < monthly.size(); ++i) {
        if (!monthly.at(i).isDouble())
            continue;
        const QDate month = pilotStart.addMonths(int(i));
        series.values.append(
            {KpiPeriod::month(month.year(), month.month()), monthly.at(i).toDouble()});
    }
    return series;
}

// "costs" lists, per category, one amount per month from the pilot's first month (time in
// hours; null: none that month).
QList<CostEdit> costsFromJson(const QJsonObject &object, const QDate &pilotStart)
{
    QList<CostEdit> costs;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto category = costCategoryFromId(it.key());
        const QJsonArray monthly = it.value().toArray();
        for (qsizetype i = 0; category && i < monthly.size(); ++i) {
            if (monthly.at(i).isDouble())
                costs.append({pilotStart.addMonths(int(i)), *category, monthly.at(i).toDouble()});
        }
    }
    return costs;
}

// "programme_inputs" lists the programme's monthly totals over the last months, the last
// being last month.
QList<ProgrammeInputEdit> inputsFromJson(const QJsonObject &object, const QDate &thisMonth)
{
    QList<ProgrammeInputEdit> inputs;
    for (const ProgrammeInputField field :
         {ProgrammeInputField::Pipeline, ProgrammeInputField::NewArr}) {
        const QJsonArray monthly = object.value(programmeInputFieldId(field)).toArray();
        for (qsizetype i = 0; i < monthly.size(); ++i) {
            if (monthly.at(i).isDouble())
                inputs.append({thisMonth.addMonths(int(i - monthly.size())), field,
                               monthly.at(i).toDouble()});
        }
    }
    return inputs;
}

// Puts the sample's candidates in their stages some days ago ("stage_days_ago"), so that the
// funnel's ages and stalled candidates mean something, and enters the programme's totals.
StoreError addProgramme(store::Workbook &workbook, const QJsonObject &root,
                        const QHash<QString, qint64> &idByName)
{
    const QDate today = QDate::currentDate();
    QHash<qint64, QDate> since;
    for (const QJsonValue &value : root.value(u"candidates").toArray()) {
        const QJsonObject object = value.toObject();
        if (object.contains(u"stage_days_ago"))
            since.insert(idByName.value(object.value(u"name").toString()),
                         today.addDays(-object.value(u"stage_days_ago").toInt()));
    }
    if (StoreError error = workbook.backdateStages(since); error)
        return error;
    return workbook.setProgrammeInputs(inputsFromJson(root.value(u"programme_inputs").toObject(),
                                                      QDate(today.year(), today.month(), 1)));
}

RaciGrid raciFromJson(const QJsonObject &object)
{
    RaciGrid grid;
    for (const QJsonValue &party : object.value(u"parties").toArray()) {
        const QJsonObject p = party.toObject();
        grid.parties.append(
            {0, p.value(u"name").toString(),
             p.value(u"side").toString() == u"partner" ? RaciSide::Partner : RaciSide::Ours});
    }
    for (const QJsonValue &activity : object.value(u"activities").toArray()) {
        const QJsonObject a = activity.toObject();
        grid.activities.append({0, a.value(u"name").toString()});
        QList<RaciRole> row;
        for (const QJsonValue &cell : a.value(u"cells").toArray())
            row.append(raciRoleFromText(cell.toString()).value_or(RaciRole::None));
        grid.cells.append(row);
    }
    grid.normalise();
    return grid;
}

Review reviewFromJson(const QJsonObject &object, const QDate &pilotStart)
{
    Review review;
    review.date = pilotStart.addMonths(object.value(u"months_after_start").toInt());
    review.decision = reviewDecisionFromId(object.value(u"decision").toString())
                          .value_or(ReviewDecision::Continue);
    review.note = object.value(u"note").toString();
    review.worked = object.value(u"worked").toString();
    review.didNotWork = object.value(u"didnt").toString();
    review.toChange = object.value(u"change").toString();
    return review;
}

// "checklists": per kind, item key → {"status", "months_after_start", "note"}.
StoreError addChecklists(store::Workbook &workbook, qint64 candidateId, const QJsonObject &lists,
                         const QDate &pilotStart)
{
    for (auto list = lists.begin(); list != lists.end(); ++list) {
        const auto kind = checklistKindFromId(list.key());
        if (!kind)
            return StoreError::make(StoreError::Code::InvalidValue,
                                    u"sample.json: checklist %1"_s.arg(list.key()));
        QList<ChecklistItem> items;
        const QJsonObject entries = list.value().toObject();
        for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
            const QJsonObject fields = entry.value().toObject();
            ChecklistItem item;
            item.key = entry.key();
            item.status = itemStatusFromId(*kind, fields.value(u"status").toString())
                              .value_or(statusesFor(*kind).front());
            if (fields.contains(u"months_after_start"))
                item.date = pilotStart.addMonths(fields.value(u"months_after_start").toInt());
            item.note = fields.value(u"note").toString();
            items.append(item);
        }
        if (StoreError error = workbook.replaceChecklist(candidateId, *kind, items); error)
            return error;
    }
    return {};
}

} // namespace

QString SampleWorkbook::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(tr("Sample partner programme") + u".playbook"_s);
}

StoreError SampleWorkbook::create(const QString &path)
{
    initSampleResource();
    QFile file(u":/playbook/sample/sample.json"_s);
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::make(StoreError::Code::Io, tr("The bundled sample content is missing."));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject settings = root.value(u"settings").toObject();

    StoreError error;
    auto workbook = store::Workbook::create(path, settings.value(u"title").toString(), &error);
    if (!workbook)
        return error;
    workbook->setAuthor(domain::sampleAuthor());
    const store::HistoryScope step(*workbook, HistoryKind::Edit,
                                   QCoreApplication::translate("SampleWorkbook",
                                                               "Fill in the sample workbook"));
    // "weights" lists one number per dimension, in the dimensions' order.
    const QJsonArray sampleWeights = settings.value(u"weights").toArray();
    ScoringWeights weights;
    for (Dimension dimension : ScoringDimensions::all)
        weights.values[int(dimension)] = sampleWeights.at(int(dimension)).toDouble(1);
    SettingValues values = WorkbookSettings::fromScoringWeights(weights);
    values.insert(SettingValues{
        {SettingKey::Owner, settings.value(u"owner").toString()},
        {SettingKey::Currency, settings.value(u"currency").toString()},
        {SettingKey::Company, settings.value(u"company").toString()},
        {SettingKey::GrossMarginPercent, settings.value(u"gross_margin_percent").toDouble(75)},
        {SettingKey::CacPaybackMonths, settings.value(u"cac_payback_months").toDouble(12)},
    });
    error = workbook->setSettings(values);
    if (error)
        return error;

    QList<Candidate> candidates;
    for (const QJsonValue &value : root.value(u"candidates").toArray())
        candidates.append(candidateFromJson(value.toObject()));
    if (error = workbook->insertCandidates(candidates); error)
        return error;
    QHash<QString, qint64> idByName;
    for (const Candidate &c : std::as_const(candidates))
        idByName.insert(c.name, c.id);

    for (const QJsonValue &value : root.value(u"partnerships").toArray()) {
        const QJsonObject object = value.toObject();
        QDate start;
        if (object.contains(u"pilot_start_months_ago")) {
            const QDate today = QDate::currentDate();
            start = QDate(today.year(), today.month(), 1)
                        .addMonths(-object.value(u"pilot_start_months_ago").toInt());
        }
        QList<KpiSeries> kpis;
        for (const QJsonValue &kpi : object.value(u"kpis").toArray())
            kpis.append(seriesFromJson(kpi.toObject(), start));
        const qint64 candidateId = idByName.value(object.value(u"candidate").toString());
        QList<KpiDefinition> none;
        error = workbook->addPartnership(candidateId, start, object.value(u"pilot_days").toInt(90),
                                         none, nullptr);
        if (!error)
            error = workbook->replaceKpis(candidateId, kpis);
        for (const QJsonValue &entry : object.value(u"reviews").toArray()) {
            if (error)
                break;
            Review review = reviewFromJson(entry.toObject(), start);
            error = workbook->addReview(candidateId, review);
        }
        if (!error && object.contains(u"costs"))
            error = workbook->setCosts(candidateId,
                                       costsFromJson(object.value(u"costs").toObject(), start));
        if (!error)
            error = addChecklists(*workbook, candidateId, object.value(u"checklists").toObject(),
                                  start);
        if (error)
            return error;
        if (const QJsonObject raci = object.value(u"raci").toObject(); !raci.isEmpty()) {
            RaciGrid grid = raciFromJson(raci);
            if (error = workbook->replaceRaciGrid(candidateId, grid); error)
                return error;
        }
        // The proposal, in the keys of `playbook-cli terms`.
        if (const QJsonObject terms = object.value(u"proposal").toObject(); !terms.isEmpty()) {
            ProposalFields fields;
            fields.structure = workbook->candidate(candidateId)->structure;
            fields.pilot = {start, object.value(u"pilot_days").toInt(90)};
            for (auto it = terms.begin(); it != terms.end(); ++it) {
                if (const QString why = ProposalTerms::set(fields, it.key(), it.value().toString());
                    !why.isEmpty())
                    return StoreError::make(StoreError::Code::InvalidValue,
                                            u"sample.json: %1: %2"_s.arg(it.key(), why));
            }
            if (error = workbook->setProposalFields(candidateId, fields); error)
                return error;
        }
    }
    return addProgramme(*workbook, root, idByName);
}

StoreError SampleWorkbook::ensureExists(const QString &path)
{
    if (QFileInfo::exists(path))
        return {};
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return StoreError::make(StoreError::Code::Io,
                                tr("The folder for the sample workbook, %1, cannot be created.")
                                    .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath())));
    return create(path);
}

} // namespace pb::io
