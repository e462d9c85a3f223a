#pragma once

#include "domain/StructureChooser.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace pb::ui {

// "Choose Structure…" for one candidate: the practice's "when to use" questions beside the
// decision matrix (commitment, investment, money, control, speed, risk for each structure),
// the recommended structure's column highlighted with the reasons that led there and what
// would change it. Use This Structure accepts with the recommended (or the column the user
// picked); Save Answers keeps the answers without changing the structure. The caller writes
// both through the editor, as one undo step.
class StructureChooserDialog : public QDialog
{
    Q_OBJECT
public:
    StructureChooserDialog(const QString &candidateName, domain::Structure current,
                           const domain::ChooserAnswers &answers, QWidget *parent = nullptr);

    domain::ChooserAnswers answers() const;
    // The structure to use, when the user chose Use This Structure.
    std::optional<domain::Structure> chosenStructure() const { return m_chosen; }
    domain::Structure recommended() const { return m_recommendation.structure; }
    QTableWidget *matrix() const { return m_matrix; }
    QLabel *reasonsLabel() const { return m_reasons; }
    QPushButton *useButton() const { return m_use; }
    // The combo box of a question (tests drive them): 0–5 the yes/no questions in the order
    // of ChooserAnswers, 6 the partner's role, 7 our go-to-market stage.
    QComboBox *question(int index) const { return m_questions.value(index); }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitMatrix();
    QWidget *buildQuestions(const domain::ChooserAnswers &answers);
    QWidget *buildMatrix();
    void update();
    void highlight(int column);
    int columnOf(domain::Structure structure) const;
    void use();

    domain::Structure m_current;
    domain::StructureRecommendation m_recommendation;
    std::optional<domain::Structure> m_chosen;
    QList<QComboBox *> m_questions;
    QTableWidget *m_matrix = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_reasons = nullptr;
    QPushButton *m_use = nullptr;
};

} // namespace pb::ui
