/* Allocates a little heap and prints its own /proc/self/maps to standard output.
 * Run twice for the ASLR pair, and under LD_PRELOAD for the preload capture. */
#include "corpus.h"
#include <stdlib.h>

int main(void)
{
    char *heap = malloc(4096);
    strcpy(heap, "PRINT_MAPS_HEAP_MARKER");
    return corpus_copy_file("/proc/self/maps", "/dev/stdout") == 0 ? 0 : 1;
}
