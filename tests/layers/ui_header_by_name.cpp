// A file of the core that names a ui/ header as the ui library itself would.
#include "MainWindow.h"

int probe() { return 0; }
