// playbook-cli: the KPI verbs (kpi import/export/status; kpi chart is in CliKpiChart.cpp).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/KpiRules.h"
#include "domain/WorkbookSettings.h"
#include "io/KpiCsv.h"
#include "store/Workbook.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QString pad(const QString &text, int width)
{
    return text.leftJustified(width, u' ');
}

} // namespace

Cli::AppKind Cli::appKind(const QStringList &arguments)
{
    if (arguments.value(0) == u"kpi" && arguments.value(1) == u"chart")
        return AppKind::Widgets;
    if (arguments.value(0) == u"proposal")
        return AppKind::Gui;
    return AppKind::Core;
}

int Cli::runKpi(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    if (action == u"chart")
        return runKpiChart(arguments.mid(1));
    const bool import = action == u"import";
    const bool status = action == u"status";
    if (!import && !status && action != u"export") {
        if (action == u"-h" || action == u"--help") {
            m_out << tr("Usage: playbook-cli kpi import WORKBOOK PARTNER FILE.csv\n"
                        "       playbook-cli kpi export WORKBOOK PARTNER [FILE.csv|-]\n"
                        "       playbook-cli kpi status WORKBOOK PARTNER [--json]\n"
                        "       playbook-cli kpi chart WORKBOOK PARTNER OUT.png|OUT.pdf "
                        "[--kpi NAME] [--size WxH]\n");
            return Success;
        }
        return usageError(action.isEmpty()
                              ? tr("'kpi' needs 'import', 'export', 'status' or 'chart'.")
                              : tr("unknown action 'kpi %1'.").arg(action));
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        import   ? tr("Add KPIs and their values from a CSV file to a partnership: KPIs the "
                        "partnership does not have yet are created, values of the same period "
                        "are replaced. Any problem in the file stops the import and nothing is "
                        "changed.")
        : status ? tr("Show each KPI of a partnership against its target, the partnership's "
                      "signals and the next review.")
                 : tr("Write a partnership's KPIs and values as CSV (default: stdout)."));
    const QCommandLineOption json(u"json"_s, tr("Print machine-readable JSON."));
    if (status)
        parser.addOption(json);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, tr("The candidate's name (any case)."));
    if (!status)
        parser.addPositionalArgument(u"FILE"_s, tr("The CSV file, or - for stdout."));
    const QStringList rest = arguments.mid(1);
    const int positional = int(std::count_if(rest.cbegin(), rest.cend(), [](const QString &a) {
        return !a.startsWith(u'-') || a == u"-";
    }));
    const int expected = import ? 3 : status ? 2 : (positional == 2 ? 2 : 3);
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"kpi "_s + action, rest, expected, m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();

    QByteArray csv;
    if (import) {
        if (const QString why = readInputFile(args.at(2), csv); !why.isEmpty()) {
            m_err << why << u"\n"_s;
            return BadInput;
        }
    }
    PartnerWorkbook opened = openPartner(args.at(0), args.at(1), !import, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const qint64 candidateId = opened.candidateId;
    const PartnershipKpis current = workbook.partnershipKpis(candidateId);
    const KpiThresholds thresholds = WorkbookSettings::kpiThresholds(workbook.settings());

    if (import) {
        const io::KpiCsvImport parsed =
            io::KpiCsv::parse(csv, QDir::toNativeSeparators(args.at(2)));
        if (!parsed.errors.isEmpty()) {
            for (const QString &problem : parsed.errors)
                m_err << problem << u"\n"_s;
            m_err << tr("Nothing was imported; the workbook is unchanged.") << u"\n"_s;
            return BadInput;
        }
        QList<KpiSeries> merged = io::KpiCsv::merge(current.kpis, parsed.kpis);
        const qsizetype created = merged.size() - current.kpis.size();
        if (StoreError storeError = workbook.replaceKpis(candidateId, merged); storeError) {
            m_err << storeError.message << u"\n"_s;
            return exitCodeFor(storeError);
        }
        m_out << tr("imported %1 values for %2 KPIs (%3 new)")
                     .arg(parsed.valueCount)
                     .arg(parsed.kpis.size())
                     .arg(created)
              << u"\n"_s;
        if (!isRecommendedKpiCount(merged.size()))
            m_err << tr("warning: %1 now tracks %2 KPIs; agree three to five (kpi.count).")
                         .arg(current.partner)
                         .arg(merged.size())
                  << u"\n"_s;
        return Success;
    }

    if (!status) {
        const QString target = args.value(2, u"-"_s);
        return writeExport(target, io::KpiCsv::write(current.kpis, target != u"-"), m_out, m_err);
    }

    // kpi status
    const QDate today = QDate::currentDate();
    const Findings signalList = KpiRules::check(current, thresholds, today);
    const auto next = KpiRules::nextReview(current.pilot, current.reviews);
    const bool overdue = KpiRules::isReviewOverdue(current.pilot, current.reviews, today);
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions); // "$17,200", not "$17200"
    if (parser.isSet(json)) {
        QJsonArray kpis;
        for (const KpiSeries &series : current.kpis) {
            const KpiDefinition &kpi = series.definition;
            const KpiState state = KpiRules::state(series, thresholds);
            QJsonObject latest;
            if (state.latest)
                latest = {{u"period"_s, state.latest->period.toString()},
                          {u"value"_s, state.latest->value}};
            kpis.append(QJsonObject{
                {u"name"_s, kpi.name},
                {u"unit"_s, kpiUnitId(kpi.unit)},
                {u"direction"_s, kpiDirectionId(kpi.direction)},
                {u"measures"_s,
                 kpi.metric == KpiMetric::Custom ? u"custom"_s : kpiMetricId(kpi.metric)},
                {u"target"_s, number(kpi.target)},
                {u"baseline"_s, number(kpi.baseline)},
                {u"latest"_s, state.latest ? QJsonValue(latest) : QJsonValue()},
                {u"status"_s, kpiStatusId(state.status)},
                {u"trend"_s,
                 state.trend == KpiTrend::None ? QJsonValue() : kpiTrendId(state.trend)},
                {u"values"_s, series.values.size()}});
        }
        QJsonArray signalsJson;
        for (const Finding &finding : signalList)
            signalsJson.append(findingJson(finding));
        QJsonObject pilot{{u"start"_s, current.pilot.start.isValid()
                                           ? QJsonValue(current.pilot.start.toString(Qt::ISODate))
                                           : QJsonValue()},
                          {u"days"_s, current.pilot.days}};
        printJson(m_out, {{u"partner"_s, current.partner},
                          {u"currency"_s, thresholds.currency},
                          {u"pilot"_s, pilot},
                          {u"next_review"_s,
                           next ? QJsonValue(next->toString(Qt::ISODate)) : QJsonValue()},
                          {u"review_overdue"_s, overdue},
                          {u"reviews"_s, current.reviews.size()},
                          {u"kpis"_s, kpis},
                          {u"signals"_s, signalsJson}});
        return Success;
    }

    m_out << tr("partner: %1").arg(current.partner) << u"\n"_s;
    m_out << tr("pilot: %1")
                 .arg(current.pilot.start.isValid()
                          ? tr("started %1, %2 days")
                                .arg(current.pilot.start.toString(Qt::ISODate))
                                .arg(current.pilot.days)
                          : tr("not started"))
          << u"\n"_s;
    QString review = next ? next->toString(Qt::ISODate) : tr("none");
    if (overdue)
        review += tr(" (overdue by %1 days)").arg(next->daysTo(today));
    m_out << tr("next review: %1").arg(review) << u"\n"_s;
    if (current.kpis.isEmpty()) {
        m_out << tr("kpis: none") << u"\n"_s;
    } else {
        int nameWidth = 4;
        for (const KpiSeries &series : current.kpis)
            nameWidth = std::max(nameWidth, int(series.definition.name.size()));
        nameWidth = std::min(nameWidth, 40) + 2;
        m_out << pad(tr("KPI"), nameWidth) << pad(tr("LATEST"), 26) << pad(tr("TARGET"), 14)
              << pad(tr("STATUS"), 11) << tr("TREND") << u"\n"_s;
        for (const KpiSeries &series : current.kpis) {
            const KpiDefinition &kpi = series.definition;
            const KpiState state = KpiRules::state(series, thresholds);
            const QString latest =
                state.latest ? u"%1 (%2)"_s.arg(formatKpiValue(state.latest->value, kpi.unit,
                                                               thresholds.currency, c),
                                                state.latest->period.toString())
                             : u"-"_s;
            const QString target =
                kpi.target ? formatKpiValue(*kpi.target, kpi.unit, thresholds.currency, c) : u"-"_s;
            m_out << pad(kpi.name, nameWidth) << pad(latest, 26) << pad(target, 14)
                  << pad(kpiStatusId(state.status), 11)
                  << (state.trend == KpiTrend::None ? u"-"_s : kpiTrendId(state.trend)) << u"\n"_s;
        }
    }
    m_out << (signalList.isEmpty() ? tr("signals: none") : tr("signals: %1").arg(signalList.size()))
          << u"\n"_s;
    for (const Finding &finding : signalList)
        m_out << u"  "_s << finding.code << u": "_s << finding.message << u"\n"_s;
    return Success;
}

} // namespace pb::cli
