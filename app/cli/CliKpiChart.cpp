// playbook-cli kpi chart: the one verb that draws with QtWidgets (QCustomPlot). main()
// creates a QApplication on the offscreen platform for it (Cli::needsWidgets).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/WorkbookSettings.h"
#include "store/Workbook.h"
#include "KpiChart.h"

#include <QApplication>
#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

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
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, tr("The candidate's name (any case)."));
    parser.addPositionalArgument(u"OUT"_s, tr("The PNG or PDF file to write."));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"kpi chart"_s, arguments, 3, m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();
    static const QRegularExpression sizePattern(u"^(\\d{2,5})x(\\d{2,5})$"_s);
    const auto size = sizePattern.match(parser.value(sizeOption));
    if (!size.hasMatch() || size.captured(1).toInt() > 10000 || size.captured(2).toInt() > 10000)
        return usageError(tr("--size takes WIDTHxHEIGHT, for example 1200x600 (at most 10000)."));
    const QString suffix = QFileInfo(args.at(2)).suffix().toLower();
    if (suffix != u"png" && suffix != u"pdf")
        return usageError(tr("the chart is written as PNG or PDF: name the file .png or .pdf."));
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        m_err << tr("kpi chart needs the widgets application object.") << u"\n"_s;
        return UsageError;
    }

    PartnerWorkbook opened = openPartner(args.at(0), args.at(1), true, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const qint64 candidateId = opened.candidateId;
    const PartnershipKpis partnership = workbook.partnershipKpis(candidateId);
    if (partnership.kpis.isEmpty()) {
        m_err << tr("\"%1\" has no KPIs yet.").arg(partnership.partner) << u"\n"_s;
        return BadInput;
    }
    const KpiSeries *chosen = &partnership.kpis.constFirst();
    if (parser.isSet(kpiOption)) {
        const QString wanted = parser.value(kpiOption).trimmed();
        chosen = nullptr;
        QStringList names;
        for (const KpiSeries &series : partnership.kpis) {
            names.append(series.definition.name);
            if (series.definition.name.compare(wanted, Qt::CaseInsensitive) == 0)
                chosen = &series;
        }
        if (!chosen) {
            m_err << tr("\"%1\" has no KPI named \"%2\"; its KPIs are: %3.")
                         .arg(partnership.partner, wanted, names.join(u", "_s))
                  << u"\n"_s;
            return BadInput;
        }
    }
    const QString writeError = charts::saveKpiChart(
        *chosen, WorkbookSettings::kpiThresholds(workbook.settings()), partnership.partner,
        args.at(2), QSize(size.captured(1).toInt(), size.captured(2).toInt()));
    if (!writeError.isEmpty()) {
        m_err << writeError << u"\n"_s;
        return BadInput;
    }
    m_out << tr("wrote %1").arg(QDir::toNativeSeparators(args.at(2))) << u"\n"_s;
    return Success;
}

} // namespace pb::cli
