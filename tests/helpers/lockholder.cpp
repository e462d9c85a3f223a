// Test helper: opens a workbook for editing (taking its lock) and keeps it open until
// stdin closes or the process is killed. Prints "locked" once it holds the lock.
#include "store/Workbook.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: lockholder WORKBOOK\n");
        return 1;
    }
    pb::store::StoreError error;
    auto workbook = pb::store::Workbook::open(QString::fromLocal8Bit(argv[1]), {}, &error);
    if (!workbook) {
        std::fprintf(stderr, "%s\n", qPrintable(error.message));
        return 3;
    }
    std::printf("locked\n");
    std::fflush(stdout);
    while (std::fgetc(stdin) != EOF) {
    }
    return 0;
}
