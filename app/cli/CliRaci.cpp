// playbook-cli: the RACI verbs (raci import/export).
#include "Cli.h"

#include "CliSupport.h"
#include "io/RaciCsv.h"
#include "store/Workbook.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace pb::cli {

int Cli::runRaciImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Replace a partnership's RACI grid with the grid in a CSV file or an .xlsx workbook. "
           "Any problem in the file stops the import and nothing is changed."));
    PartnerImport import;
    if (const auto stop = startPartnerImport(parser, u"raci import"_s, arguments, import))
        return *stop;
    io::RaciCsvImport parsed = io::RaciCsv::parse(import.bytes, import.label, import.sheet);
    if (!parsed.errors.isEmpty())
        return refuseImport(parsed.errors);
    const PartnerWorkbook &opened = import.opened;
    if (const store::StoreError error =
            opened.workbook->replaceRaciGrid(opened.candidateId, parsed.grid))
        return fail(error.message, exitCodeFor(error));
    m_out << tr("imported %1 activities and %2 parties")
                 .arg(parsed.grid.activities.size())
                 .arg(parsed.grid.parties.size())
          << u"\n"_s;
    return Success;
}

int Cli::runRaciExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write a partnership's RACI grid as CSV, or as an .xlsx "
                                        "workbook when FILE ends in .xlsx (default: CSV on "
                                        "stdout)."));
    PartnerExport exported;
    if (const auto stop = startPartnerExport(parser, u"raci export"_s, arguments, exported))
        return *stop;
    const PartnerWorkbook &opened = exported.opened;
    const QString &target = exported.target;
    if (!opened.workbook->hasRaciGrid(opened.candidateId))
        return fail(tr("\"%1\" has no RACI grid yet.").arg(parser.positionalArguments().at(1)));
    const domain::RaciGrid grid = opened.workbook->raciGrid(opened.candidateId);
    if (target == u"-")
        return writeExport(target, io::RaciCsv::write(grid, false), m_out, m_err);
    return saved(io::RaciCsv::save(target, grid));
}

} // namespace pb::cli
