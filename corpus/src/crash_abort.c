/* Saves /proc/self/maps to ./maps.self, then calls abort(): SIGABRT and ./core. */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char *heap = malloc(256);
    strcpy(heap, "CRASH_ABORT_HEAP_MARKER");
    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nexpected=SIGABRT from abort()\n", getpid());
    fclose(info);
    corpus_copy_file("/proc/self/maps", "maps.self");
    abort();
}
