/* Two moments of one process: writes ./ready-before and waits for ./go, then
 * allocates 64 MiB, touches every page, writes ./ready-after and waits for ./done. */
#include "corpus.h"
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    size_t size = 64UL << 20;
    corpus_touch("ready-before");
    corpus_wait_for("go");
    char *block = malloc(size);
    memset(block, 'G', size);
    FILE *info = fopen("grow-info.txt", "w");
    fprintf(info, "pid=%d\nblock=%p size=%zu\n", getpid(), (void *)block, size);
    fclose(info);
    corpus_touch("ready-after");
    corpus_wait_for("done");
    free(block);
    return 0;
}
