// A file of the core that reaches into the charts library.
#include "KpiChart.h"

int probe() { return 0; }
