// playbook-cli: the RACI verbs (raci import/export).
#include "Cli.h"

#include "CliSupport.h"
#include "io/RaciCsv.h"
#include "store/Workbook.h"

#include <QDir>

using namespace Qt::StringLiterals;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

int Cli::runRaci(const QStringList &arguments)
{
    const QString action = arguments.value(0);
    const bool import = action == u"import";
    if (!import && action != u"export") {
        if (action == u"-h" || action == u"--help") {
            m_out << tr("Usage: playbook-cli raci import WORKBOOK PARTNER FILE.csv\n"
                        "       playbook-cli raci export WORKBOOK PARTNER [FILE.csv|-]\n");
            return Success;
        }
        return usageError(action.isEmpty() ? tr("'raci' needs 'import' or 'export'.")
                                           : tr("unknown action 'raci %1'.").arg(action));
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        import ? tr("Replace a partnership's RACI grid with the grid in a CSV file. Any "
                    "problem in the file stops the import and nothing is changed.")
               : tr("Write a partnership's RACI grid as CSV (default: stdout)."));
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, tr("The candidate's name (any case)."));
    parser.addPositionalArgument(u"FILE"_s, tr("The CSV file, or - for stdout."));
    const QStringList rest = arguments.mid(1);
    const int positional = int(std::count_if(rest.cbegin(), rest.cend(), [](const QString &a) {
        return !a.startsWith(u'-') || a == u"-";
    }));
    QString error;
    bool help = false;
    const int expected = import ? 3 : (positional == 2 ? 2 : 3);
    if (!parseVerb(parser, u"raci "_s + action, rest, expected, m_out, &error, &help))
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
    if (import) {
        io::RaciCsvImport parsed = io::RaciCsv::parse(csv, QDir::toNativeSeparators(args.at(2)));
        if (!parsed.errors.isEmpty()) {
            for (const QString &problem : parsed.errors)
                m_err << problem << u"\n"_s;
            m_err << tr("Nothing was imported; the workbook is unchanged.") << u"\n"_s;
            return BadInput;
        }
        if (StoreError storeError = workbook.replaceRaciGrid(candidateId, parsed.grid);
            storeError) {
            m_err << storeError.message << u"\n"_s;
            return exitCodeFor(storeError);
        }
        m_out << tr("imported %1 activities and %2 parties")
                     .arg(parsed.grid.activities.size())
                     .arg(parsed.grid.parties.size())
              << u"\n"_s;
        return Success;
    }
    if (!workbook.hasRaciGrid(candidateId)) {
        m_err << tr("\"%1\" has no RACI grid yet.").arg(args.at(1)) << u"\n"_s;
        return BadInput;
    }
    const QString target = args.value(2, u"-"_s);
    const QByteArray bytes = io::RaciCsv::write(workbook.raciGrid(candidateId), target != u"-");
    return writeExport(target, bytes, m_out, m_err);
}

} // namespace pb::cli
