#include "ProposalLogoRow.h"

#include "FileDialogs.h"
#include "Messages.h"
#include "item/WorkbookEditor.h"

#include <QBuffer>
#include <QDir>
#include <QHBoxLayout>
#include <QImageReader>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace pb::ui {

ProposalLogoRow::ProposalLogoRow(item::WorkbookEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_choose(new QPushButton(tr("Choose Logo…"), this))
    , m_remove(new QPushButton(tr("Remove Logo"), this))
{
    m_choose->setToolTip(tr("A logo for the top of the page (PNG or JPEG), kept in the "
                            "workbook"));
    connect(m_choose, &QPushButton::clicked, this, &ProposalLogoRow::choose);
    connect(m_remove, &QPushButton::clicked, this, &ProposalLogoRow::remove);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_choose);
    layout->addWidget(m_remove);
    layout->addStretch(1);
}

QString ProposalLogoRow::setLogo(const QString &imagePath)
{
    QImageReader reader(imagePath);
    reader.setAutoTransform(true);
    QImage image = reader.read();
    if (image.isNull())
        return tr("\"%1\" is not a PNG or JPEG picture: %2.")
            .arg(QDir::toNativeSeparators(imagePath), reader.errorString());
    // Kept small: a logo is printed about 3 cm wide.
    if (image.width() > 800 || image.height() > 300)
        image = image.scaled(800, 300, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return m_editor->changeImage(u"logo"_s, png, tr("Change logo"));
}

void ProposalLogoRow::setHasLogo(bool hasLogo)
{
    m_remove->setVisible(hasLogo);
}

void ProposalLogoRow::setEditable(bool editable)
{
    m_choose->setEnabled(editable);
    m_remove->setEnabled(editable);
}

void ProposalLogoRow::choose()
{
    const QString path = FileDialogs::openFile(this, FileDialogs::Kind::Import, tr("Choose Logo"),
                                               tr("Images (*.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return;
    if (const QString error = setLogo(path); !error.isEmpty())
        Messages::warning(this, tr("Logo not changed"), error);
}

void ProposalLogoRow::remove()
{
    if (const QString error = m_editor->changeImage(u"logo"_s, {}, tr("Remove logo"));
        !error.isEmpty())
        Messages::warning(this, tr("Logo not removed"), error);
}

} // namespace pb::ui
