/* Waits to be killed by another process (kill -SEGV PID). Saves
 * /proc/self/maps to ./maps.self and writes ./ready first. */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    char *heap = malloc(256);
    strcpy(heap, "VICTIM_HEAP_MARKER");
    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nexpected=SIGSEGV sent by another process (SI_USER)\n", getpid());
    fclose(info);
    corpus_copy_file("/proc/self/maps", "maps.self");
    corpus_touch("ready");
    for (;;)
        pause();
}
