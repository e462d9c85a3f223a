#pragma once

#include <QWidget>

class QLabel;
class QListWidget;

namespace pb::ui {

// Shown when no workbook is open: start a new one, open one, or explore the sample.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    void setRecentFiles(const QStringList &files);

signals:
    void newRequested();
    void openRequested();
    void sampleRequested();
    void recentRequested(const QString &path);

private:
    QListWidget *m_recent;
    QLabel *m_noRecent;
};

} // namespace pb::ui
