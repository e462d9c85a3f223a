// A file of the core that uses QtWidgets.
#include <QWidget>

int probe() { return sizeof(QWidget); }
