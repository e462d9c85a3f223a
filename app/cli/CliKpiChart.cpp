// playbook-cli kpi chart: the one verb that draws with QtWidgets (QCustomPlot). main()
// creates a QApplication on the offscreen platform for it (its row in the verb table says so).
#include "Cli.h"

#include "CliSupport.h"
#include "KpiChart.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"

#include <QApplication>
#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace pb::domain;

namespace pb::cli {

namespace {

// The KPI named (any case), else the partnership's first; null, and why, when it has none
// of that name.
const KpiSeries *chooseKpi(const PartnershipKpis &partnership, const std::optional<QString> &wanted,
                           QString *why)
{
    if (!wanted)
        return &partnership.kpis.constFirst();
    const KpiSeries *chosen = nullptr;
    QStringList names;
    for (const KpiSeries &series : partnership.kpis) {
        names.append(series.definition.name);
        if (series.definition.name.compare(*wanted, Qt::CaseInsensitive) == 0)
            chosen = &series;
    }
    if (!chosen)
        *why = Cli::tr("\"%1\" has no KPI named \"%2\"; its KPIs are: %3.")
                   .arg(partnership.partner, *wanted, names.join(u", "_s));
    return chosen;
}

} // namespace

int Cli::runKpiChart(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Render the chart of one KPI of a partnership, as the KPIs area shows it, to a PNG "
           "or PDF file (by its suffix). Without --kpi, the partnership's first KPI."));
    const QCommandLineOption kpiOption(u"kpi"_s, tr("The KPI's name (any case)."), tr("NAME"));
    const QCommandLineOption sizeOption(u"size"_s,
                                        tr("Width and height in pixels (points for PDF); default "
                                           "1200x600."),
                                        tr("WxH"), u"1200x600"_s);
    parser.addOption(kpiOption);
    parser.addOption(sizeOption);
    addPartnerArguments(parser);
    parser.addPositionalArgument(u"OUT"_s, tr("The PNG or PDF file to write."));
    if (const auto stop = parse(parser, u"kpi chart"_s, arguments, 3))
        return *stop;
    const QStringList args = parser.positionalArguments();
    static const QRegularExpression sizePattern(u"^(\\d{2,5})x(\\d{2,5})$"_s);
    const auto size = sizePattern.match(parser.value(sizeOption));
    if (!size.hasMatch() || size.captured(1).toInt() > 10000 || size.captured(2).toInt() > 10000)
        return usageError(tr("--size takes WIDTHxHEIGHT, for example 1200x600 (at most 10000)."));
    const QString suffix = QFileInfo(args.at(2)).suffix().toLower();
    if (suffix != u"png" && suffix != u"pdf")
        return usageError(tr("the chart is written as PNG or PDF: name the file .png or .pdf."));
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return fail(tr("kpi chart needs the widgets application object."), UsageError);

    const PartnerWorkbook opened = openPartner(args.at(0), args.at(1), OpenMode::ReadOnly, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    const PartnershipKpis partnership = opened.workbook->partnershipKpis(opened.candidateId);
    if (partnership.kpis.isEmpty())
        return fail(tr("\"%1\" has no KPIs yet.").arg(partnership.partner));
    QString why;
    const KpiSeries *chosen = chooseKpi(
        partnership,
        parser.isSet(kpiOption) ? std::optional(parser.value(kpiOption).trimmed()) : std::nullopt,
        &why);
    if (!chosen)
        return fail(why);
    const QString writeError = charts::saveKpiChart(
        *chosen, WorkbookSettings::kpiThresholds(opened.workbook->settings()), partnership.partner,
        args.at(2), QSize(size.captured(1).toInt(), size.captured(2).toInt()));
    if (!writeError.isEmpty())
        return fail(writeError);
    m_out << tr("wrote %1").arg(QDir::toNativeSeparators(args.at(2))) << u"\n"_s;
    return Success;
}

} // namespace pb::cli
