// playbook-cli: the proposal verbs (terms, proposal).
#include "Cli.h"

#include "CliSupport.h"
#include "domain/WorkbookSettings.h"
#include "io/ProposalDocument.h"
#include "item/ProposalData.h"
#include "store/Workbook.h"

#include <QDir>
#include <QGuiApplication>

using namespace Qt::StringLiterals;
using namespace pb::domain;
using pb::store::StoreError;
using pb::store::Workbook;

namespace pb::cli {

namespace {

int positionalCount(const QStringList &arguments)
{
    int count = 0;
    bool skipValue = false;
    for (const QString &argument : arguments) {
        if (skipValue) {
            skipValue = false;
            continue;
        }
        if (argument == u"-o" || argument == u"--output" || argument == u"--page-size") {
            skipValue = true;
            continue;
        }
        if (!argument.startsWith(u'-') || argument == u"-")
            ++count;
    }
    return count;
}

} // namespace

int Cli::runTerms(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print a partnership's proposal terms, or set them with KEY=VALUE pairs (an empty "
           "VALUE clears a value: not stated; exclusivity_months=open-ended grants exclusivity "
           "with no end date). An unknown key or a bad value changes nothing. Keys: %1.")
            .arg(ProposalTerms::keys().join(u", "_s)));
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, tr("The candidate's name (any case)."));
    parser.addPositionalArgument(u"KEY=VALUE"_s, tr("Terms to set."), u"[KEY=VALUE ...]"_s);
    const int count = std::max(2, positionalCount(arguments));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"terms"_s, arguments, count, m_out, &error, &help))
        return help ? Success : usageError(error);
    const QStringList args = parser.positionalArguments();
    const QStringList pairs = args.mid(2);

    PartnerWorkbook opened = openPartner(
        args.at(0), args.at(1), pairs.isEmpty() ? OpenMode::ReadOnly : OpenMode::Editing, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const qint64 candidateId = opened.candidateId;
    auto data = item::ProposalData::gather(workbook, candidateId, QDate::currentDate());
    if (!data)
        return BadInput;

    if (!pairs.isEmpty()) {
        QStringList problems;
        for (const QString &pair : pairs) {
            const qsizetype equals = pair.indexOf(u'=');
            const QString key = pair.left(equals).trimmed().toLower();
            if (equals <= 0) {
                problems << tr("\"%1\": write KEY=VALUE").arg(pair);
                continue;
            }
            if (const QString why = ProposalTerms::set(data->fields, key, pair.mid(equals + 1));
                !why.isEmpty())
                problems << (ProposalTerms::keys().contains(key) ? u"%1: %2"_s.arg(key, why) : why);
        }
        if (!problems.isEmpty()) {
            for (const QString &problem : std::as_const(problems))
                m_err << problem << u"\n"_s;
            m_err << tr("Nothing was changed.") << u"\n"_s;
            return BadInput;
        }
        if (StoreError storeError = workbook.setProposalFields(candidateId, data->fields);
            storeError) {
            m_err << storeError.message << u"\n"_s;
            return exitCodeFor(storeError);
        }
        m_out << (pairs.size() == 1
                      ? tr("updated 1 term of %1").arg(data->context.partner)
                      : tr("updated %1 terms of %2").arg(pairs.size()).arg(data->context.partner))
              << u"\n"_s;
    } else {
        int width = 0;
        for (const QString &key : ProposalTerms::keys())
            width = std::max(width, int(key.size()));
        for (const QString &key : ProposalTerms::keys()) {
            QString value = ProposalTerms::value(data->fields, key);
            value.replace(u'\n', u"\\n"_s);
            m_out << key.leftJustified(width + 1, u' ') << u"= "_s << value << u"\n"_s;
        }
    }
    for (const Finding &finding : data->findings())
        m_err << tr("warning: %1: %2").arg(finding.code, finding.message) << u"\n"_s;
    return Success;
}

int Cli::runProposal(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Write a partnership's one-page proposal as PDF. When it does not fit on one page "
           "even at the smallest type, nothing is written and the message says which section "
           "is too long."));
    const QCommandLineOption output({u"o"_s, u"output"_s}, tr("The PDF file to write."),
                                    tr("OUT.pdf"));
    const QCommandLineOption pageSize(u"page-size"_s,
                                      tr("A4 or Letter (default: from the locale)."), tr("SIZE"));
    parser.addOption(output);
    parser.addOption(pageSize);
    parser.addPositionalArgument(u"WORKBOOK"_s, tr("The .playbook file."));
    parser.addPositionalArgument(u"PARTNER"_s, tr("The candidate's name (any case)."));
    QString error;
    bool help = false;
    if (!parseVerb(parser, u"proposal"_s, arguments, 2, m_out, &error, &help))
        return help ? Success : usageError(error);
    if (!parser.isSet(output))
        return usageError(tr("'proposal' needs -o OUT.pdf."));
    QPageSize::PageSizeId size = io::ProposalDocument::defaultPageSize(QLocale());
    if (parser.isSet(pageSize)) {
        const QString name = parser.value(pageSize).toLower();
        if (name == u"a4")
            size = QPageSize::A4;
        else if (name == u"letter")
            size = QPageSize::Letter;
        else
            return usageError(tr("--page-size is A4 or Letter."));
    }
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_err << tr("proposal needs the GUI application object.") << u"\n"_s;
        return UsageError;
    }
    const QStringList args = parser.positionalArguments();
    PartnerWorkbook opened = openPartner(args.at(0), args.at(1), OpenMode::ReadOnly, m_err);
    if (!opened.workbook)
        return opened.exitCode;
    Workbook &workbook = *opened.workbook;
    const qint64 candidateId = opened.candidateId;
    const auto data = item::ProposalData::gather(workbook, candidateId, QDate::currentDate());
    if (!data)
        return BadInput;
    const io::ProposalDocument document(data->content(), size, workbook.image(u"logo"_s));
    QString author = workbook.setting(SettingKey::Owner).toString();
    if (author.isEmpty())
        author = data->sources.company;
    if (const QString writeError = document.writePdf(parser.value(output), author);
        !writeError.isEmpty()) {
        m_err << writeError << u"\n"_s;
        return BadInput;
    }
    m_out << tr("wrote %1 (one page, %2 pt text)")
                 .arg(QDir::toNativeSeparators(parser.value(output)))
                 .arg(document.bodyPointSize())
          << u"\n"_s;
    for (const Finding &finding : data->findings())
        m_err << tr("warning: %1: %2").arg(finding.code, finding.message) << u"\n"_s;
    return Success;
}

} // namespace pb::cli
