// Control: a file of the core includes a core header and QtGui, and compiles.
#include "store/Workbook.h"

#include <QColor>

int probe() { return QColor(Qt::red).red(); }
