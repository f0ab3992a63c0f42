/* A small program with debug information, served by a local debuginfod server in the symbol-lookup tests. */
#include <stdio.h>

static int square(int value) { return value * value; }

int main(int argc, char **argv) {
    (void)argv;
    printf("%d\n", square(argc + 1));
    return 0;
}
