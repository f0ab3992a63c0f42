/* Saves /proc/self/maps to ./maps.self, then writes through a null pointer
 * (address 0x10: a field of a struct at NULL). The kernel writes ./core. */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>

struct record {
    long header[2];
    long value;
};

__attribute__((noinline)) static void store(struct record *record, long value)
{
    record->value = value;
}

int main(void)
{
    char *heap = malloc(256);
    strcpy(heap, "CRASH_NULL_HEAP_MARKER");
    FILE *info = fopen("crash-info.txt", "w");
    fprintf(info, "pid=%d\nexpected=SIGSEGV write to address 0x10\n", getpid());
    fclose(info);
    corpus_copy_file("/proc/self/maps", "maps.self");
    store((struct record *)NULL, 42);
    return 0;
}
